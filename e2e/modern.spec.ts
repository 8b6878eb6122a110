import { expect, test, type Page } from '@playwright/test';
import { E2E_2026_SERVER_URL } from './ports';
import { actAs, control, signInAs, sockets } from './support/control';

// Flows that differ on a Misskey 2026 server (the stand-in's 2026.5 profile): server drafts,
// scheduled notes and their notification, mention dots without the removed main events, the new
// notification types, and the everyday flows that must keep working there.

const SERVER = E2E_2026_SERVER_URL;

test.beforeEach(async () => {
  await control('reset', {}, SERVER);
});

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

async function mainChannel(username: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(async () => {
      const socket = (await sockets(SERVER)).find((s) => s.user === username && s.channels.some((c) => c.channel === 'main'));
      id = socket?.channels.find((c) => c.channel === 'main')?.id;
      return id;
    })
    .toBeTruthy();
  return id!;
}

function composer(page: Page) {
  return page.getByRole('form', { name: 'Write a note' });
}

test('the home timeline streams and a note posts on a 2026 server', async ({ page }) => {
  await signInAs(page, 'alice', SERVER);
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  const text = `Hello 2026 ${Date.now().toString(36)}`;
  await composer(page).getByRole('textbox', { name: 'Note text' }).fill(text);
  await composer(page).getByRole('button', { name: 'Post' }).click();
  await expect(page.locator('article[data-note-id]', { hasText: text })).toBeVisible();
  await actAs('bob', 'notes/create', { text: 'bob on 2026, live' }, SERVER);
  await expect(page.locator('article[data-note-id]', { hasText: 'bob on 2026, live' })).toBeVisible();
});

test('a draft written in one browser context appears in another', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signInAs(a, 'alice', SERVER);
  await signInAs(b, 'alice', SERVER);
  await a.goto('/');
  await composer(a).getByRole('textbox', { name: 'Note text' }).fill('Thoughts to finish on the laptop');
  await expect
    .poll(async () =>
      (await actAs<{ body: { text: string }[] }>('alice', 'notes/drafts/list', {}, SERVER)).body.map((d) => d.text),
    )
    .toContain('Thoughts to finish on the laptop');

  await b.goto('/');
  await expect(composer(b).getByRole('textbox', { name: 'Note text' })).toHaveValue('Thoughts to finish on the laptop');
  await composer(b).getByRole('textbox', { name: 'Note text' }).fill('Thoughts to finish on the laptop, finished');
  await composer(b).getByRole('button', { name: 'Post' }).click();
  await expect(b.locator('article[data-note-id]', { hasText: 'finished' })).toBeVisible();
  // Posted: the server copy is gone.
  await expect.poll(async () => (await actAs<{ body: unknown[] }>('alice', 'notes/drafts/list', {}, SERVER)).body).toEqual([]);
  await first.close();
  await second.close();
});

test('a note scheduled a minute ahead appears when due, with its notification; the Scheduled page edits it', async ({ page }) => {
  await signInAs(page, 'alice', SERVER);
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  const form = composer(page);
  await form.getByRole('textbox', { name: 'Note text' }).fill('Scheduled hello');
  await form.getByRole('button', { name: 'Schedule' }).click();
  const at = form.getByLabel('Post at');
  // The time as the user types it: local time, a minute from now.
  const due = await page.evaluate(() => {
    const d = new Date(Date.now() + 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  });
  await at.fill(due);
  await form.getByRole('button', { name: 'Schedule', exact: true }).last().click();
  await expect(form.getByRole('status').filter({ hasText: 'Scheduled for' })).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Note text' })).toHaveValue('');

  // Listed on the Scheduled page; an edit there changes what goes out.
  await nav(page).getByRole('link', { name: 'Scheduled notes' }).click();
  const item = page.getByRole('list', { name: 'Scheduled notes' }).locator('li').first();
  await expect(item).toContainText('Scheduled hello');
  await item.getByRole('button', { name: 'Edit' }).click();
  await item.getByRole('textbox', { name: 'Note text' }).fill('Scheduled hello, edited');
  await item.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Schedule updated.' })).toBeVisible();
  await expect(item).toContainText('Scheduled hello, edited');

  // Its time comes (the stand-in's own tests keep the timing; here it need not take a minute).
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await expect(page.locator('article[data-note-id]', { hasText: 'Scheduled hello, edited' })).toHaveCount(0);
  await control('run-later', {}, SERVER);
  await expect(page.locator('article[data-note-id]', { hasText: 'Scheduled hello, edited' })).toBeVisible();
  await page.goto('/notifications');
  const notification = page.locator('[data-type="scheduledNotePosted"]').first();
  await expect(notification).toContainText('Your scheduled note was posted');
  await expect(notification).toContainText('Scheduled hello, edited');
});

test('a scheduled note can be cancelled back into the drafts; a past time is refused', async ({ page }) => {
  const soon = Date.now() + 3_600_000;
  await actAs('alice', 'notes/drafts/create', { text: 'Maybe later', scheduledAt: soon, isActuallyScheduled: true }, SERVER);
  await signInAs(page, 'alice', SERVER);
  await page.goto('/scheduled');
  const item = page.getByRole('list', { name: 'Scheduled notes' }).locator('li').first();
  await expect(item).toContainText('Maybe later');
  await item.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'back in your drafts' })).toBeVisible();
  await expect(page.getByText('No scheduled notes.')).toBeVisible();
  const drafts = (
    await actAs<{ body: { text: string; isActuallyScheduled: boolean }[] }>('alice', 'notes/drafts/list', {}, SERVER)
  ).body;
  expect(drafts).toEqual([expect.objectContaining({ text: 'Maybe later', isActuallyScheduled: false })]);

  await page.goto('/');
  const form = composer(page);
  await expect(form.getByRole('textbox', { name: 'Note text' })).toHaveValue('Maybe later');
  await form.getByRole('button', { name: 'Schedule' }).click();
  await form.getByLabel('Post at').fill('2020-01-01T10:00:00');
  await expect(form.getByRole('alert')).toContainText('Pick a time in the future.');
  await expect(form.getByRole('button', { name: 'Schedule', exact: true }).last()).toBeDisabled();
});

test('mention and direct dots update without the removed main events, and stay read after a reload', async ({ page }) => {
  await signInAs(page, 'alice', SERVER);
  // The seed leaves a direct note to alice unread: both dots are on at the start.
  await page.goto('/mentions');
  const mentions = nav(page).getByRole('link', { name: /^Mentions/ });
  const direct = nav(page).getByRole('link', { name: /^Direct/ });
  await expect(page.getByRole('feed', { name: 'Mentions' }).locator('article').first()).toBeVisible();
  await expect(mentions.getByTestId('unread-dot')).toHaveCount(0);
  await direct.click();
  await expect(page.getByRole('feed', { name: 'Direct notes' }).locator('article').first()).toBeVisible();
  await expect(direct.getByTestId('unread-dot')).toHaveCount(0);

  await page.goto('/settings');
  await mainChannel('alice');
  await actAs('bob', 'notes/create', { text: '@alice a mention on 2026' }, SERVER);
  await expect(mentions.getByTestId('unread-dot')).toBeVisible();
  await expect(direct.getByTestId('unread-dot')).toHaveCount(0);
  const aliceId = (await actAs<{ body: { id: string } }>('alice', 'i', {}, SERVER)).body.id;
  await actAs('bob', 'notes/create', { text: 'just for alice', visibility: 'specified', visibleUserIds: [aliceId] }, SERVER);
  await expect(direct.getByTestId('unread-dot')).toBeVisible();
  expect((await actAs<{ body: { hasUnreadMentions: boolean } }>('alice', 'i', {}, SERVER)).body.hasUnreadMentions).toBe(false);
  // Neither unreadMention nor unreadSpecifiedNote exists there: the dots came from the notifications.

  await mentions.click();
  await expect(page.getByRole('feed', { name: 'Mentions' })).toContainText('a mention on 2026');
  await expect(mentions.getByTestId('unread-dot')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('feed', { name: 'Mentions' }).locator('article').first()).toBeVisible();
  await expect(mentions.getByTestId('unread-dot')).toHaveCount(0);
  await expect(direct.getByTestId('unread-dot')).toBeVisible();
});

test('the new notification types read as sentences, an unknown one as a neutral line', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await signInAs(page, 'alice', SERVER);
  await page.goto('/notifications');
  await expect(page.locator('[data-notification-id]').first()).toBeVisible();
  const channel = await mainChannel('alice');
  const now = new Date().toISOString();
  const push = (n: Record<string, unknown>) =>
    control(
      'send-raw',
      { user: 'alice', frame: JSON.stringify({ type: 'channel', body: { id: channel, type: 'notification', body: n } }) },
      SERVER,
    );
  await push({ id: 'zzzzzzzzzzzzzzz1', createdAt: now, type: 'createToken' });
  await push({ id: 'zzzzzzzzzzzzzzz2', createdAt: now, type: 'login' });
  await push({ id: 'zzzzzzzzzzzzzzz3', createdAt: now, type: 'exportCompleted', exportedEntity: 'note', fileId: 'f1' });
  await push({
    id: 'zzzzzzzzzzzzzzz4',
    createdAt: now,
    type: 'scheduledNotePostFailed',
    noteDraft: { id: 'd1', text: 'This one did not go out', cw: null },
  });
  await push({ id: 'zzzzzzzzzzzzzzz5', createdAt: now, type: 'somethingFromTheFuture', data: 1 });
  const item = (id: string) => page.locator(`[data-notification-id="${id}"]`);
  await expect(item('zzzzzzzzzzzzzzz1')).toContainText('An access token was created for your account');
  await expect(item('zzzzzzzzzzzzzzz2')).toContainText('Someone signed in to your account');
  await expect(item('zzzzzzzzzzzzzzz3')).toContainText('Your export of notes is ready');
  await expect(item('zzzzzzzzzzzzzzz4')).toContainText('A scheduled note could not be posted');
  await expect(item('zzzzzzzzzzzzzzz4')).toContainText('This one did not go out');
  await expect(item('zzzzzzzzzzzzzzz5')).toContainText('Notification (somethingFromTheFuture)');
  expect(errors).toEqual([]);
});

test('mute a channel on a 2026 server: its notes leave Home, it is listed under Muted, and unmuted they are back', async ({
  page,
}) => {
  const found = await actAs<{ body: { id: string }[] }>('bob', 'channels/search', { query: 'Misskey talk' }, SERVER);
  const channelId = found.body[0]!.id;
  await signInAs(page, 'bob', SERVER);
  await page.goto(`/channels/${channelId}`);
  await page.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Muted: its notes are left out of your timelines.')).toBeVisible();

  // bob follows the channel, so its notes would reach his Home.
  const hidden = `In the muted channel ${Date.now().toString(36)}`;
  const shown = `Outside any channel ${Date.now().toString(36)}`;
  await actAs('carol', 'notes/create', { text: hidden, channelId }, SERVER);
  await actAs('carol', 'notes/create', { text: shown }, SERVER);
  await page.goto('/');
  const articles = page.locator('article[data-note-id]');
  await expect(articles.filter({ hasText: shown })).toHaveCount(1);
  await expect(articles.filter({ hasText: hidden })).toHaveCount(0);

  await page.goto('/channels');
  await page.getByRole('tab', { name: 'Muted' }).click();
  await page.getByRole('tabpanel').getByRole('link', { name: 'Misskey talk' }).click();
  await page.getByRole('button', { name: 'Unmute' }).click();
  await expect(page.getByRole('button', { name: 'Mute', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await page.goto('/');
  await expect(articles.filter({ hasText: hidden })).toHaveCount(1);
});
