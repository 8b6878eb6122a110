import type { Ref } from 'vue';
import { parse as parseAcct } from 'misskey-js/acct.js';
import { useLoader } from '@/api/useLoader';
import { useSessionStore } from '@/stores/session';

// Loads the user named by a route's `@user` or `@user@host` (kept on the device for offline reading).
export function useUserByAcct(acct: Ref<string>) {
  const session = useSessionStore();
  const { data: user, ...rest } = useLoader(acct, (name) => session.api.request('users/show', parseAcct(name)), 'users/show', {
    keep: (name) => `user:${name.toLowerCase()}`,
  });
  return { user, ...rest };
}
