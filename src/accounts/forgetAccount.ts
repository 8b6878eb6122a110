import type { StoredAccount } from '@/stores/accounts';
import type { PushBrowser } from '@/notifications/push/pushSubscription';

// What a signed-out account leaves behind goes with it: what was kept for offline reading, and its
// push registration (unregistered with the token still in hand; dropped here even if the server
// cannot be told).
export async function forgetAccount(account: StoredAccount, browser: PushBrowser): Promise<void> {
  const [cache, push] = await Promise.all([import('@/offline/cache'), import('@/notifications/push/pushSubscription')]);
  await Promise.all([cache.forgetAccount(account.key), push.disablePush(account, browser, true)]);
}
