import type { Router } from 'vue-router';
import { useAccountsStore } from '@/stores/accounts';
import { useSessionStore } from '@/stores/session';

// Pages that need an account send guests to the local timeline and strangers to sign-in.
// `?account=<key>` (a push notification's link) opens the page as that signed-in account.
export function installGuards(router: Router): void {
  router.beforeEach((to) => {
    const asAccount = to.query.account;
    if (typeof asAccount === 'string') {
      const accounts = useAccountsStore();
      if (accounts.accounts.some((a) => a.key === asAccount) && accounts.activeAccount?.key !== asAccount) {
        void useSessionStore().open({ kind: 'account', key: asAccount });
      }
      const query = Object.fromEntries(Object.entries(to.query).filter(([name]) => name !== 'account'));
      return { path: to.path, query, hash: to.hash, replace: true };
    }
    if (!to.meta.requiresAccount) return true;
    const active = useAccountsStore().active;
    if (active?.kind === 'account') return true;
    if (active?.kind === 'guest') return { name: 'local' };
    return { name: 'signin' };
  });
}
