import { ref, shallowRef, watch, type Ref } from 'vue';
import { useSessionStore } from '@/stores/session';
import { useReadCache } from '@/offline/useReadCache';
import { toApiError, type ApiError } from './errors';

export interface LoaderOptions<K> {
  // Keeps the last answer on the device under this name: shown while the server is asked, and
  // instead of it when the server cannot be reached (offline).
  keep?(key: K): string;
}

// Loads what `key` names over REST: once the session is ready, again when the key or the account
// changes. An answer that comes back after a newer request started is dropped.
export function useLoader<K, T>(key: Ref<K>, fetch: (key: K) => Promise<T>, endpoint: string, opts: LoaderOptions<K> = {}) {
  const session = useSessionStore();
  const kept = useReadCache();
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  // When the data shown was kept on the device (not yet, or not, the server's answer).
  const asOf = ref<number | null>(null);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    const name = opts.keep?.(key.value);
    loading.value = true;
    error.value = null;
    // Resolves to whether the kept copy went on screen.
    const cached = name
      ? kept.load<T>(name).then((found) => {
          if (!found || request !== latest || !loading.value) return false;
          data.value = found.value;
          asOf.value = found.savedAt;
          return true;
        })
      : Promise.resolve(false);
    try {
      const found = await fetch(key.value);
      if (request !== latest) return;
      data.value = found;
      asOf.value = null;
      if (name) kept.save(name, found);
    } catch (e) {
      const fromCache = await cached;
      if (request === latest && !fromCache) error.value = toApiError(e, endpoint);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  // A kept copy on screen (offline): asked again once the server can be reached.
  kept.onServerBack(() => {
    if (asOf.value !== null && !loading.value) void load();
  });

  watch(
    [key, () => session.status, () => session.me?.id],
    ([, status]) => {
      if (status === 'ready') void load();
    },
    { immediate: true },
  );

  return { data, loading, error, asOf, load };
}

// A search asked for on submit: `search()` asks for what `query` says then (again when unchanged:
// a retry). `searched` is the query the results answer; a blank one asks the server nothing.
export function useSearchLoader<T>(query: Ref<string>, fetch: (q: string) => Promise<T[]>, endpoint: string) {
  const submitted = ref('');
  const { data, loading, error, load } = useLoader(submitted, (q) => (q === '' ? Promise.resolve([]) : fetch(q)), endpoint);
  function search(): void {
    const q = query.value.trim();
    if (q === submitted.value) void load();
    else submitted.value = q;
  }
  return { data, searched: submitted, loading, error, search };
}
