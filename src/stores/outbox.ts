import { computed, shallowRef, watch } from 'vue';
import type * as Misskey from 'misskey-js';
import { useAccountsStore } from '@/stores/accounts';
import { useSessionStore } from '@/stores/session';
import { useDraftsStore } from '@/stores/drafts';
import { ACTIVE_SCOPE, defineScopedStore } from './scope';
import { createOutbox, type Outbox, type SendOutcome } from '@/compose/outboxQueue';
import { findPostedNote } from '@/compose/findPostedNote';
import { isEmptyDraft, type Draft } from '@/compose/draftModel';
import type { PostTarget } from '@/compose/postParams';

const PREFIX = 'mkc:outbox:';

// The signed-in account's outbox (see compose/outboxQueue.ts for the rules). It starts once the
// session is ready, so queued posts go out with the right account's token.
export const useOutboxStore = defineScopedStore('outbox', (scope) => {
  const accounts = useAccountsStore();
  const session = useSessionStore(scope);
  const drafts = useDraftsStore(scope);
  const accountKey = () => (scope === ACTIVE_SCOPE ? (accounts.activeAccount?.key ?? null) : scope);
  const queue = shallowRef<Outbox | null>(null);
  let queueAccount: string | null = null;
  const postedListeners = new Set<(note: Misskey.entities.Note) => void>();

  watch(
    () => [accountKey(), session.status === 'ready' && session.me !== null] as const,
    ([key, ready]) => {
      if (key === queueAccount && (queue.value !== null) === ready) return;
      queue.value?.dispose();
      queue.value = null;
      queueAccount = key;
      if (!key || !ready) return;
      queue.value = createOutbox({
        storageKey: PREFIX + key,
        post: async (params) => {
          const note = (await session.api.request('notes/create', params)).createdNote;
          postedListeners.forEach((fn) => fn(note));
          return note;
        },
        findPosted: async (entry) => {
          const me = session.me;
          return me !== null && (await findPostedNote(session.api, me.id, entry)) !== null;
        },
      });
    },
    { immediate: true },
  );

  const entries = computed(() => queue.value?.entries.value ?? []);

  function requireQueue(): Outbox {
    if (!queue.value) throw new Error('Posting needs a signed-in session.');
    return queue.value;
  }

  function submit(draft: Draft, target: PostTarget, context: string): Promise<SendOutcome> {
    return requireQueue().add(draft, target, context);
  }

  function retry(id: string): Promise<SendOutcome> {
    return requireQueue().retry(id);
  }

  function discard(id: string): boolean {
    return queue.value?.discard(id) ?? false;
  }

  /** "Edit": the post leaves the outbox and goes back into its composer's draft. */
  async function edit(id: string): Promise<'moved' | 'posted' | 'busy' | 'occupied'> {
    const entry = entries.value.find((e) => e.id === id);
    if (!entry || !queue.value) return 'busy';
    // Never overwrite what is being written in that composer now.
    const current = drafts.load(entry.context);
    if (current && !isEmptyDraft(current)) return 'occupied';
    const draft = await queue.value.take(id);
    if (!draft) return entries.value.some((e) => e.id === id) ? 'busy' : 'posted';
    drafts.replace(entry.context, draft);
    return 'moved';
  }

  /** True when the outbox holds the post made from this draft, so the draft is not restored as well. */
  function holdsDraft(draftId: string): boolean {
    if (queue.value) return entries.value.some((e) => e.draft.id === draftId);
    // Before the session is ready the queue is not loaded yet; storage already knows.
    const key = accountKey();
    return key !== null && (localStorage.getItem(PREFIX + key) ?? '').includes(`"id":${JSON.stringify(draftId)}`);
  }

  /** Hears every note this account posts (from any composer, retried ones included). */
  function onPosted(fn: (note: Misskey.entities.Note) => void): () => void {
    postedListeners.add(fn);
    return () => postedListeners.delete(fn);
  }

  return { entries, submit, retry, discard, edit, holdsDraft, onPosted };
});
