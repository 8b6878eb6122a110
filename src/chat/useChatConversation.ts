import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import type * as Misskey from 'misskey-js';
import { ApiError, toApiError } from '@/api/errors';
import { useAccountsStore } from '@/stores/accounts';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';
import { useChatUnreadStore } from './chatUnread';
import {
  applyReaction,
  chatReactionKey,
  mergeItems,
  targetKey,
  toItem,
  type ChatItem,
  type ChatTarget,
  type ReactionEvent,
} from './chatModel';
import { afterFailure, CHAT_RETRY_DELAY_MS, findSent, loadOutbox, saveOutbox, type PendingMessage } from './chatOutbox';

const PAGE = 30;

/**
 * One 1:1 or room conversation: pages over REST (reading a page marks it read on the server),
 * live on its chatUser / chatRoom channel, read marks (`read` frames) while it is on screen, and
 * sends through the chat outbox.
 */
export function useChatConversation(target: ChatTarget) {
  const session = useSessionStore();
  const stream = useStreamStore();
  const accounts = useAccountsStore();
  const chatUnread = useChatUnreadStore();
  const key = targetKey(target);
  const meId = session.me?.id ?? '';
  const otherId = target.kind === 'user' ? target.userId : null;
  const account = accounts.activeAccount?.key ?? '';

  const items = shallowRef<ChatItem[]>([]);
  const loading = ref(false);
  const done = ref(false);
  const error = shallowRef<ApiError | null>(null);
  const outbox = shallowRef<PendingMessage[]>(loadOutbox(account));
  const pending = computed(() => outbox.value.filter((p) => p.target === key));
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // Set when the conversation closes; answers that come later are dropped.
  const scope = { disposed: false };

  function fetchPage(cursor: { untilId?: string; sinceId?: string }, limit = PAGE): Promise<ChatItem[]> {
    const request =
      target.kind === 'user'
        ? session.api.request('chat/messages/user-timeline', { userId: target.userId, limit, ...cursor })
        : session.api.request('chat/messages/room-timeline', { roomId: target.roomId, limit, ...cursor });
    return request.then((list) => (list as Misskey.entities.ChatMessageLite[]).map(toItem));
  }

  async function loadOlder(): Promise<void> {
    if (loading.value || done.value) return;
    loading.value = true;
    error.value = null;
    try {
      const untilId = items.value.at(-1)?.id;
      const page = await fetchPage(untilId ? { untilId } : {});
      if (scope.disposed) return;
      items.value = mergeItems(items.value, page);
      if (page.length < PAGE) done.value = true;
      // The server read the conversation along with the page.
      if (!untilId) chatUnread.recheck();
    } catch (e) {
      if (!scope.disposed) error.value = toApiError(e, 'chat/messages/user-timeline');
    } finally {
      loading.value = false;
    }
  }

  // After a reconnect: the newest page again. If it does not reach what we hold, events were missed
  // across a gap, so the list starts over from it; otherwise what it covers is replaced (a message
  // deleted meanwhile is missing from it).
  async function catchUp(): Promise<void> {
    try {
      const page = await fetchPage({});
      if (scope.disposed || page.length === 0) return;
      const oldest = page.at(-1)!.id;
      const reaches = page.length < PAGE || items.value.some((m) => m.id <= oldest) || items.value.length === 0;
      if (!reaches) {
        items.value = page;
        done.value = false;
      } else
        items.value = mergeItems(
          items.value.filter((m) => m.id < oldest),
          page,
        );
      chatUnread.recheck();
    } catch {
      // Missed messages come with the next page load.
    }
  }

  // ---- live ----
  const onMessage = (m: Misskey.entities.ChatMessageLite) => {
    items.value = mergeItems(items.value, [toItem(m)]);
    if (m.fromUserId !== meId) markRead();
  };
  const onDeleted = (id: string) => {
    items.value = items.value.filter((m) => m.id !== id);
  };
  const onReaction = (type: 'react' | 'unreact') => (ev: ReactionEvent) => {
    items.value = applyReaction(items.value, type, ev, { meId, otherId });
  };
  const channel =
    target.kind === 'user'
      ? stream.connect('chatUser', { otherId: target.userId })
      : stream.connect('chatRoom', { roomId: target.roomId });
  // The two channels have the same events; misskey-js types them separately.
  const live = channel as ReturnType<typeof stream.connect<'chatUser'>>;
  live.on('message', onMessage);
  live.on('deleted', onDeleted);
  live.on('react', onReaction('react'));
  live.on('unreact', onReaction('unreact'));
  const offReconnected = stream.onReconnected(() => void catchUp());
  // Without a stream (Data saver, sockets refused) the newest page is read on every poll.
  const offPoll = stream.onPoll(() => void catchUp());

  /** Tells the server the conversation is read, while it is on screen; the server reads up to now. */
  function markRead(): void {
    if (document.visibilityState !== 'visible') return;
    const newest = items.value[0];
    if (!newest) return;
    live.send('read', { id: newest.id });
    chatUnread.recheck();
  }
  const onVisibility = () => markRead();
  document.addEventListener('visibilitychange', onVisibility);

  // ---- sending ----
  function persist(list: PendingMessage[]): void {
    // Other conversations' entries are in the same list: read it fresh before writing.
    const others = loadOutbox(account).filter((p) => p.target !== key);
    outbox.value = [...others, ...list.filter((p) => p.target === key)];
    saveOutbox(account, outbox.value);
  }

  function update(id: string, change: Partial<PendingMessage> | null): void {
    const list = outbox.value.map((p) => (p.id === id && change ? { ...p, ...change } : p)).filter((p) => p.id !== id || change);
    persist(list);
  }

  function create(p: PendingMessage): Promise<ChatItem> {
    const content = { ...(p.text !== null ? { text: p.text } : {}), ...(p.file ? { fileId: p.file.id } : {}) };
    const request =
      target.kind === 'user'
        ? session.api.request('chat/messages/create-to-user', { toUserId: target.userId, ...content })
        : session.api.request('chat/messages/create-to-room', { toRoomId: target.roomId, ...content });
    return request.then((m) => toItem(m as Misskey.entities.ChatMessageLite));
  }

  async function attempt(id: string): Promise<void> {
    const entry = outbox.value.find((p) => p.id === id);
    if (!entry || entry.state === 'sending' || scope.disposed) return;
    clearTimer(id);
    try {
      if (entry.unsure) {
        const found = findSent(entry, await fetchPage({}, PAGE), meId);
        if (found) {
          update(id, null);
          return;
        }
      }
      update(id, { state: 'sending', after: items.value[0]?.id ?? entry.after, unsure: false });
      const sent = await create(entry);
      update(id, null);
      items.value = mergeItems(items.value, [sent]);
    } catch (e) {
      const current = outbox.value.find((p) => p.id === id);
      if (!current) return;
      const next = afterFailure(current, toApiError(e, 'chat/messages/create-to-user'));
      update(id, next);
      if (next.state === 'waiting')
        timers.set(
          id,
          setTimeout(() => void attempt(id), CHAT_RETRY_DELAY_MS),
        );
    }
  }

  function clearTimer(id: string): void {
    const t = timers.get(id);
    if (t !== undefined) clearTimeout(t);
    timers.delete(id);
  }

  /** Queues the message and sends it; it stays in the outbox until the server has it. */
  function send(text: string, file: Misskey.entities.DriveFile | null): Promise<void> {
    const trimmed = text.trim();
    const entry: PendingMessage = {
      id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
      target: key,
      text: trimmed === '' ? null : trimmed,
      file,
      state: 'waiting',
      failures: 0,
      unsure: false,
      after: items.value[0]?.id ?? null,
      error: null,
    };
    persist([...outbox.value, entry]);
    return attempt(entry.id);
  }

  function retry(id: string): Promise<void> {
    update(id, { failures: 0, state: 'waiting' });
    return attempt(id);
  }

  function discard(id: string): void {
    clearTimer(id);
    update(id, null);
  }

  // ---- reactions and deletion: the stream echoes them; without a stream they are applied here ----
  const streamOpen = () => stream.state === 'open';

  async function react(item: ChatItem, reaction: string): Promise<void> {
    const r = chatReactionKey(reaction);
    await session.api.request('chat/messages/react', { messageId: item.id, reaction: r });
    if (!streamOpen()) onReaction('react')({ messageId: item.id, reaction: r, user: session.me });
  }

  async function unreact(item: ChatItem, reaction: string): Promise<void> {
    await session.api.request('chat/messages/unreact', { messageId: item.id, reaction });
    if (!streamOpen()) onReaction('unreact')({ messageId: item.id, reaction, user: session.me });
  }

  async function remove(item: ChatItem): Promise<void> {
    try {
      await session.api.request('chat/messages/delete', { messageId: item.id });
    } catch (e) {
      // Already gone (deleted elsewhere): the reader wanted it gone.
      if (toApiError(e, 'chat/messages/delete').code !== 'NO_SUCH_MESSAGE') throw e;
    }
    if (!streamOpen()) onDeleted(item.id);
  }

  // Sends a page closed mid-way (or that waited for a retry) go out again once it opens.
  const resumeWaiting = () => {
    for (const p of pending.value) if (p.state === 'waiting') void attempt(p.id);
  };
  window.addEventListener('online', resumeWaiting);
  watch(
    () => session.status,
    (status) => {
      if (status === 'ready') resumeWaiting();
    },
    { immediate: true },
  );

  void loadOlder();

  onScopeDispose(() => {
    scope.disposed = true;
    channel.dispose();
    offReconnected();
    offPoll();
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('online', resumeWaiting);
    for (const id of [...timers.keys()]) clearTimer(id);
  });

  return { items, loading, done, error, pending, loadOlder, send, retry, discard, react, unreact, remove, markRead };
}
