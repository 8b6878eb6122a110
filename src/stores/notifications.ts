// Unread state of the active account: the notifications badge (and the tab title), plus the
// mention / direct-note dots. 2024.10 sends those on `main` (protocol §4.2); since 2025.4 the
// events are gone and the flags on `i` stay false, so there the dots come from unread mention
// notifications the reader has not yet seen on the Mentions / Direct pages.
import { computed, ref } from 'vue';
import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';
import { useStreamStore, type ChannelHandle } from '@/stream/store';
import { defineScopedStore } from './scope';

type Notification = Misskey.entities.Notification;
type MeDetailed = Misskey.entities.MeDetailed;

/** Per kind, the newest mention notification id the reader has seen on its page ('' for none). */
interface SeenMentions {
  mentions: string;
  direct: string;
}

const SEEN_PREFIX = 'mkc:mentions-seen:';

/** Which dots a notification is about: mentions and replies are mentions; those of `specified` notes are direct too. */
export function mentionKinds(n: Notification): Array<keyof SeenMentions> {
  if (n.type !== 'mention' && n.type !== 'reply') return [];
  return n.note.visibility === 'specified' ? ['mentions', 'direct'] : ['mentions'];
}

function readSeen(key: string): SeenMentions {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<SeenMentions>;
    return { mentions: typeof v.mentions === 'string' ? v.mentions : '', direct: typeof v.direct === 'string' ? v.direct : '' };
  } catch {
    return { mentions: '', direct: '' };
  }
}

function writeSeen(key: string, value: SeenMentions): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the dot comes back after a reload, nothing worse.
  }
}

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
  let mentionEvents = true;
  let seen: SeenMentions = { mentions: '', direct: '' };
  // The newest mention notification of each kind heard of, which becomes "seen" when its page opens.
  const newest: SeenMentions = { mentions: '', direct: '' };
  const listeners = new Set<(n: Notification) => void>();
  let main: ChannelHandle<'main'> | null = null;
  let seenStorageKey: string | null = null;
  let undo: Array<() => void> = [];
  // The newest notification heard (streamed or polled): polls ask for what came after it.
  let lastHeard: string | null = null;
  let startedAt = 0;
  let pollBusy = false;

  const hasUnread = computed(() => unreadCount.value > 0 || unreadFlag.value);

  function isViewedNow(): boolean {
    return viewers.value > 0 && document.visibilityState === 'visible';
  }

  function applyMe(me: MeDetailed): void {
    unreadCount.value = Math.max(0, me.unreadNotificationsCount);
    unreadFlag.value = me.hasUnreadNotification;
    if (!mentionEvents) return;
    unreadMentions.value = me.hasUnreadMentions;
    unreadDirect.value = me.hasUnreadSpecifiedNotes;
  }

  /** A mention (or reply) notification raises the dots it belongs to, unless its page already showed it. */
  function noteMention(n: Notification): void {
    const kinds = mentionKinds(n);
    for (const kind of kinds) {
      if (n.id > newest[kind]) newest[kind] = n.id;
      if (n.id > seen[kind]) (kind === 'mentions' ? unreadMentions : unreadDirect).value = true;
    }
  }

  // The unread notifications are the newest `unreadNotificationsCount` ones.
  async function scanUnread(api: Api, count: number, handle: ChannelHandle<'main'>): Promise<void> {
    if (count <= 0) return;
    try {
      const list = await api.request('i/notifications', { limit: Math.min(count, 100), markAsRead: false });
      if (main === handle) list.forEach(noteMention);
    } catch {
      // The dots stay as they are; new mentions still raise them.
    }
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
    // Without the events the dots stand for unread mention notifications, now read.
    if (!mentionEvents) unreadMentions.value = unreadDirect.value = false;
  }

  function heard(id: string): void {
    if (lastHeard === null || id > lastHeard) lastHeard = id;
  }

  // `count`: false for what a first poll hands on, already counted by `i`.
  function onNotification(n: Notification, count = true): void {
    heard(n.id);
    if (isViewedNow()) stream.readNotification();
    else if (count) {
      countUnread(n);
      if (!mentionEvents) noteMention(n);
    }
    for (const fn of [...listeners]) {
      try {
        fn(n);
      } catch (e) {
        console.error(e);
      }
    }
  }

  /**
   * Follows the account's `main` channel until stop(); `api` re-reads the counters after a reconnect.
   * `withMentionEvents`: the server still sends unreadMention & co (see serverFeatures).
   */
  function start(me: MeDetailed, api: Api, withMentionEvents = true): void {
    stop();
    mentionEvents = withMentionEvents;
    const seenKey = `${SEEN_PREFIX}${me.id}@${api.origin}`;
    seen = mentionEvents ? { mentions: '', direct: '' } : readSeen(seenKey);
    seenStorageKey = seenKey;
    applyMe(me);
    const handle = stream.connect('main');
    main = handle;
    if (!mentionEvents) void scanUnread(api, me.unreadNotificationsCount, handle);
    handle.on('notification', (n) => onNotification(n));
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
    startedAt = Date.now();
    lastHeard = null;
    // Events sent while the socket was down are lost: the counters come from `i` again.
    undo.push(
      stream.onReconnected(() => {
        api.request('i', {}).then(
          (fresh) => {
            if (main !== handle) return;
            applyMe(fresh);
            if (!mentionEvents) void scanUnread(api, fresh.unreadNotificationsCount, handle);
          },
          () => {},
        );
      }),
      stream.onPoll(() => void poll(api, handle)),
    );
  }

  // Without a stream: what came since the newest notification heard. The first poll knows of
  // none: it takes the counters from `i` and hands the page's entries newer than the stream's
  // last moment to the listeners (the notifications page), uncounted.
  async function poll(api: Api, handle: ChannelHandle<'main'>): Promise<void> {
    if (pollBusy) return;
    pollBusy = true;
    try {
      const markAsRead = isViewedNow();
      if (lastHeard === null) {
        const since = stream.downSince ?? startedAt;
        const page = await api.request('i/notifications', { limit: 20, markAsRead });
        const fresh = await api.request('i', {});
        if (main !== handle) return;
        applyMe(fresh);
        if (!mentionEvents) void scanUnread(api, fresh.unreadNotificationsCount, handle);
        for (const n of [...page].reverse()) if (Date.parse(n.createdAt) > since) onNotification(n, false);
        if (page[0]) heard(page[0].id);
        return;
      }
      // With only sinceId the server answers oldest first.
      const page = await api.request('i/notifications', { sinceId: lastHeard, limit: 100, markAsRead });
      if (main !== handle) return;
      for (const n of page) onNotification(n);
    } catch {
      // The next poll asks again from the same place.
    } finally {
      pollBusy = false;
    }
  }

  function stop(): void {
    main?.dispose();
    main = null;
    lastHeard = null;
    undo.forEach((fn) => fn());
    undo = [];
    clearUnread();
    unreadMentions.value = false;
    unreadDirect.value = false;
    newest.mentions = newest.direct = '';
    seenStorageKey = null;
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
    if (mentionEvents || newest[kind] <= seen[kind]) return;
    seen = { ...seen, [kind]: newest[kind] };
    if (seenStorageKey) writeSeen(seenStorageKey, seen);
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
    /** The counters of a fresh `i` (after a session that started from the cache). */
    update: applyMe,
  };
});
