import { expect, test } from '@playwright/test';
import { actAs, control, signInAs, users } from './support/control';

test.beforeEach(async () => {
  await control('reset');
});

test('follow and unfollow from a user page; the server agrees', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/@carol');
  const button = page.getByRole('button', { name: 'Unfollow' });
  await expect(button).toBeVisible();
  await button.click();
  await expect(page.getByRole('button', { name: 'Follow', exact: true })).toBeVisible();
  const { carol } = await users();
  const shown = await actAs<{ body: { isFollowed: boolean } }>('carol', 'users/show', { username: 'alice' });
  expect(shown.body.isFollowed).toBe(false);
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  const again = await actAs<{ body: { isFollowing: boolean } }>('alice', 'users/show', { userId: carol!.id });
  expect(again.body.isFollowing).toBe(true);
});

test('following a locked account sends a request', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/@dave');
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await expect(page.getByText('Follow request sent; waiting for approval.')).toBeVisible();
});

test('no follow button on your own page', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/@alice');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Follow|Unfollow)$/ })).toHaveCount(0);
});

test("a profile shows its pinned notes first; pinning and unpinning one's own note from its menu", async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/@bob');
  const pinned = page.getByRole('region', { name: 'Pinned notes' });
  await expect(pinned.locator('article[data-note-id]')).toHaveCount(1);
  await expect(pinned).toContainText('Pinned: who I am and what I post about.');

  const text = `worth pinning ${Date.now().toString(36)}`;
  const { body } = await actAs<{ body: { createdNote: { id: string } } }>('alice', 'notes/create', { text });
  await page.goto(`/notes/${body.createdNote.id}`);
  const note = page.locator(`article[data-note-id="${body.createdNote.id}"]`).first();
  await note.getByRole('button', { name: 'More' }).click();
  await note.getByRole('button', { name: 'Pin to profile' }).click();
  await expect(note).toContainText('Pinned to your profile.');
  const me = await actAs<{ body: { pinnedNoteIds: string[] } }>('alice', 'i', {});
  expect(me.body.pinnedNoteIds).toEqual([body.createdNote.id]);

  await page.goto('/@alice');
  await expect(page.getByRole('region', { name: 'Pinned notes' })).toContainText(text);
  const mine = page.getByRole('region', { name: 'Pinned notes' }).locator('article[data-note-id]').first();
  await mine.getByRole('button', { name: 'More' }).click();
  await mine.getByRole('button', { name: 'Unpin from profile' }).click();
  await expect(mine).toContainText('Unpinned from your profile.');
  await expect
    .poll(async () => (await actAs<{ body: { pinnedNoteIds: string[] } }>('alice', 'i', {})).body.pinnedNoteIds)
    .toEqual([]);
});

test("a profile's following and followers lists link to each user and follow from the row", async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/@carol');
  await page.getByRole('link', { name: /following$/ }).click();
  await expect(page).toHaveURL(/\/@carol\/following$/);
  await expect(page.getByRole('heading')).toContainText('Following');
  const { carol } = await users();
  const expected = (
    await actAs<{ body: { followee: { username: string } }[] }>('alice', 'users/following', { userId: carol!.id, limit: 100 })
  ).body;
  const rows = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /@\w+$/ }) });
  await expect(rows).toHaveCount(expected.length);

  await page.goto('/@alice/followers');
  await expect(page.getByRole('heading')).toContainText('Followers');
  // A new follower shows on the next visit.
  await expect(page.getByRole('listitem').filter({ hasText: '@newsbot' })).toHaveCount(0);
  await actAs('newsbot', 'following/create', { userId: (await users()).alice!.id });
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: '@newsbot' })).toHaveCount(1);
  // alice follows mallory back from the row.
  await page.getByRole('listitem').filter({ hasText: '@mallory' }).getByRole('button', { name: 'Follow', exact: true }).click();
  await expect(
    page.getByRole('listitem').filter({ hasText: '@mallory' }).getByRole('button', { name: 'Unfollow' }),
  ).toBeVisible();
  const relation = await actAs<{ body: { isFollowing: boolean } }>('alice', 'users/show', { username: 'mallory' });
  expect(relation.body.isFollowing).toBe(true);

  await page.getByRole('listitem').filter({ hasText: '@mallory' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/@mallory$/);
});

test("muting from a profile keeps that user's new notes out of the timeline; unmuting lets them back", async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/@mallory');
  await page.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
  const shown = await actAs<{ body: { isMuted: boolean } }>('alice', 'users/show', { username: 'mallory' });
  expect(shown.body.isMuted).toBe(true);

  await page.goto('/local');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  const stamp = Date.now().toString(36);
  await actAs('mallory', 'notes/create', { text: `muted voice ${stamp}` });
  await actAs('bob', 'notes/create', { text: `bob after mallory ${stamp}` });
  await expect(page.locator('article[data-note-id]').filter({ hasText: `bob after mallory ${stamp}` })).toHaveCount(1);
  await expect(page.locator('article[data-note-id]').filter({ hasText: `muted voice ${stamp}` })).toHaveCount(0);

  await page.goto('/@mallory');
  await page.getByRole('button', { name: 'Unmute' }).click();
  await expect(page.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();
  await page.goto('/local');
  await expect(page.locator('article[data-note-id]').filter({ hasText: `muted voice ${stamp}` })).toHaveCount(1);
});
