import { expect, test } from '@playwright/test';
import { actAs, browseAsGuest, control, signInAs } from './support/control';

// Explore: featured notes, trending tags with their sparklines, finding people.

test.beforeEach(async () => {
  await control('reset');
});

test('find a user by name, follow them from the results, and see pinned and popular users', async ({ page }) => {
  await signInAs(page, 'dave');
  await page.goto('/local');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Explore' }).click();
  await expect(page.getByRole('heading', { name: 'Explore' })).toBeVisible();
  await page.getByRole('tab', { name: 'Users' }).click();
  await expect(page).toHaveURL(/tab=users/);
  const users = page.getByRole('tabpanel');
  await expect(users.getByRole('heading', { name: 'Pinned by this server' })).toBeVisible();
  await expect(users.getByRole('heading', { name: 'Popular users' })).toBeVisible();

  await users.getByRole('searchbox', { name: 'Search users' }).fill('Bob');
  await users.getByRole('searchbox', { name: 'Search users' }).press('Enter');
  const results = users.getByRole('list', { name: 'Users found' });
  // The server lists bob twice (name, then bio); he is shown once.
  await expect(results.getByRole('listitem')).toHaveCount(1);
  const bob = results.getByRole('listitem').filter({ hasText: '@bob' });
  await bob.getByRole('button', { name: 'Follow' }).click();
  await expect(bob.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await bob.getByRole('link', { name: /@bob/ }).click();
  await expect(page).toHaveURL(/\/@bob$/);

  await page.goBack();
  await users.getByRole('searchbox', { name: 'Search users' }).fill('nobody-like-this');
  await users.getByRole('searchbox', { name: 'Search users' }).press('Enter');
  await expect(users.getByText('No user matches “nobody-like-this”.')).toBeVisible();
});

test('featured notes and trending tags, also for a guest', async ({ page }) => {
  await actAs('alice', 'notes/create', { text: 'Trying #sparkline today' });
  await actAs('bob', 'notes/create', { text: 'Me too #sparkline' });
  await browseAsGuest(page);
  await page.goto('/explore');
  await expect(page.getByRole('feed', { name: 'Featured notes' }).locator('article[data-note-id]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Trending tags' }).click();
  const tag = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: '#sparkline' });
  await expect(tag).toContainText('2 people');
  await expect(tag.locator('svg polyline')).toHaveCount(1);
  await tag.getByRole('link', { name: '#sparkline' }).click();
  await expect(page).toHaveURL(/\/tags\/sparkline$/);
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
});

test('a failed search says why and can be retried', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/explore?tab=users');
  await control('fault', { endpoint: 'users/search', mode: '500', times: 1 });
  const search = page.getByRole('searchbox', { name: 'Search users' });
  await search.fill('carol');
  await search.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByRole('tabpanel').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('list', { name: 'Users found' }).getByRole('listitem')).toHaveCount(1);
});
