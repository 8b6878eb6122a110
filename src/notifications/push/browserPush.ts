import { createApi } from '@/api/client';
import type { PushBrowser } from './pushSubscription';

// This browser's push: its permission, the service worker's push manager, and the account's server.
export const browserPush: PushBrowser = {
  supported: () => 'serviceWorker' in navigator && typeof PushManager !== 'undefined' && typeof Notification !== 'undefined',
  requestPermission: () =>
    Notification.permission === 'default' ? Notification.requestPermission() : Promise.resolve(Notification.permission),
  registration: () => navigator.serviceWorker.ready,
  api: (account) => createApi({ origin: account.origin, token: account.token }),
};
