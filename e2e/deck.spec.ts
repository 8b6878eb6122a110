import { expect, test, type Page } from '@playwright/test';
import { E2E_SERVER_URL } from './ports';
import { actAs, control, signInAll, sockets } from './support/control';

// The deck: columns of several accounts side by side, each live on its own account's socket.

const host = new URL(E2E_SERVER_URL).host;
const unique = (label: string) => `${label} ${Date.now().toString(36)}`;
const column = (page: Page, label: string) => page.locator(`section[data-column][aria-label="${label}"]`);

async function addColumn(page: Page, kind: string, account: string, fill?: { label: string; value: string }) {
  await page.getByRole('button', { name: 'Add column' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a column' });
  await dialog.getByLabel('Column').selectOption({ label: kind });
  await dialog.getByLabel('Account').selectOption({ label: account });
  if (fill) await dialog.getByLabel(fill.label).fill(fill.value);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
}

async function openSockets(): Promise<Array<{ user: string | null; channels: string[] }>> {
  return (await sockets()).map((s) => ({ user: s.user, channels: s.channels.map((c) => c.channel) }));
}

test.beforeEach(async ({ page }) => {
  await control('reset');
  await signInAll(page, ['alice', 'bob']);
});

test('columns of two accounts live side by side, each acting as its own account, and kept on reload', async ({ page }) => {
  await page.goto('/deck');
  await expect(page.getByText('Your deck is empty')).toBeVisible();
  await addColumn(page, 'Home', `@alice@${host}`);
  await addColumn(page, 'Notifications', `@bob@${host}`);
  const home = column(page, `Home · @alice@${host}`);
  const bobsNotifications = column(page, `Notifications · @bob@${host}`);
  await expect(home.locator('article[data-note-id]').first()).toBeVisible();

  // Two sockets, one per account: alice's with her home timeline, bob's with his main channel.
  await expect.poll(async () => (await openSockets()).map((s) => s.user).sort()).toEqual(['alice', 'bob']);
  await expect.poll(async () => (await openSockets()).find((s) => s.user === 'alice')?.channels).toContain('homeTimeline');
  await expect.poll(async () => (await openSockets()).find((s) => s.user === 'bob')?.channels).toContain('main');

  // Bob posts; it arrives in alice's Home column.
  const text = unique('from bob to the deck');
  const { body } = await actAs<{ body: { createdNote: { id: string } } }>('bob', 'notes/create', { text });
  const note = home.locator(`article[data-note-id="${body.createdNote.id}"]`);
  await expect(note).toContainText(text);

  // Alice reacts from her column: the server has alice's reaction; bob's column hears of it.
  await note.getByRole('button', { name: 'React' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick a reaction' });
  await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('thumbs up');
  await picker.getByRole('button', { name: 'thumbs up' }).first().click();
  await expect
    .poll(async () => {
      const reactions = await actAs<{ body: Array<{ user: { username: string }; type: string }> }>('bob', 'notes/reactions', {
        noteId: body.createdNote.id,
      });
      return reactions.body.map((r) => `${r.user.username} ${r.type}`);
    })
    .toEqual(['alice 👍']);
  await expect(bobsNotifications.locator('[data-type="reaction"]').first()).toContainText(text.slice(0, 20));

  await page.reload();
  await expect(column(page, `Home · @alice@${host}`)).toBeVisible();
  await expect(column(page, `Notifications · @bob@${host}`)).toBeVisible();
  await expect(column(page, `Notifications · @bob@${host}`).locator('[data-type="reaction"]').first()).toBeVisible();
});

test("removing an account's last column closes its socket", async ({ page }) => {
  await page.goto('/deck');
  await addColumn(page, 'Local', `@alice@${host}`);
  await addColumn(page, 'Mentions', `@bob@${host}`);
  await addColumn(page, 'Global', `@bob@${host}`);
  await expect.poll(async () => (await openSockets()).map((s) => s.user).sort()).toEqual(['alice', 'bob']);

  const remove = async (label: string) => {
    const col = column(page, label);
    await col.getByRole('button', { name: 'Column menu' }).click();
    await col.getByRole('button', { name: 'Remove column' }).click();
    await expect(col).toHaveCount(0);
  };
  await remove(`Mentions · @bob@${host}`);
  // Bob still has a column: his socket stays, without the mentions feed's channel.
  await expect.poll(async () => (await openSockets()).find((s) => s.user === 'bob')?.channels).toContain('globalTimeline');
  await remove(`Global · @bob@${host}`);
  await expect.poll(async () => (await openSockets()).map((s) => s.user)).toEqual(['alice']);
});

test('columns move left and right, and h / l move between them', async ({ page }) => {
  await page.goto('/deck');
  await addColumn(page, 'Local', `@alice@${host}`);
  await addColumn(page, 'Hashtag', `@bob@${host}`, { label: 'Hashtag', value: '#misskey' });
  const labels = () => page.locator('section[data-column]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  await expect.poll(labels).toEqual([`Local · @alice@${host}`, `#misskey · @bob@${host}`]);
  const tag = column(page, `#misskey · @bob@${host}`);
  await tag.getByRole('button', { name: 'Column menu' }).click();
  await tag.getByRole('button', { name: 'Move left' }).click();
  await expect.poll(labels).toEqual([`#misskey · @bob@${host}`, `Local · @alice@${host}`]);

  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('l');
  await expect(column(page, `Local · @alice@${host}`)).toBeFocused();
  await page.keyboard.press('h');
  await expect(tag).toBeFocused();
  // j moves through the notes of the focused column only.
  await page.keyboard.press('j');
  await expect(tag.locator('article[data-note-id]:focus')).toHaveCount(1);
  await expect(column(page, `Local · @alice@${host}`).locator('article[data-note-id]:focus')).toHaveCount(0);
});

test('on a phone one column shows at a time, with tabs to switch', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/deck');
  await addColumn(page, 'Local', `@alice@${host}`);
  await addColumn(page, 'Notifications', `@bob@${host}`);
  const tabs = page.getByRole('tablist', { name: 'Columns' });
  await expect(tabs.getByRole('tab', { name: 'Notifications' })).toHaveAttribute('aria-selected', 'true');
  await expect(column(page, `Notifications · @bob@${host}`)).toBeVisible();
  await expect(column(page, `Local · @alice@${host}`)).toBeHidden();
  await tabs.getByRole('tab', { name: 'Local' }).click();
  await expect(column(page, `Local · @alice@${host}`).locator('article[data-note-id]').first()).toBeVisible();
  await expect(column(page, `Notifications · @bob@${host}`)).toBeHidden();
  const box = await column(page, `Local · @alice@${host}`).boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});

test("a note in two accounts' columns shows each account's own reaction; in two columns of one account it is captured once", async ({
  page,
}) => {
  await page.goto('/deck');
  await addColumn(page, 'Local', `@alice@${host}`);
  await addColumn(page, 'Global', `@alice@${host}`);
  await addColumn(page, 'Local', `@bob@${host}`);
  const text = unique('seen by both');
  const { body } = await actAs<{ body: { createdNote: { id: string } } }>('carol', 'notes/create', { text });
  const id = body.createdNote.id;
  const inColumn = (label: string) => column(page, label).locator(`article[data-note-id="${id}"]`);
  for (const label of [`Local · @alice@${host}`, `Global · @alice@${host}`, `Local · @bob@${host}`]) {
    await expect(inColumn(label)).toBeVisible();
  }
  // One capture per account socket, however many of its columns show the note.
  await expect
    .poll(async () => (await sockets()).map((s) => [s.user, s.captures[id] ?? 0]).sort())
    .toEqual([
      ['alice', 1],
      ['bob', 1],
    ]);

  await inColumn(`Local · @bob@${host}`).getByRole('button', { name: 'React' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick a reaction' });
  await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('thumbs up');
  await picker.getByRole('button', { name: 'thumbs up' }).first().click();
  // Bob's column: his own reaction. Alice's columns: the same count, live, but not hers.
  const reactions = (label: string) => inColumn(label).getByRole('list', { name: 'Reactions' });
  await expect(reactions(`Local · @bob@${host}`).getByRole('button', { name: '👍: 1, including yours' })).toBeVisible();
  await expect(reactions(`Local · @alice@${host}`).getByRole('button', { name: '👍: 1', exact: true })).toBeVisible();
  await expect(reactions(`Global · @alice@${host}`).getByRole('button', { name: '👍: 1', exact: true })).toBeVisible();
});

test('Compose on the deck posts as the account picked, the focused column’s by default', async ({ page }) => {
  await page.goto('/deck');
  await addColumn(page, 'Local', `@bob@${host}`);
  await page.getByRole('button', { name: 'Compose' }).click();
  const dialog = page.getByRole('dialog', { name: 'New note' });
  await expect(dialog.getByLabel('Posting as')).toHaveValue(/.+/);
  await expect(dialog.getByLabel('Posting as').locator('option:checked')).toHaveText(`@bob@${host}`);
  const text = unique('posted as bob from the deck');
  await dialog.getByRole('textbox', { name: 'Note text' }).fill(text);
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(column(page, `Local · @bob@${host}`).locator('article[data-note-id]').filter({ hasText: text })).toContainText(
    '@bob',
  );
});

test('with upgrades refused each column polls as its own account, and streams again once they are allowed', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/deck');
  await addColumn(page, 'Local', `@bob@${host}`);
  await addColumn(page, 'Mentions', `@alice@${host}`);
  const bobsLocal = column(page, `Local · @bob@${host}`);
  const alicesMentions = column(page, `Mentions · @alice@${host}`);
  await expect(bobsLocal.locator('article[data-note-id]').first()).toBeVisible();
  await expect.poll(async () => (await openSockets()).map((s) => s.user).sort()).toEqual(['alice', 'bob']);

  await control('refuse-upgrades', { seconds: 60 });
  await control('drop-sockets');
  const local = unique('polled into the column');
  const mention = unique('@alice polled mention');
  const localId = (await actAs<{ body: { createdNote: { id: string } } }>('carol', 'notes/create', { text: local })).body
    .createdNote.id;
  const mentionId = (await actAs<{ body: { createdNote: { id: string } } }>('carol', 'notes/create', { text: mention })).body
    .createdNote.id;

  // No socket of either account opens; each column reads over REST as its account, and says so.
  for (const col of [bobsLocal, alicesMentions])
    await expect(col.getByRole('status').filter({ hasText: 'Updating every 15 s' })).toBeVisible({ timeout: 40_000 });
  await expect(bobsLocal.locator(`article[data-note-id="${localId}"]`)).toHaveCount(1, { timeout: 20_000 });
  await expect(alicesMentions.locator(`article[data-note-id="${mentionId}"]`)).toHaveCount(1, { timeout: 20_000 });
  expect(await openSockets()).toEqual([]);

  // Upgrades allowed: both accounts stream again, the columns stop polling, nothing shows twice.
  await control('refuse-upgrades', { seconds: 0 });
  await expect.poll(async () => (await openSockets()).map((s) => s.user).sort(), { timeout: 30_000 }).toEqual(['alice', 'bob']);
  for (const col of [bobsLocal, alicesMentions])
    await expect(col.getByRole('status').filter({ hasText: 'Updating every 15 s' })).toHaveCount(0);
  const streamed = unique('streamed to the column');
  const streamedId = (await actAs<{ body: { createdNote: { id: string } } }>('carol', 'notes/create', { text: streamed })).body
    .createdNote.id;
  await expect(bobsLocal.locator(`article[data-note-id="${streamedId}"]`)).toHaveCount(1);
  await expect(bobsLocal.locator(`article[data-note-id="${localId}"]`)).toHaveCount(1);
  await expect(alicesMentions.locator(`article[data-note-id="${mentionId}"]`)).toHaveCount(1);
});
