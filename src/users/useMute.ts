import { computed, ref, shallowRef, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError, type ApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';

// Mute or unmute a user: the server then leaves their notes (and renotes of and replies to them)
// out of timelines, and their notifications out of the reader's. The state comes from users/show.
export function useMute(user: Ref<Misskey.entities.UserDetailed>) {
  const session = useSessionStore();
  const override = ref<boolean | null>(null);
  const busy = ref(false);
  const error = shallowRef<ApiError | null>(null);
  const muted = computed(() => override.value ?? (user.value as Partial<Misskey.entities.UserDetailedNotMe>).isMuted === true);

  async function toggle(): Promise<void> {
    if (busy.value) return;
    const endpoint = muted.value ? 'mute/delete' : 'mute/create';
    busy.value = true;
    error.value = null;
    try {
      await session.api.request(endpoint, { userId: user.value.id });
      override.value = !muted.value;
    } catch (e) {
      const err = toApiError(e, endpoint);
      // Already so (another client did it): the reader's wish holds.
      if (err.code === 'ALREADY_MUTING' || err.code === 'NOT_MUTING') override.value = endpoint === 'mute/create';
      else error.value = err;
    } finally {
      busy.value = false;
    }
  }

  return { muted, busy, error, toggle };
}
