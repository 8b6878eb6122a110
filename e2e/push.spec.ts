import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { E2E_SERVER_URL } from './ports';
import { actAs, control, pushes, signInAs, type PushSent } from './support/control';
import { keptRecords } from './support/offline';

// Push notifications while the app is closed. Browsers here cannot reach a push service, so the
// subscription is stood in for: an endpoint the server registers (sw/register, as the app does) and
// what the app keeps on the device once registered; the server's payload for it is then delivered
// to the service worker through the DevTools protocol, as the push service would.

const host = new URL(E2E_SERVER_URL).host;

interface Shown {
  title: string;
  body: string;
  tag: string;
  url: unknown;
}

function shownNotifications(page: Page): Promise<Shown[]> {
  return page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      url: (n.data as { url?: unknown } | null)?.url,
    })),
  );
}

async function deliverer(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const registration = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const found = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
      if (found) resolve(found.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registration;
  return (payload: PushSent['payload']) =>
    cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: JSON.stringify(payload) });
}

test.beforeEach(async () => {
  await control('reset');
});

test("the service worker shows the server's push with the right title and target, and closes it when all is read", async ({
  page,
  context,
}) => {
  const alice = await signInAs(page, 'alice');
  const key = `${alice.id}@${E2E_SERVER_URL}`;
  await context.grantPermissions(['notifications']);
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect.poll(async () => (await keptRecords(page, 'sessions')).length).toBeGreaterThan(0);

  const endpoint = `https://push.invalid/e2e/${Date.now().toString(36)}`;
  await actAs('alice', 'sw/register', { endpoint, auth: 'w6RQt34E-uJXwGCzT0d9aQ', publickey: 'BPjx5g' });
  const record = {
    id: 'current',
    origin: E2E_SERVER_URL,
    endpoint,
    lang: 'en',
    accounts: { [alice.id]: { key, acct: `@alice@${host}` } },
  };
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('mkc');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('push', 'readwrite');
          tx.objectStore('push').put(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    record,
  );

  const text = `push me ${Date.now().toString(36)}`;
  const { body } = await actAs<{ body: { createdNote: { id: string } } }>('bob', 'notes/create', { text: `@alice ${text}` });
  let sent: PushSent | undefined;
  await expect
    .poll(async () => {
      sent = (await pushes()).find((p) => p.endpoint === endpoint && p.payload.type === 'notification');
      return sent?.payload.userId;
    })
    .toBe(alice.id);

  const deliver = await deliverer(context, page);
  await deliver(sent!.payload);
  await expect.poll(() => shownNotifications(page)).toHaveLength(1);
  const [shown] = await shownNotifications(page);
  expect(shown!.title).toBe('Bob 🐝 mentioned you');
  expect(shown!.body).toContain(text);
  expect(shown!.url).toBe(`/notes/${body.createdNote.id}?account=${encodeURIComponent(key)}`);
  expect(shown!.tag.startsWith(`${key}|`)).toBe(true);

  // For an account not registered on this device: nothing.
  await deliver({ ...sent!.payload, userId: 'someone-else' });
  // Read elsewhere (Misskey's readAllNotifications): this account's notifications go.
  await deliver({ type: 'readAllNotifications', userId: alice.id, dateTime: Date.now() });
  await expect.poll(() => shownNotifications(page)).toHaveLength(0);
});

test('Settings offers push per account where the server does, and says plainly where it does not', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/settings');
  const toggle = page.getByRole('checkbox', { name: `Push notifications for @alice@${host}` });
  await expect(toggle).toBeEnabled();
  await expect(toggle).not.toBeChecked();

  await control('service-worker', { enabled: false });
  await page.reload();
  await expect(page.getByText(`${host} does not offer push notifications.`)).toBeVisible();
  await expect(toggle).toBeDisabled();
});
