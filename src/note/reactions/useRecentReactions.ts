// The signed-in account's recently used reactions, shared by every picker and kept across reloads.
import { computed, ref } from 'vue';
import { useAccountsStore } from '@/stores/accounts';
import { loadRecent, pushRecent, saveRecent } from './recentReactions';

const cache = ref<Record<string, string[]>>({});

export function useRecentReactions() {
  const accounts = useAccountsStore();
  const key = computed(() => (accounts.active?.kind === 'account' ? accounts.active.key : null));

  const list = computed<string[]>(() => {
    const k = key.value;
    if (!k) return [];
    return cache.value[k] ?? loadRecent(localStorage, k);
  });

  function use(reaction: string): void {
    const k = key.value;
    if (!k) return;
    const next = pushRecent(list.value, reaction);
    cache.value = { ...cache.value, [k]: next };
    saveRecent(localStorage, k, next);
  }

  return { list, use };
}
