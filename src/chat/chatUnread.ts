// Whether the account has unread chat: `hasUnreadChatMessages` from `i`, raised by main's
// `newChatMessage` (the server sends it 3 s after a message that is still unread) and re-read
// from `i` after the reader reads a conversation, since only the server knows the others.
import { ref } from 'vue';
import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';
import { useStreamStore, type ChannelHandle } from '@/stream/store';
import { defineScopedStore } from '@/stores/scope';

type ChatMessage = Misskey.entities.ChatMessage;

// Reads that land close together are checked with one `i`.
const RECHECK_DELAY_MS = 400;

// One per account scope, like the notifications store (a deck column of another account has its own).
export const useChatUnreadStore = defineScopedStore('chatUnread', (scope) => {
  const stream = useStreamStore(scope);
  const unread = ref(false);
  const listeners = new Set<(m: ChatMessage) => void>();
  let main: ChannelHandle<'main'> | null = null;
  let api: Api | null = null;
  let undo: Array<() => void> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;

  function start(me: Misskey.entities.MeDetailed, client: Api): void {
    stop();
    api = client;
    unread.value = me.hasUnreadChatMessages === true;
    main = stream.connect('main');
    main.on('newChatMessage', (m) => {
      unread.value = true;
      for (const fn of [...listeners]) fn(m);
    });
    undo.push(
      stream.onReconnected(() => recheck()),
      stream.onPoll(() => recheck()),
    );
  }

  function stop(): void {
    generation++;
    main?.dispose();
    main = null;
    api = null;
    undo.forEach((fn) => fn());
    undo = [];
    if (timer !== null) clearTimeout(timer);
    timer = null;
    unread.value = false;
  }

  /** Asks the server again, e.g. after a conversation was read. */
  function recheck(): void {
    if (!api || timer !== null) return;
    const gen = generation;
    const client = api;
    timer = setTimeout(() => {
      timer = null;
      client.request('i', {}).then(
        (me) => {
          if (gen === generation) unread.value = me.hasUnreadChatMessages === true;
        },
        () => {},
      );
    }, RECHECK_DELAY_MS);
  }

  /** chat/read-all succeeded. */
  function readAll(): void {
    unread.value = false;
  }

  /** Every `newChatMessage` of the account. */
  function listen(fn: (m: ChatMessage) => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  }

  return { unread, start, stop, recheck, readAll, listen };
});
