import { computed, type Ref } from 'vue';
import { useLoader } from '@/api/useLoader';
import { useSessionStore } from '@/stores/session';

// The signed-in user's lists.
export function useMyLists() {
  const session = useSessionStore();
  const me = computed(() => session.me?.id ?? null);
  const { data: lists, ...rest } = useLoader(me, () => session.api.request('users/lists/list', {}), 'users/lists/list');
  return { lists, ...rest };
}

// One of them, by id (NO_SUCH_LIST when it is someone else's or gone).
export function useList(listId: Ref<string>) {
  const session = useSessionStore();
  const { data: list, ...rest } = useLoader(
    listId,
    (id) => session.api.request('users/lists/show', { listId: id }),
    'users/lists/show',
  );
  return { list, ...rest };
}
