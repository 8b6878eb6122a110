import { openCache, type PushRecord } from '@/offline/db';
import { pushTranslator } from '@/notifications/push/catalog';
import { composePush, readPayload, type PushData } from '@/notifications/push/pushMessage';

declare const self: ServiceWorkerGlobalScope;

async function currentRecord(): Promise<PushRecord | null> {
  const db = await openCache();
  return (await db?.get('push', 'current')) ?? null;
}

function readJson(data: PushMessageData | null): unknown {
  try {
    return data?.json();
  } catch {
    return null;
  }
}

/** Shows what a push from Misskey says, for the account it is for (see pushMessage.ts). */
export async function showPush(registration: ServiceWorkerRegistration, data: PushMessageData | null): Promise<void> {
  const payload = readPayload(readJson(data));
  if (!payload) return;
  const record = await currentRecord();
  const account = record?.accounts[payload.userId];
  if (payload.type === 'readAllNotifications') {
    // Read elsewhere: this account's notifications here are done with.
    if (!account) return;
    for (const shown of await registration.getNotifications()) {
      if ((shown.data as Partial<PushData> | null)?.account === account.key) shown.close();
    }
    await self.navigator.clearAppBadge().catch(() => {});
    return;
  }
  const shown = composePush(payload, record, pushTranslator(record?.lang ?? 'en'));
  if (!shown) return;
  await registration.showNotification(shown.title, shown.options);
  // The installed app's icon says something came; the open app sets the exact count.
  if ('setAppBadge' in self.navigator) await self.navigator.setAppBadge().catch(() => {});
}

function urlOf(data: unknown): string {
  const url = (data as Partial<PushData> | null)?.url;
  // Only pages of this app: the data is ours, but it came through a push service.
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

/** A click opens the page in a window of the app if one is open (it routes there itself), else in a new one. */
export async function openFromNotification(clients: Clients, data: unknown): Promise<void> {
  const url = urlOf(data);
  const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => w.focused) ?? windows.find((w) => w.visibilityState === 'visible') ?? windows[0];
  if (!open) {
    await clients.openWindow(url);
    return;
  }
  open.postMessage({ type: 'open', url });
  await open.focus().catch(() => {});
}
