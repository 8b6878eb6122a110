import { expect, test, type Browser, type Page } from '@playwright/test';
import { actAs, control, signInAs, users } from './support/control';

test.beforeEach(async () => {
  await control('reset');
});

type Relation = { body: { isFollowing: boolean; hasPendingFollowRequestFromYou: boolean } };
const aliceToDave = () => actAs<Relation>('alice', 'users/show', { username: 'dave' });

// dave in a browser context of his own: signInAs only seeds an empty storage.
async function daveOpensNotifications(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, 'dave');
  await page.goto('/notifications');
  return page;
}

function requestFromAlice(page: Page) {
  return page.getByRole('list', { name: 'Notifications' }).locator('> li').filter({ hasText: 'Alice asked to follow you' });
}

test('alice asks to follow locked dave; dave accepts from his notifications', async ({ page, browser, baseURL }) => {
  await signInAs(page, 'alice');
  await page.goto('/@dave');
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await expect(page.getByText('Follow request sent; waiting for approval.')).toBeVisible();
  expect((await aliceToDave()).body).toMatchObject({ isFollowing: false, hasPendingFollowRequestFromYou: true });

  const dave = await daveOpensNotifications(browser, baseURL);
  const request = requestFromAlice(dave);
  await expect(request).toHaveCount(1);
  await request.getByRole('button', { name: 'Accept the follow request of Alice' }).click();
  await expect(request.getByRole('status')).toHaveText('Follow request accepted.');
  await expect(request.getByRole('button', { name: /follow request of Alice/ })).toHaveCount(0);
  expect((await aliceToDave()).body).toMatchObject({ isFollowing: true, hasPendingFollowRequestFromYou: false });
  await dave.context().close();
});

test('dave rejects the request; alice does not follow him', async ({ browser, baseURL }) => {
  const { dave: daveUser } = await users();
  await actAs('alice', 'following/create', { userId: daveUser!.id });
  const dave = await daveOpensNotifications(browser, baseURL);
  const request = requestFromAlice(dave);
  await request.getByRole('button', { name: 'Reject the follow request of Alice' }).click();
  await expect(request.getByRole('status')).toHaveText('Follow request rejected.');
  expect((await aliceToDave()).body).toMatchObject({ isFollowing: false, hasPendingFollowRequestFromYou: false });
  await dave.context().close();
});

test('alice withdraws her pending request from dave’s page', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/@dave');
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await page.getByRole('button', { name: 'Cancel follow request' }).click();
  await expect(page.getByRole('button', { name: 'Follow', exact: true })).toBeVisible();
  await expect(page.getByText('Follow request sent; waiting for approval.')).toHaveCount(0);
  expect((await aliceToDave()).body).toMatchObject({ isFollowing: false, hasPendingFollowRequestFromYou: false });
  const pending = await actAs<{ body: { follower: { username: string } }[] }>('dave', 'following/requests/list');
  expect(pending.body.map((r) => r.follower.username)).toEqual(['bob']);
});
