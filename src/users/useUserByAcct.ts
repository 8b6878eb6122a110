import { computed, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { parse as parseAcct } from 'misskey-js/acct.js';
import { useLoader } from '@/api/useLoader';
import { useSessionStore } from '@/stores/session';

// Loads the user named by a route's `@user` or `@user@host` (kept on the device for offline reading).
// One's own profile follows the account's newest state (an edit here, or meUpdated from another
// device) without a reload.
export function useUserByAcct(acct: Ref<string>) {
  const session = useSessionStore();
  const { data, ...rest } = useLoader(acct, (name) => session.api.request('users/show', parseAcct(name)), 'users/show', {
    keep: (name) => `user:${name.toLowerCase()}`,
  });
  const user = computed<Misskey.entities.UserDetailed | null>(() => {
    const loaded = data.value;
    const me = session.me;
    if (!loaded || me?.id !== loaded.id) return loaded;
    // The pinned notes stay as loaded: an unpin from the page keeps its note (and its word) on screen.
    return {
      ...loaded,
      ...me,
      pinnedNoteIds: loaded.pinnedNoteIds,
      pinnedNotes: loaded.pinnedNotes,
    } as Misskey.entities.UserDetailed;
  });
  return { user, ...rest };
}
