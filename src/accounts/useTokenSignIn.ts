import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { createApi, normalizeOrigin } from '@/api/client';
import { toApiError } from '@/api/errors';
import { useErrorMessage } from '@/app/useErrorMessage';
import { useAccountsStore, type StoredAccount } from '@/stores/accounts';

// Sign-in with a token the user made in their server's settings: `i` proves it works.
export function useTokenSignIn() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const accounts = useAccountsStore();
  const busy = ref(false);
  const problem = ref<string | null>(null);

  async function signIn(address: string, token: string): Promise<StoredAccount | null> {
    problem.value = null;
    let origin: string;
    try {
      origin = normalizeOrigin(address);
    } catch {
      problem.value = t('signin.problems.invalid-address');
      return null;
    }
    busy.value = true;
    try {
      const me = await createApi({ origin, token: token.trim() }).request('i', {});
      return accounts.add(origin, token.trim(), me);
    } catch (e) {
      const err = toApiError(e, 'i');
      problem.value =
        err.kind === 'session-expired'
          ? t('signin.problems.token-refused')
          : t('signin.problems.token-failed', { reason: describe(err) });
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { signIn, busy, problem };
}
