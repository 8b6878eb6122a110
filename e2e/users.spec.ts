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
