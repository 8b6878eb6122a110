import { expect, test } from '@playwright/test';
import { E2E_LEGACY_SERVER_URL } from './ports';
import { control, signInAs, sockets } from './support/control';

type Frame = { type: string; body: { endpoint?: string } };

test.beforeEach(async () => {
  await control('reset', {}, E2E_LEGACY_SERVER_URL);
});

test('a server older than 12.111 is read through API calls over the stream', async ({ page }) => {
  const restCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${E2E_LEGACY_SERVER_URL}/api/`)) restCalls.push(new URL(r.url()).pathname);
  });
  await signInAs(page, 'alice', E2E_LEGACY_SERVER_URL);
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();

  // Once the socket is open, calls such as opening a user page travel as `api` frames.
  await expect.poll(async () => (await sockets(E2E_LEGACY_SERVER_URL)).length).toBe(1);
  const before = restCalls.length;
  await page.locator('a.name-link[href="/@bob"]').first().click();
  await expect(page.getByRole('heading', { name: /bob/i }).first()).toBeVisible();
  await expect
    .poll(async () => {
      const [socket] = await sockets(E2E_LEGACY_SERVER_URL);
      return (socket?.frames as Frame[] | undefined)?.filter((f) => f.type === 'api').map((f) => f.body.endpoint) ?? [];
    })
    .toContain('users/show');
  expect(restCalls.slice(before)).not.toContain('/api/users/show');
});

test('notifications on a server without i/notifications-grouped come from i/notifications, grouped here', async ({ page }) => {
  await signInAs(page, 'alice', E2E_LEGACY_SERVER_URL);
  await page.goto('/notifications');
  const list = page.getByRole('list', { name: 'Notifications' }).locator('> li > [data-type]');
  await expect(list.first()).toBeVisible();
  // The seed's two reactions to one note, and two renotes of another, each read as one entry.
  await expect(page.locator('[data-type="reaction:grouped"]')).toContainText('Admin and 1 other reacted');
  await expect(page.locator('[data-type="renote:grouped"]')).toContainText('Admin and 1 other renoted your note');
  const asked = async () => {
    const [socket] = await sockets(E2E_LEGACY_SERVER_URL);
    return (socket?.frames as Frame[] | undefined)?.filter((f) => f.type === 'api').map((f) => f.body.endpoint) ?? [];
  };
  await expect.poll(asked).toContain('i/notifications');
});
