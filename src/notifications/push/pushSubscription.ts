// Push notifications while the app is closed, per account, where the server offers them (meta
// `enableServiceWorker` and `swPublickey`): the browser's push subscription is made with the
// server's key and registered with sw/register; the service worker shows what arrives (sw/push.ts).
// A browser keeps one subscription per app, made with one server's key, so push comes from the
// accounts of one server at a time.
import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';
import { withCache, type PushRecord } from '@/offline/db';
import type { StoredAccount } from '@/stores/accounts';

export type PushProblem =
  | { kind: 'unsupported' }
  | { kind: 'not-offered' }
  | { kind: 'denied' }
  | { kind: 'dismissed' }
  // Push already comes from another server's accounts on this device.
  | { kind: 'other-server'; host: string }
  // The browser could not reach its push service.
  | { kind: 'push-service'; message: string }
  // The server refused or could not be reached (the API client's error, an ApiError).
  | { kind: 'server'; endpoint: string; error: unknown };

export type PushOutcome = { ok: true } | { ok: false; problem: PushProblem };

// What the flow needs of the browser and the server (browserPush.ts gives the real ones).
export interface PushBrowser {
  supported(): boolean;
  requestPermission(): Promise<NotificationPermission>;
  registration(): Promise<ServiceWorkerRegistration>;
  api(account: StoredAccount): Api;
}

type PushMeta = Pick<Misskey.entities.MetaLite, 'enableServiceWorker' | 'swPublickey'>;

/** The server's VAPID key when it offers push, else null. */
export function offeredKey(meta: PushMeta): string | null {
  return meta.enableServiceWorker && meta.swPublickey ? meta.swPublickey : null;
}

export function base64UrlBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(value.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function sameBytes(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

export function loadPushRecord(): Promise<PushRecord | null> {
  return withCache(null, async (db) => (await db.get('push', 'current')) ?? null);
}

function savePushRecord(record: PushRecord | null): Promise<void> {
  return withCache(undefined, async (db) => {
    if (record) await db.put('push', record);
    else await db.delete('push', 'current');
  });
}

/** Whether push is on for the account on this device (and, when it can be asked, on its server). */
export async function pushEnabled(account: StoredAccount, browser: PushBrowser): Promise<boolean> {
  if (!browser.supported()) return false;
  const record = await loadPushRecord();
  if (!record?.accounts[account.userId] || record.origin !== account.origin) return false;
  const subscription = await (await browser.registration()).pushManager.getSubscription();
  if (subscription?.endpoint !== record.endpoint) return false;
  try {
    // "Not registered" is an empty answer: the server dropped it (a dead endpoint, say).
    const shown: unknown = await browser.api(account).request('sw/show-registration', { endpoint: record.endpoint });
    if (shown === null) {
      await forget(record, account.userId, browser);
      return false;
    }
  } catch {
    // Offline or the server is down: what is kept here stands.
  }
  return true;
}

// Drops the account from this device's subscription; the subscription goes with the last account.
async function forget(record: PushRecord, userId: string, browser: PushBrowser): Promise<void> {
  const accounts = { ...record.accounts };
  delete accounts[userId];
  if (Object.keys(accounts).length) {
    await savePushRecord({ ...record, accounts });
    return;
  }
  await savePushRecord(null);
  if (browser.supported()) await (await (await browser.registration()).pushManager.getSubscription())?.unsubscribe();
}

export interface PushRequest {
  account: StoredAccount;
  // `@name@host`, shown when several accounts notify on this device.
  acct: string;
  meta: PushMeta;
  // The language the service worker writes in.
  lang: string;
}

/** Turns push on for the account: permission, the subscription with its server's key, sw/register. */
export async function enablePush({ account, acct, meta, lang }: PushRequest, browser: PushBrowser): Promise<PushOutcome> {
  if (!browser.supported()) return { ok: false, problem: { kind: 'unsupported' } };
  const key = offeredKey(meta);
  if (!key) return { ok: false, problem: { kind: 'not-offered' } };
  const permission = await browser.requestPermission();
  if (permission !== 'granted') return { ok: false, problem: { kind: permission === 'denied' ? 'denied' : 'dismissed' } };

  const serverKey = base64UrlBytes(key);
  const { pushManager } = await browser.registration();
  let record = await loadPushRecord();
  let subscription = await pushManager.getSubscription();
  if (subscription && !sameBytes(subscription.options.applicationServerKey, serverKey)) {
    const others = record && record.origin !== account.origin && Object.keys(record.accounts).length > 0;
    if (others) return { ok: false, problem: { kind: 'other-server', host: new URL(record!.origin).host } };
    // Left from before (the server changed its key, or nobody uses it any more).
    await subscription.unsubscribe();
    subscription = null;
    record = null;
  }
  try {
    subscription ??= await pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: serverKey });
  } catch (e) {
    return { ok: false, problem: { kind: 'push-service', message: e instanceof Error ? e.message : String(e) } };
  }
  const { endpoint, keys } = subscription.toJSON();
  if (!endpoint || !keys?.auth || !keys.p256dh) {
    return { ok: false, problem: { kind: 'push-service', message: 'The subscription has no keys.' } };
  }
  try {
    await browser.api(account).request('sw/register', { endpoint, auth: keys.auth, publickey: keys.p256dh });
  } catch (e) {
    return { ok: false, problem: { kind: 'server', endpoint: 'sw/register', error: e } };
  }
  const sameSubscription = record?.origin === account.origin && record.endpoint === endpoint;
  await savePushRecord({
    id: 'current',
    origin: account.origin,
    endpoint,
    accounts: { ...(sameSubscription ? record!.accounts : {}), [account.userId]: { key: account.key, acct } },
    lang,
  });
  return { ok: true };
}

/**
 * Turns push off for the account (sw/unregister); the subscription goes with the last account.
 * `force` lets go on this device even when the server cannot be told (the account is being removed).
 */
export async function disablePush(account: StoredAccount, browser: PushBrowser, force = false): Promise<PushOutcome> {
  const record = await loadPushRecord();
  if (!record?.accounts[account.userId] || record.origin !== account.origin) return { ok: true };
  try {
    await browser.api(account).request('sw/unregister', { endpoint: record.endpoint });
  } catch (e) {
    if (!force) return { ok: false, problem: { kind: 'server', endpoint: 'sw/unregister', error: e } };
  }
  await forget(record, account.userId, browser);
  return { ok: true };
}

/** The language the service worker writes notifications in follows the app's. */
export async function setPushLanguage(lang: string): Promise<void> {
  const record = await loadPushRecord();
  if (record && record.lang !== lang) await savePushRecord({ ...record, lang });
}
