import { computed, ref, shallowRef, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError, type ApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';

export type FollowState = 'none' | 'following' | 'requested';

// Follow, unfollow, or cancel a request to a locked account; the relation comes from users/show.
export function useFollow(user: Ref<Misskey.entities.UserDetailed>) {
  const session = useSessionStore();
  const override = ref<FollowState | null>(null);
  const busy = ref(false);
  const error = shallowRef<ApiError | null>(null);

  const state = computed<FollowState>(() => {
    if (override.value) return override.value;
    const u = user.value as Partial<Misskey.entities.UserDetailedNotMe>;
    if (u.isFollowing) return 'following';
    if (u.hasPendingFollowRequestFromYou) return 'requested';
    return 'none';
  });

  async function relationAfterFollow(userId: string): Promise<FollowState> {
    try {
      const fresh = (await session.api.request('users/show', { userId })) as Partial<Misskey.entities.UserDetailedNotMe>;
      return fresh.isFollowing ? 'following' : 'requested';
    } catch {
      return 'requested';
    }
  }

  async function toggle(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    const userId = user.value.id;
    try {
      if (state.value === 'none') {
        await session.api.request('following/create', { userId });
        // A locked account may still accept at once (it already follows us): ask the server.
        override.value = user.value.isLocked ? await relationAfterFollow(userId) : 'following';
      } else if (state.value === 'following') {
        await session.api.request('following/delete', { userId });
        override.value = 'none';
      } else {
        await session.api.request('following/requests/cancel', { userId });
        override.value = 'none';
      }
    } catch (e) {
      error.value = toApiError(e, 'following');
    } finally {
      busy.value = false;
    }
  }

  return { state, busy, error, toggle };
}
