import { expect, test, type Page } from '@playwright/test';
import { actAs, control, signInAs, sockets } from './support/control';
import { seriousViolations } from './support/axe';

test.beforeEach(async () => {
  await control('reset');
});

// The id under which the client connected `main` on alice's socket: needed to inject frames, and
// its presence means live events will reach the page.
async function mainChannelOf(username: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(async () => {
      const socket = (await sockets()).find((s) => s.user === username && s.channels.some((c) => c.channel === 'main'));
      id = socket?.channels.find((c) => c.channel === 'main')?.id;
      return id;
    })
    .toBeTruthy();
  return id!;
}

function notificationsLink(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Notifications/ });
}

function items(page: Page) {
  return page.getByRole('list', { name: 'Notifications' }).locator('> li > [data-type]');
}

async function aliceNote(text: string): Promise<string> {
  const { body } = await actAs<{ body: { createdNote: { id: string } } }>('alice', 'notes/create', { text });
  return body.createdNote.id;
}

// Everything bob does to alice, each producing one notification for her, newest last.
async function bobInteracts(noteId: string): Promise<void> {
  await actAs('bob', 'notes/create', { text: '@alice are you coming tonight?' });
  await actAs('bob', 'notes/create', { text: 'Agreed!', replyId: noteId });
  await actAs('bob', 'notes/reactions/create', { noteId, reaction: ':blobcat:' });
  await actAs('bob', 'notes/create', { renoteId: noteId });
  // Bob already follows alice in the seed; following again is what notifies her.
  await actAs('bob', 'following/delete', { userId: (await actAs<{ body: { id: string } }>('alice', 'i')).body.id });
  await actAs('bob', 'following/create', { userId: (await actAs<{ body: { id: string } }>('alice', 'i')).body.id });
}

test('what bob does shows in the badge elsewhere, then on the page; opening the page reads them', async ({ page }) => {
  await signInAs(page, 'alice');
  const noteId = await aliceNote('Who is in for dinner?');
  await page.goto('/local');
  // The seed leaves alice three unread notifications.
  await expect(notificationsLink(page)).toHaveAccessibleName(/^Notifications\W*3 unread$/);
  await expect(page).toHaveTitle('(3) Misskey Web Client');
  await mainChannelOf('alice');

  await bobInteracts(noteId);
  await expect(notificationsLink(page)).toHaveAccessibleName(/^Notifications\W*8 unread$/);
  await expect(page).toHaveTitle('(8) Misskey Web Client');
  await expect(page.getByRole('status').filter({ hasText: '8 unread notifications' })).toBeAttached();

  await notificationsLink(page).click();
  await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  const list = items(page);
  await expect(list.nth(0)).toHaveAttribute('data-type', 'follow');
  await expect(list.nth(0).getByRole('link', { name: 'Bob 🐝 followed you' })).toBeVisible();
  await expect(list.nth(1)).toHaveAttribute('data-type', 'renote');
  await expect(list.nth(1).getByRole('link', { name: 'Bob 🐝 renoted your note' })).toBeVisible();
  await expect(list.nth(2)).toHaveAttribute('data-type', 'reaction');
  await expect(list.nth(2).getByRole('img', { name: ':blobcat:' })).toBeVisible();
  await expect(list.nth(3)).toHaveAttribute('data-type', 'reply');
  await expect(list.nth(3).getByText('Agreed!')).toBeVisible();
  await expect(list.nth(4)).toHaveAttribute('data-type', 'mention');
  await expect(list.nth(4).getByText('are you coming tonight?')).toBeVisible();

  // Reading happened on the server: the badge stays gone after a reload elsewhere.
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications');
  await expect(page).toHaveTitle('Misskey Web Client');
  await page.goto('/local');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Local' })).toBeVisible();
  await mainChannelOf('alice');
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications');
});

test('on the open page new notifications arrive live and are read at once', async ({ page }) => {
  await signInAs(page, 'alice');
  const noteId = await aliceNote('Live on the page');
  await page.goto('/notifications');
  await expect(items(page).first()).toBeVisible();
  await mainChannelOf('alice');
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications');

  await bobInteracts(noteId);
  const list = items(page);
  await expect(list.nth(0).getByRole('link', { name: 'Bob 🐝 followed you' })).toBeVisible();
  await expect(list.nth(1)).toHaveAttribute('data-type', 'renote');
  await expect(list.nth(2).getByRole('img', { name: ':blobcat:' })).toBeVisible();
  await expect(list.nth(3)).toHaveAttribute('data-type', 'reply');
  await expect(list.nth(4)).toHaveAttribute('data-type', 'mention');
  // Each arrival was read at once, so no unreadNotification (2 s later) raises the badge.
  await expect
    .poll(async () => (await actAs<{ body: { unreadNotificationsCount: number } }>('alice', 'i')).body.unreadNotificationsCount)
    .toBe(0);
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications');
});

test('five reactions to one note are one grouped entry, and a sixth arriving live joins it', async ({ page }) => {
  await signInAs(page, 'alice');
  const noteId = await aliceNote('React to this, everyone');
  for (const [user, reaction] of [
    ['bob', '👍'],
    ['carol', '❤'],
    ['dave', '🎉'],
    ['admin', '👍'],
    ['newsbot', '👀'],
  ] as const) {
    await actAs(user, 'notes/reactions/create', { noteId, reaction });
  }
  await page.goto('/notifications');
  const top = items(page).first();
  await expect(top).toHaveAttribute('data-type', 'reaction:grouped');
  await expect(top.getByRole('link', { name: 'News bot and 4 others reacted' })).toBeVisible();
  const people = top.getByRole('list', { name: 'Reacted by' }).getByRole('link');
  await expect(people).toHaveCount(5);
  await expect(people.first()).toHaveAccessibleName('News bot 👀');
  // Each reaction once, after the line, drawn from the server's Twemoji.
  await expect(top.locator('.reactions img')).toHaveCount(4);
  await expect(top.locator('.reactions img').first()).toHaveAttribute('alt', '👀');
  // Only the group: the five are not listed again one by one.
  await expect(items(page).filter({ hasText: 'React to this, everyone' })).toHaveCount(1);
  const key = await top.getAttribute('data-notification-id');

  await mainChannelOf('alice');
  await actAs('pollbot', 'notes/reactions/create', { noteId, reaction: '🍮' });
  await expect(top.getByRole('link', { name: 'Poll bot and 5 others reacted' })).toBeVisible();
  await expect(items(page).first()).toHaveAttribute('data-notification-id', key!);
  await expect(people).toHaveCount(6);
  await expect(top.locator('.reactions img')).toHaveCount(5);
  await expect(items(page).filter({ hasText: 'React to this, everyone' })).toHaveCount(1);
});

test('renotes of one note are grouped as "… and N others renoted your note"', async ({ page }) => {
  await signInAs(page, 'alice');
  const noteId = await aliceNote('Renote me, please');
  for (const user of ['bob', 'carol', 'admin']) await actAs(user, 'notes/create', { renoteId: noteId });
  await page.goto('/notifications');
  const top = items(page).first();
  await expect(top).toHaveAttribute('data-type', 'renote:grouped');
  await expect(top.getByRole('link', { name: 'Admin and 2 others renoted your note' })).toHaveAttribute(
    'href',
    `/notes/${noteId}`,
  );
  await expect(top.getByRole('list', { name: 'Renoted by' }).getByRole('link')).toHaveCount(3);
  await expect(top).toContainText('Renote me, please');
});

test('achievements read by their name and description', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/notifications');
  const item = items(page).and(page.locator('[data-type="achievementEarned"]'));
  // The seed's oldest notification: the list renders what is near the screen, so go down to it.
  await expect(items(page).first()).toBeVisible();
  await expect
    .poll(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      return item.count();
    })
    .toBe(1);
  await expect(item).toContainText('You earned an achievement: First note');
  await expect(item).toContainText('Posted your first note');
  await expect(item).not.toContainText('notes1');
});

test('a notification of a type the client does not know renders as a plain line', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await signInAs(page, 'alice');
  await page.goto('/notifications');
  await expect(items(page).first()).toBeVisible();
  const channelId = await mainChannelOf('alice');
  const notification = { id: 'zzzzzzzzzzzzzzzz', createdAt: new Date().toISOString(), type: 'brandNewKind', payload: { x: 1 } };
  await control('send-raw', {
    user: 'alice',
    frame: JSON.stringify({ type: 'channel', body: { id: channelId, type: 'notification', body: notification } }),
  });
  await expect(items(page).first()).toHaveAttribute('data-type', 'brandNewKind');
  await expect(items(page).first()).toContainText('Notification (brandNewKind)');
  expect(errors).toEqual([]);
});

test('the mentions page shows a new mention live; the direct page only notes addressed to alice', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/mentions');
  await expect(page.getByRole('heading', { name: 'Mentions' })).toBeVisible();
  await expect(page.getByRole('feed', { name: 'Mentions' }).locator('article').first()).toBeVisible();
  await mainChannelOf('alice');
  await actAs('bob', 'notes/create', { text: '@alice mentions page, live' });
  await expect(page.getByRole('feed', { name: 'Mentions' }).locator('article').first()).toContainText('mentions page, live');

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Direct/ })
    .click();
  const feed = page.getByRole('feed', { name: 'Direct notes' });
  await expect(page.getByRole('heading', { name: 'Direct notes' })).toBeVisible();
  await mainChannelOf('alice');
  const alice = (await actAs<{ body: { id: string } }>('alice', 'i')).body.id;
  await actAs('bob', 'notes/create', { text: '@alice public, not direct' });
  await actAs('bob', 'notes/create', { text: '@alice just for you', visibility: 'specified', visibleUserIds: [alice] });
  await expect(feed.locator('article').first()).toContainText('just for you');
  await expect(feed).not.toContainText('public, not direct');
});

test('desktop notifications switch on once the browser allows them, and say so when it does not', async ({ page, context }) => {
  await signInAs(page, 'alice');
  await page.goto('/settings');
  const toggle = page.getByRole('checkbox', { name: /desktop notification/i });
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(page.getByRole('alert')).toContainText(/did not allow|blocked/);

  await context.grantPermissions(['notifications']);
  await toggle.check();
  await expect(toggle).toBeChecked();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

for (const path of ['/notifications', '/mentions', '/direct']) {
  test(`axe finds no serious or critical violation on ${path} with items`, async ({ page }) => {
    await signInAs(page, 'alice');
    await page.goto(path);
    await expect(page.locator('main li, main article').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('a mention seen on the timeline is read on the server (sr); one not seen raises the Mentions dot', async ({ page }) => {
  await signInAs(page, 'alice');
  const mentionsLink = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Mentions/ });
  const unreadOnServer = async () => (await actAs<{ body: { hasUnreadMentions: boolean } }>('alice', 'i')).body.hasUnreadMentions;

  // Away from any timeline: the mention stays unread, and after 2 s the dot says so.
  await page.goto('/settings');
  await expect(mentionsLink).toBeVisible();
  await actAs('bob', 'notes/create', { text: '@alice nobody sees this one yet' });
  await expect(mentionsLink.getByTestId('unread-dot')).toBeVisible();
  expect(await unreadOnServer()).toBe(true);

  // Reading it on the Mentions page: it was not delivered on this socket, so 2024.10 keeps its
  // flag; the dot clears here because the reader has seen the list.
  await mentionsLink.click();
  await expect(mentionsLink.getByTestId('unread-dot')).toHaveCount(0);

  // On the local timeline a new mention arrives on the socket and is seen at once: sr reads it
  // before the server's 2 s unreadMention, so no dot comes and the server has nothing new unread.
  await control('reset');
  await page.goto('/local');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  const text = `@alice seen live ${Date.now().toString(36)}`;
  await actAs('bob', 'notes/create', { text });
  await expect(page.locator('article[data-note-id]').first()).toContainText(text);
  await page.waitForTimeout(2500);
  await expect(mentionsLink.getByTestId('unread-dot')).toHaveCount(0);
  expect(await unreadOnServer()).toBe(false);
});
