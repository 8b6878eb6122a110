import { ref, shallowRef, watch, type Ref } from 'vue';
import { useSessionStore } from '@/stores/session';
import { toApiError, type ApiError } from './errors';

// Loads what `key` names over REST: once the session is ready, again when the key or the account
// changes. An answer that comes back after a newer request started is dropped.
export function useLoader<K, T>(key: Ref<K>, fetch: (key: K) => Promise<T>, endpoint: string) {
  const session = useSessionStore();
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const found = await fetch(key.value);
      if (request === latest) data.value = found;
    } catch (e) {
      if (request === latest) error.value = toApiError(e, endpoint);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  watch(
    [key, () => session.status, () => session.me?.id],
    ([, status]) => {
      if (status === 'ready') void load();
    },
    { immediate: true },
  );

  return { data, loading, error, load };
}
