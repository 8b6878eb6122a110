// Unread state of the active account: the notifications badge (and the tab title), plus the
// mention / direct-note flags that 2024.10 servers still send on `main` (protocol §4.2).
import { computed, ref } from 'vue';
import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';
import { useStreamStore, type ChannelHandle } from '@/stream/store';
import { defineScopedStore } from './scope';

type Notification = Misskey.entities.Notification;
type MeDetailed = Misskey.entities.MeDetailed;

export const useNotificationsStore = defineScopedStore('notifications', (scope) => {
  const stream = useStreamStore(scope);

  const unreadCount = ref(0);
  // `i` may say "something is unread" without a count we can trust; the badge then shows a dot.
  const unreadFlag = ref(false);
  const unreadMentions = ref(false);
  const unreadDirect = ref(false);
  // Notifications pages open right now; while one is visible, arrivals are read at once.
  const viewers = ref(0);

  // Ids already counted: `notification` and `unreadNotification` (2 s later) carry the same one.
  const counted = new Set<string>();
  const listeners = new Set<(n: Notification) => void>();
  let main: ChannelHandle<'main'> | null = null;
  let undo: Array<() => void> = [];

  const hasUnread = computed(() => unreadCount.value > 0 || unreadFlag.value);

  function isViewedNow(): boolean {
    return viewers.value > 0 && document.visibilityState === 'visible';
  }

  function applyMe(me: MeDetailed): void {
    unreadCount.value = Math.max(0, me.unreadNotificationsCount);
    unreadFlag.value = me.hasUnreadNotification;
    unreadMentions.value = me.hasUnreadMentions;
    unreadDirect.value = me.hasUnreadSpecifiedNotes;
  }

  function countUnread(n: Notification): void {
    if (counted.has(n.id)) return;
    counted.add(n.id);
    unreadCount.value++;
    unreadFlag.value = true;
  }

  function clearUnread(): void {
    unreadCount.value = 0;
    unreadFlag.value = false;
    counted.clear();
  }

  function onNotification(n: Notification): void {
    if (isViewedNow()) stream.readNotification();
    else countUnread(n);
    for (const fn of [...listeners]) {
      try {
        fn(n);
      } catch (e) {
        console.error(e);
      }
    }
  }

  /** Follows the account's `main` channel until stop(); `api` re-reads the counters after a reconnect. */
  function start(me: MeDetailed, api: Api): void {
    stop();
    applyMe(me);
    const handle = stream.connect('main');
    main = handle;
    handle.on('notification', onNotification);
    handle.on('unreadNotification', (n) => {
      // Sent 2 s later only if still unread; a page that was looking has already asked to read it.
      if (!isViewedNow()) countUnread(n);
    });
    handle.on('readAllNotifications', clearUnread);
    handle.on('notificationFlushed', clearUnread);
    // misskey-js types this as UserDetailed; the server sends MeDetailed with the counters.
    handle.on('meUpdated', (user) => applyMe(user as MeDetailed));
    handle.on('unreadMention', () => (unreadMentions.value = true));
    handle.on('readAllUnreadMentions', () => (unreadMentions.value = false));
    handle.on('unreadSpecifiedNote', () => (unreadDirect.value = true));
    handle.on('readAllUnreadSpecifiedNotes', () => (unreadDirect.value = false));
    // Events sent while the socket was down are lost: the counters come from `i` again.
    undo.push(
      stream.onReconnected(() => {
        api.request('i', {}).then(
          (fresh) => {
            if (main === handle) applyMe(fresh);
          },
          () => {},
        );
      }),
    );
  }

  function stop(): void {
    main?.dispose();
    main = null;
    undo.forEach((fn) => fn());
    undo = [];
    clearUnread();
    unreadMentions.value = false;
    unreadDirect.value = false;
  }

  /** Asks the server to mark everything read; the badge clears when `readAllNotifications` comes back. */
  function readAll(): void {
    if (hasUnread.value) stream.readNotification();
  }

  /** The server marked everything read in answer to a request of ours (i/notifications, markAsRead). */
  function markedRead(): void {
    clearUnread();
  }

  /** A notifications page is showing; returns the function to call when it goes away. */
  function openView(): () => void {
    viewers.value++;
    let open = true;
    return () => {
      if (open) viewers.value--;
      open = false;
    };
  }

  /**
   * Mentions / direct notes were shown to the reader. The server's flag clears only through `sr`
   * on a note its socket delivered (notes on screen send it), so a list read over REST clears the
   * dot here.
   */
  function seenMentions(kind: 'mentions' | 'direct'): void {
    if (kind === 'mentions') unreadMentions.value = false;
    else unreadDirect.value = false;
  }

  /** Every live notification of the account, after the unread bookkeeping. */
  function listen(fn: (n: Notification) => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  }

  return {
    unreadCount: computed(() => unreadCount.value),
    hasUnread,
    unreadMentions: computed(() => unreadMentions.value),
    unreadDirect: computed(() => unreadDirect.value),
    start,
    stop,
    readAll,
    markedRead,
    openView,
    seenMentions,
    listen,
  };
});
