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
