import { type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { usePagedFeed } from '@/api/usePagedFeed';
import { useSessionStore } from '@/stores/session';

// The server's announcements, current or ended, newest first, a page at a time.
export function useAnnouncementList(active: Ref<boolean>) {
  const session = useSessionStore();
  return usePagedFeed<Misskey.entities.Announcement>({
    endpoint: 'announcements',
    fetch: (cursor, limit) => session.api.request('announcements', { limit, isActive: active.value, ...cursor }),
  });
}
