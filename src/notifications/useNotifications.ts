import { computed, onScopeDispose } from 'vue';
import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';
import { toApiError } from '@/api/errors';
import type { FeedCursor } from '@/api/usePagedFeed';
import { useNotesStore } from '@/stores/notes';
import { useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import { notificationNote } from './notificationView';
import { groupNotifications } from './notificationGroups';
import { usePagedFeed } from '@/api/usePagedFeed';
import { loadNamespace } from '@/i18n';

type Notification = Misskey.entities.Notification;

// Servers found to have no `i/notifications-grouped` (older than 2023): asked plainly from then on.
const ungrouped = new WeakSet<Api>();

/** A page of notifications, grouped by the server where it can (2024.10 can). */
async function readPage(api: Api, cursor: FeedCursor, limit: number): Promise<Notification[]> {
  if (!ungrouped.has(api)) {
    try {
      return await api.request('i/notifications-grouped', { limit, ...cursor });
    } catch (e) {
      const err = toApiError(e, 'i/notifications-grouped');
      if (err.code !== 'UNKNOWN_API_ENDPOINT' && err.status !== 404) throw err;
      ungrouped.add(api);
    }
  }
  return api.request('i/notifications', { limit, ...cursor });
}

/**
 * The notifications page: pages over REST (fetching marks them read), new entries live from
 * `main` (joining the group on top when they belong to it), and while it is open and visible
 * the unread badge stays empty.
 */
export function useNotifications() {
  const session = useSessionStore();
  const notes = useNotesStore();
  const unread = useNotificationsStore();

  const feed = usePagedFeed<Notification>({
    endpoint: 'i/notifications-grouped',
    // markAsRead defaults to true: each answer marks everything read on the server.
    fetch: (cursor, limit) => readPage(session.api, cursor, limit),
    // A group's id is its oldest member's: sinceId would bring its newer members again.
    refreshHead: true,
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
  // Achievement names and descriptions: hundreds of strings only this page shows.
  void loadNamespace('achievements').catch((e: unknown) => console.warn('achievement names not loaded', e));
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

  const items = computed(() => groupNotifications(feed.items.value));
  return { items, loading: feed.loading, done: feed.done, error: feed.error, asOf: feed.asOf, loadMore: feed.loadMore };
}
