import { expect, test, type Locator, type Page, type Route } from '@playwright/test';
import { E2E_SERVER_URL } from './ports';
import { actAs, control, signInAll, signInAs, users } from './support/control';
import { keptRecords, waitUntilKept } from './support/offline';

// The installed app that is simply there: the last session shows at once, and reads offline.

const unique = (label: string) => `${label} ${Date.now().toString(36)}`;
const articles = (within: Page | Locator) => within.locator('article[data-note-id]');
const note = (within: Page | Locator, text: string) => articles(within).filter({ hasText: text });

type Created = { createdNote: { id: string } };
async function post(user: string, text: string): Promise<string> {
  return (await actAs<{ body: Created }>(user, 'notes/create', { text })).body.createdNote.id;
}

// Home with a note of bob's on top, read, and kept on the device; the service worker controls the page.
async function readHome(page: Page): Promise<{ text: string; id: string }> {
  await signInAs(page, 'alice');
  const text = unique('read before');
  const id = await post('bob', text);
  await page.goto('/');
  await expect(note(page, text)).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitUntilKept(page, id);
  return { text, id };
}

test.beforeEach(async () => {
  await control('reset');
});

test('offline, a reload shows the notes read before; back online the new ones come in order, once each', async ({
  page,
  context,
}) => {
  const read = await readHome(page);
  await context.setOffline(true);
  await page.reload();
  await expect(note(page, read.text)).toBeVisible();
  await expect(page.getByText(/^As of .*: kept on this device$/)).toBeVisible();
  await expect(page.locator('[data-status="offline"]')).toContainText('You are offline');

  const meanwhile: string[] = [];
  for (let i = 1; i <= 3; i++) {
    meanwhile.push(unique(`posted while offline #${i}`));
    await post('bob', meanwhile.at(-1)!);
  }
  await context.setOffline(false);
  await expect(note(page, meanwhile[2]!)).toBeVisible();
  await expect(page.getByText(/^As of /)).toHaveCount(0);
  const shown = await articles(page).evaluateAll((els) => els.map((el) => [el.getAttribute('data-note-id'), el.textContent]));
  expect(new Set(shown.map(([id]) => id)).size).toBe(shown.length);
  const order = [...meanwhile].reverse().concat(read.text);
  expect(shown.slice(0, 4).map(([, text]) => order.findIndex((t) => text!.includes(t)))).toEqual([0, 1, 2, 3]);
});

test('a cold start with a warm cache shows the first note before the timeline request is answered', async ({ page, context }) => {
  const read = await readHome(page);
  await page.close();
  const after = unique('posted while the app was closed');
  await post('bob', after);

  const held: Route[] = [];
  let holding = true;
  await context.route(/\/api\/notes\/timeline$/, (route) => (holding ? void held.push(route) : route.continue()));
  const restarted = await context.newPage();
  await restarted.goto('/');
  await expect(note(restarted, read.text)).toBeVisible();
  // The timeline's catch-up was asked for, and is still held back.
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(note(restarted, after)).toHaveCount(0);
  holding = false;
  for (const route of held) await route.continue();
  await expect(note(restarted, after)).toBeVisible();
  await expect(articles(restarted).first()).toContainText(after);
});

test("deck columns of two accounts each start offline from their own account's kept timeline", async ({ page, context }) => {
  const host = new URL(E2E_SERVER_URL).host;
  const column = (label: string) => page.locator(`section[data-column][aria-label="${label}"]`);
  // newsbot is followed by alice only; bob follows mallory, whom alice does not.
  await actAs('bob', 'following/create', { userId: (await users()).mallory!.id });
  await signInAll(page, ['alice', 'bob']);
  await page.goto('/deck');
  for (const account of ['alice', 'bob']) {
    await page.getByRole('button', { name: 'Add column' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a column' });
    await dialog.getByLabel('Column').selectOption({ label: 'Home' });
    await dialog.getByLabel('Account').selectOption({ label: `@${account}@${host}` });
    await dialog.getByRole('button', { name: 'Add' }).click();
  }
  const forAlice = unique('for alice only');
  const forBob = unique('for bob only');
  const aliceId = await post('newsbot', forAlice);
  const bobId = await post('mallory', forBob);
  const alices = column(`Home · @alice@${host}`);
  const bobs = column(`Home · @bob@${host}`);
  await expect(note(alices, forAlice)).toBeVisible();
  await expect(note(bobs, forBob)).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitUntilKept(page, aliceId);
  await waitUntilKept(page, bobId);

  await context.setOffline(true);
  await page.reload();
  await expect(note(alices, forAlice)).toBeVisible();
  await expect(note(bobs, forBob)).toBeVisible();
  await expect(note(alices, forBob)).toHaveCount(0);
  await expect(note(bobs, forAlice)).toHaveCount(0);
  await expect(alices.getByText(/^As of /)).toBeVisible();
  await expect(bobs.getByText(/^As of /)).toBeVisible();

  const later = unique('mallory again');
  await post('mallory', later);
  await context.setOffline(false);
  await expect(note(bobs, later)).toBeVisible();
  await expect(bobs.getByText(/^As of /)).toHaveCount(0);
  await expect(note(alices, later)).toHaveCount(0);
});

test('offline, notes opened before, profiles and the notifications read from what was kept; a reaction is refused plainly', async ({
  page,
  context,
}) => {
  await signInAs(page, 'alice');
  const opened = unique('a note opened once');
  const id = await post('bob', opened);
  const mention = unique('mentioning alice');
  await post('carol', `@alice ${mention}`);
  // Each page is kept a moment after it shows: wait for that before leaving it (a reload would cut the write).
  const kept = async () => (await keptRecords(page, 'reads')).map((r) => (r as { key: string }).key.split('|').at(-1)).sort();
  await page.goto(`/notes/${id}`);
  await expect(note(page, opened)).toBeVisible();
  await expect.poll(kept).toContain('note:' + id);
  await page.goto('/@carol');
  await expect(page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await expect.poll(kept).toContain('user:@carol');
  await page.goto('/notifications');
  await expect(page.getByText(mention)).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect.poll(kept).toEqual(['note:' + id, 'notifications', 'user:@carol']);

  await context.setOffline(true);
  await page.goto(`/notes/${id}`);
  await expect(note(page, opened)).toBeVisible();
  await expect(page.getByText(/^As of /)).toBeVisible();
  await expect(page.locator('[data-status="offline"]')).toContainText('You are offline');
  const article = note(page, opened);
  await article.getByRole('button', { name: 'React' }).click();
  await page
    .getByRole('dialog', { name: 'Pick a reaction' })
    .getByRole('button', { name: /^(👍|thumbs up)/ })
    .first()
    .click();
  await expect(article.getByRole('alert')).toContainText('You are offline: reactions cannot be sent now');
  await expect(article.getByRole('list', { name: 'Reactions' }).getByRole('button')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notifications' }).click();
  await expect(page.getByText(mention)).toBeVisible();
  await page.goto('/@carol');
  await expect(page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await expect(page.getByText(/^As of /).first()).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText(/^As of /)).toHaveCount(0);
});
