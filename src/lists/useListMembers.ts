import { computed, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { useLoader } from '@/api/useLoader';
import { useSessionStore } from '@/stores/session';

// The users in a list, read by id (users/show with userIds answers the ones that still exist).
export function useListMembers(list: Ref<Misskey.entities.UserList>) {
  const session = useSessionStore();
  const ids = computed(() => (list.value.userIds ?? []).join(','));
  const { data, ...rest } = useLoader(
    ids,
    (joined) => (joined === '' ? Promise.resolve([]) : session.api.request('users/show', { userIds: joined.split(',') })),
    'users/show',
  );
  return { members: data, ...rest };
}

/** The list with the user put in or taken out, as the server now has it. */
export function withMember(list: Misskey.entities.UserList, userId: string, member: boolean): Misskey.entities.UserList {
  const others = (list.userIds ?? []).filter((id) => id !== userId);
  return { ...list, userIds: member ? [...others, userId] : others };
}
