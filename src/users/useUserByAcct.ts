import { ref, shallowRef, watch, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { parse as parseAcct } from 'misskey-js/acct.js';
import { toApiError, type ApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';

// Loads the user named by a route's `@user` or `@user@host`.
export function useUserByAcct(acct: Ref<string>) {
  const session = useSessionStore();
  const user = shallowRef<Misskey.entities.UserDetailed | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);

  async function load(): Promise<void> {
    const { username, host } = parseAcct(acct.value);
    const wanted = acct.value;
    loading.value = true;
    error.value = null;
    try {
      const found = await session.api.request('users/show', { username, host });
      if (wanted === acct.value) user.value = found;
    } catch (e) {
      if (wanted === acct.value) error.value = toApiError(e, 'users/show');
    } finally {
      if (wanted === acct.value) loading.value = false;
    }
  }

  watch(
    [acct, () => session.status],
    ([, status]) => {
      if (status === 'ready') void load();
    },
    { immediate: true },
  );

  return { user, loading, error, load };
}
