import { onBeforeUnmount, ref, watch } from 'vue';
import { useDraftsStore } from '@/stores/drafts';
import { useOutboxStore } from '@/stores/outbox';
import { emptyDraft, type Draft } from './draftModel.ts';

/**
 * The composer's state for one context, restored from the saved draft and saved back as the
 * user types. A draft the outbox already holds (the page closed mid-send) is not restored twice.
 */
export function useDraft(context: () => string) {
  const drafts = useDraftsStore();
  const outbox = useOutboxStore();
  const draft = ref<Draft>(emptyDraft());

  /** A fresh draft that keeps the audience the user picked. */
  function fresh(): Draft {
    const { visibility, recipients, localOnly } = draft.value;
    return { ...emptyDraft(), visibility, recipients: [...recipients], localOnly };
  }

  function restore(): void {
    let saved = drafts.load(context());
    if (saved && outbox.holdsDraft(saved.id)) {
      drafts.clear(context());
      saved = null;
    }
    draft.value = saved ?? fresh();
  }

  function reset(): void {
    draft.value = fresh();
    drafts.clear(context());
  }

  watch(
    context,
    (_, old) => {
      if (old !== undefined) drafts.flush();
      restore();
    },
    { immediate: true },
  );
  watch(() => drafts.versionOf(context()), restore);
  watch(draft, (d) => drafts.schedule(context(), d), { deep: true });
  onBeforeUnmount(() => drafts.flush());

  return { draft, reset };
}
