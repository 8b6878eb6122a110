import { ref, shallowRef, watch } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError, type ApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';

/** The account's scheduled notes (server drafts with isActuallyScheduled), edited or cancelled in place. */
export function useScheduledNotes() {
  const session = useSessionStore();
  const items = shallowRef<Misskey.entities.NoteDraft[]>([]);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const list = await session.api.request('notes/drafts/list', { limit: 100, scheduled: true });
      // Soonest first, as they will be posted.
      items.value = [...list].sort((a, b) => (a.scheduledAt ?? 0) - (b.scheduledAt ?? 0));
    } catch (e) {
      error.value = toApiError(e, 'notes/drafts/list');
    } finally {
      loading.value = false;
    }
  }

  function replace(updated: Misskey.entities.NoteDraft): void {
    items.value = items.value.map((d) => (d.id === updated.id ? updated : d)).filter((d) => d.isActuallyScheduled);
  }

  /** New text, CW and time; the other fields stay as they were. */
  async function save(id: string, change: { text: string; cw: string | null; scheduledAt: number }): Promise<void> {
    const { updatedDraft } = await session.api.request('notes/drafts/update', {
      draftId: id,
      text: change.text,
      cw: change.cw,
      scheduledAt: change.scheduledAt,
      isActuallyScheduled: true,
    });
    replace(updatedDraft);
  }

  /** Not posted after all: it goes back to the drafts, where nothing of it is lost. */
  async function cancel(id: string): Promise<void> {
    const { updatedDraft } = await session.api.request('notes/drafts/update', { draftId: id, isActuallyScheduled: false });
    replace(updatedDraft);
  }

  watch(
    () => (session.status === 'ready' ? session.me?.id : null),
    (id) => {
      if (id && session.features.scheduledNoteLimit > 0) void load();
    },
    { immediate: true },
  );

  return { items, loading, error, load, save, cancel };
}
