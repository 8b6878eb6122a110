import type { Router } from 'vue-router';
import { useAccountsStore } from '@/stores/accounts';

// Pages that need an account send guests to the local timeline and strangers to sign-in.
export function installGuards(router: Router): void {
  router.beforeEach((to) => {
    if (!to.meta.requiresAccount) return true;
    const active = useAccountsStore().active;
    if (active?.kind === 'account') return true;
    if (active?.kind === 'guest') return { name: 'local' };
    return { name: 'signin' };
  });
}
