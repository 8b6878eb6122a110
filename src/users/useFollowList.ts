import type { Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { usePagedFeed } from '@/api/usePagedFeed';
import { useSessionStore } from '@/stores/session';

export type FollowSide = 'following' | 'followers';
type Following = Misskey.entities.Following;

// The other end of a following: whom the user follows, or who follows them.
export function otherUser(side: FollowSide, f: Following): Misskey.entities.UserDetailed | undefined {
  return side === 'following' ? f.followee : f.follower;
}

// Whom a user follows, or who follows them, a page at a time (ordered by when they followed).
export function useFollowList(side: FollowSide, userId: Ref<string>) {
  const session = useSessionStore();
  const endpoint = side === 'following' ? 'users/following' : 'users/followers';
  return usePagedFeed<Following>({
    endpoint,
    fetch: (cursor, limit) => session.api.request(endpoint, { userId: userId.value, limit, ...cursor }),
  });
}
