import { expect, test } from '@playwright/test';
import { actAs, control, signInAs } from './support/control';
import { StreamLog, openChannels } from './support/frames';

// A user list: found from the nav, read as a timeline with its own live channel.

const unique = (label: string) => `${label} ${Date.now().toString(36)}`;
const articles = (page: import('@playwright/test').Page) => page.locator('article[data-note-id]');

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
