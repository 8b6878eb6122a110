import { onScopeDispose } from 'vue';
import type * as Misskey from 'misskey-js';
import { useNotesStore } from '@/stores/notes';
import { useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import { notificationNote } from './notificationView';
import { usePagedFeed } from '@/api/usePagedFeed';

type Notification = Misskey.entities.Notification;

/**
 * The notifications page: pages over REST (fetching marks them read), new entries live from
 * `main`, and while it is open and visible the unread badge stays empty.
 */
export function useNotifications() {
  const session = useSessionStore();
  const notes = useNotesStore();
  const unread = useNotificationsStore();

  const feed = usePagedFeed<Notification>({
    endpoint: 'i/notifications',
    // markAsRead defaults to true: each answer marks everything read on the server.
    fetch: (cursor, limit) => session.api.request('i/notifications', { limit, ...cursor }),
    hold(list) {
      for (const n of list) {
        const note = notificationNote(n);
        if (note) notes.retain(notes.put(note));
      }
    },
    release(list) {
      for (const n of list) {
        const note = notificationNote(n);
        if (note) notes.unretain(note.id);
      }
    },
    onRead: () => unread.markedRead(),
    keep: 'notifications',
  });

  const unlisten = unread.listen((n) => feed.prepend([n]));
  const closeView = unread.openView();

  // Back to a hidden tab that got notifications meanwhile: now they are seen.
  function onVisibility(): void {
    if (document.visibilityState === 'visible') unread.readAll();
  }
  document.addEventListener('visibilitychange', onVisibility);

  onScopeDispose(() => {
    unlisten();
    closeView();
    document.removeEventListener('visibilitychange', onVisibility);
  });

  return {
    items: feed.items,
    loading: feed.loading,
    done: feed.done,
    error: feed.error,
    asOf: feed.asOf,
    loadMore: feed.loadMore,
  };
}
