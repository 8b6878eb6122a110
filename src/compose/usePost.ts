import { computed, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useDraftsStore } from '@/stores/drafts';
import { useOutboxStore } from '@/stores/outbox';
import { useSessionStore } from '@/stores/session';
import type { Draft } from './draftModel.ts';
import { draftProblem, type PostTarget } from './postParams.ts';

// meta.maxNoteTextLength is always sent; this only covers the moment before meta arrives.
const FALLBACK_MAX_TEXT = 3000;

/**
 * Sends the draft through the outbox. The created note is not inserted here: it comes back on the
 * timeline's channel like any other. A failed post stays in the outbox, so the form empties either way.
 */
export function usePost(
  draft: Ref<Draft>,
  target: () => PostTarget,
  context: () => string,
  reset: () => void,
  uploading: () => boolean,
) {
  const { t } = useI18n();
  const session = useSessionStore();
  const drafts = useDraftsStore();
  const outbox = useOutboxStore();
  const posting = ref(false);
  const status = ref('');
  // The last post did not reach the server (it waits in the outbox, or nobody is signed in).
  const queued = ref(false);

  const maxTextLength = computed(() => session.meta?.maxNoteTextLength ?? FALLBACK_MAX_TEXT);
  const problem = computed(() => draftProblem(draft.value, target(), maxTextLength.value));
  const canPost = computed(() => !posting.value && !uploading() && problem.value === null);

  async function post(): Promise<void> {
    if (!canPost.value) return;
    const snapshot = JSON.parse(JSON.stringify(draft.value)) as Draft;
    const ctx = context();
    // Stored before the request, so a crash mid-send leaves it in the draft or the outbox.
    drafts.saveNow(ctx, snapshot);
    posting.value = true;
    queued.value = false;
    status.value = t('compose.posting');
    try {
      const outcome = await outbox.submit(snapshot, target(), ctx);
      reset();
      queued.value = outcome !== 'sent';
      status.value = outcome === 'sent' ? t('compose.posted') : t('compose.queued');
    } catch {
      queued.value = true;
      status.value = t('compose.notSignedIn');
    } finally {
      posting.value = false;
    }
  }

  return { post, posting, queued, canPost, problem, maxTextLength, status };
}
