import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';

// The tab a page shows, kept in `?tab=` so a reload or Back lands on it again.
export function useQueryTab<T extends string>(tabs: readonly T[], fallback: T) {
  const route = useRoute();
  const router = useRouter();
  return computed<T>({
    get: () => {
      const tab = route.query.tab;
      return typeof tab === 'string' && tabs.includes(tab as T) ? (tab as T) : fallback;
    },
    set: (tab) => void router.replace({ query: { ...route.query, tab: tab === fallback ? undefined : tab } }),
  });
}
