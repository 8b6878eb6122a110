import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { toApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';
import { isEmptyDraft, type Draft, type Recipient } from './draftModel.ts';
import type { PostTarget } from './postParams.ts';
import { draftParams, fromServerDraft, serverDraftContext } from './serverDrafts.ts';

// Typing pauses this long before the server copy is updated (the local one is saved sooner).
export const SERVER_DRAFT_DELAY_MS = 1500;

export type ServerDraftState = 'off' | 'saved' | 'local' | 'limit';

/**
 * Keeps the composer's draft on the server too, where the server keeps drafts (notes/drafts/*), so
 * it follows the user to other devices. The local draft stays the truth: offline or over
 * noteDraftLimit, it is only saved here (`state` says so). An empty composer takes the newest
 * server draft of its context (a reply, a quote, or a new note).
 */
export function useServerDraft(draft: Ref<Draft>, context: () => string, target: () => PostTarget) {
  const session = useSessionStore();
  const enabled = computed(() => session.features.noteDraftLimit > 0 && session.me !== null && session.status === 'ready');
  const state = ref<ServerDraftState>('off');
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();
  let paused = false;
  let lastSent = '';

  function cancel(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  async function push(): Promise<void> {
    const d = draft.value;
    if (!enabled.value || paused) return;
    const api = session.api;
    if (isEmptyDraft(d)) {
      if (!d.serverId) return;
      const id = d.serverId;
      draft.value = { ...d, serverId: undefined } as Draft;
      await discard(id);
      return;
    }
    const params = draftParams(d, target());
    const payload = JSON.stringify(params);
    if (d.serverId && payload === lastSent) return;
    try {
      let id = d.serverId;
      if (id) {
        try {
          await api.request('notes/drafts/update', { draftId: id, ...params });
        } catch (e) {
          // Posted or deleted from another device meanwhile: this one is new again.
          if (toApiError(e, 'notes/drafts/update').code !== 'NO_SUCH_NOTE_DRAFT') throw e;
          id = undefined;
        }
      }
      if (!id) {
        const { createdDraft } = await api.request('notes/drafts/create', params);
        if (draft.value.id === d.id) draft.value = { ...draft.value, serverId: createdDraft.id };
        else void discard(createdDraft.id);
      }
      lastSent = payload;
      state.value = 'saved';
    } catch (e) {
      state.value = toApiError(e, 'notes/drafts/create').code === 'TOO_MANY_DRAFTS' ? 'limit' : 'local';
    }
  }

  function sync(): Promise<void> {
    chain = chain.then(push, push);
    return chain;
  }

  async function discard(id: string): Promise<void> {
    try {
      await session.api.request('notes/drafts/delete', { draftId: id });
    } catch {
      // Gone already, or offline: a stale server draft is the worst that can happen.
    }
  }

  // Resolves the ids a specified draft is addressed to into the composer's recipients.
  async function recipientsOf(ids: string[]): Promise<Recipient[]> {
    if (ids.length === 0) return [];
    const users = await session.api.request('users/show', { userIds: ids });
    return users.map((u) => ({ id: u.id, username: u.username, host: u.host }));
  }

  async function adoptFromServer(): Promise<void> {
    if (!enabled.value || !isEmptyDraft(draft.value) || draft.value.serverId) return;
    const ctx = context();
    const before = draft.value.id;
    try {
      const list = await session.api.request('notes/drafts/list', { limit: 30, scheduled: false });
      const found = list.find((d) => serverDraftContext(d) === ctx);
      if (!found || context() !== ctx || draft.value.id !== before || !isEmptyDraft(draft.value)) return;
      draft.value = fromServerDraft(found, await recipientsOf(found.visibleUserIds));
      lastSent = JSON.stringify(draftParams(draft.value, target()));
      state.value = 'saved';
    } catch {
      // Without the server's drafts the composer is simply empty.
    }
  }

  watch(
    draft,
    () => {
      if (!enabled.value || paused) return;
      cancel();
      timer = setTimeout(() => {
        timer = null;
        void sync();
      }, SERVER_DRAFT_DELAY_MS);
    },
    { deep: true },
  );
  watch(
    [enabled, context],
    ([on]) => {
      state.value = on ? 'saved' : 'off';
      if (on) void adoptFromServer();
    },
    { immediate: true },
  );
  const onOnline = () => {
    if (state.value === 'local') void sync();
  };
  window.addEventListener('online', onOnline);
  onBeforeUnmount(() => {
    window.removeEventListener('online', onOnline);
    // Leaving with an unsaved change: send it now rather than lose it on the server.
    if (timer !== null) {
      cancel();
      void sync();
    }
  });

  /** Stops syncing while the draft is posted or scheduled; the server copy (if any) is handed over. */
  function pause(): string | undefined {
    paused = true;
    cancel();
    return draft.value.serverId;
  }

  function resume(): void {
    paused = false;
  }

  return { state, enabled, pause, resume, discard };
}
