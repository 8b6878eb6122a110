import { expect, test } from '@playwright/test';
import { actAs, control, signInAs } from './support/control';
import { StreamLog, openChannels } from './support/frames';
import { articles } from './support/timeline';

// A user list: found from the nav, read as a timeline with its own live channel.

const unique = (label: string) => `${label} ${Date.now().toString(36)}`;

test.beforeEach(async () => {
  await control('reset');
});

test("a list shows its members' notes, live on its own channel, and lets go of it when left", async ({ page }) => {
  const log = StreamLog.attach(page);
  await signInAs(page, 'alice');
  await page.goto('/local');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Lists' }).click();
  await expect(page.getByRole('heading', { name: 'Lists' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Friends' })).toContainText('2 members');
  await page.getByRole('link', { name: 'Friends' }).click();
  await expect(page.getByRole('heading', { name: 'Friends' })).toBeVisible();
  const listId = page.url().split('/').pop()!;

  const timelines = () => [...openChannels(log.current()?.sent ?? []).values()].filter((c) => c.channel !== 'main');
  await expect.poll(timelines).toEqual([{ channel: 'userList', params: { listId, withRenotes: true, withFiles: false } }]);
  await expect(articles(page).first()).toBeVisible();
  // Only bob and carol are in it: each note (or renote) starts with a link to one of them.
  const authors = await articles(page).evaluateAll((els) =>
    els.map((el) => el.querySelector('a[href^="/@"]')?.getAttribute('href')),
  );
  expect(authors.length).toBeGreaterThan(0);
  expect(authors.filter((a) => a !== '/@bob' && a !== '/@carol')).toEqual([]);

  const fromBob = unique('bob, listed');
  const fromMallory = unique('mallory, not listed');
  await actAs('mallory', 'notes/create', { text: fromMallory });
  await actAs('bob', 'notes/create', { text: fromBob });
  await expect(articles(page).first()).toContainText(fromBob);
  await expect(articles(page).filter({ hasText: fromMallory })).toHaveCount(0);

  // Files only: the channel is opened again with the new params.
  await page.getByRole('checkbox', { name: 'Only notes with files' }).check();
  await expect.poll(timelines).toEqual([{ channel: 'userList', params: { listId, withRenotes: true, withFiles: true } }]);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  await expect.poll(timelines).toEqual([]);
});

test("someone else's list, or one that is gone, says so", async ({ page }) => {
  await signInAs(page, 'bob');
  const lists = await actAs<{ body: { id: string }[] }>('alice', 'users/lists/list', {});
  await page.goto(`/lists/${lists.body[0]!.id}`);
  await expect(page.getByRole('alert')).toContainText('This list does not exist, or it is not yours.');
  await page.goto('/lists');
  await expect(page.getByText('You have no lists yet.')).toBeVisible();
});

test('create a list, add and remove members from it and from a profile, rename and delete it', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/lists');
  await page.getByRole('textbox', { name: 'New list name' }).fill('Cats');
  await page.getByRole('button', { name: 'Create list' }).click();
  await expect(page.getByRole('heading', { name: 'Cats' })).toBeVisible();
  const listId = page.url().split('/').pop()!;

  await page.getByText('0 members').click();
  await expect(page.getByText('Nobody is in this list yet.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find someone to add' }).fill('carol');
  await page.getByRole('searchbox', { name: 'Find someone to add' }).press('Enter');
  await page.getByRole('list', { name: 'People to add' }).getByRole('button', { name: 'Add carol' }).click();
  const members = page.getByRole('list', { name: 'Members' });
  await expect(members.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('1 member', { exact: true })).toBeVisible();

  // From bob's profile, tick the list.
  await page.goto('/@bob');
  await page.getByRole('button', { name: 'Lists' }).click();
  const dialog = page.getByRole('dialog', { name: /^Lists with Bob/ });
  await dialog.getByRole('checkbox', { name: 'Cats' }).check();
  await expect
    .poll(async () => (await actAs<{ body: { userIds: string[] } }>('alice', 'users/lists/show', { listId })).body.userIds.length)
    .toBe(2);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.goto(`/lists/${listId}`);
  await page.getByText('2 members').click();
  await page.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Remove carol' }).click();
  await expect(page.getByRole('list', { name: 'Members' }).getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: 'Rename list' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename list' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('Bees');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Bees' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete list' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete list' }).click();
  await expect(page).toHaveURL(/\/lists$/);
  await expect(page.getByRole('link', { name: 'Bees' })).toHaveCount(0);
  const left = (await actAs<{ body: { name: string }[] }>('alice', 'users/lists/list')).body.map((l) => l.name);
  expect(left).toEqual(['Friends']);
});
