import { expect, test, type Page } from '@playwright/test';
import { E2E_CLIENT_PORT, E2E_SERVER_URL } from './ports';
import { control, signInAs, sockets, users } from './support/control';

test.beforeEach(async () => {
  await control('reset');
});

async function checkServer(page: Page, address: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Server address').first().fill(address);
  await page.getByRole('button', { name: 'Check server' }).click();
}

test('MiAuth sign-in against the stand-in server, end to end', async ({ page }) => {
  await checkServer(page, E2E_SERVER_URL);
  await page.getByRole('button', { name: /^Sign in with (?!token)/ }).click();
  // The server's consent page.
  await expect(page).toHaveURL(new RegExp(`^${E2E_SERVER_URL}/miauth/`));
  await page.getByLabel('Sign in as').selectOption({ label: '@alice' });
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page).toHaveURL(`http://127.0.0.1:${E2E_CLIENT_PORT}/`);
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await expect(page.getByText(/@alice@127\.0\.0\.1/).first()).toBeVisible();
  // The token is kept in this origin's storage only, never in the address bar.
  expect(page.url()).not.toContain('token');
});

test('a MiAuth callback that was never started explains itself', async ({ page }) => {
  await page.goto('/miauth-callback?session=not-mine');
  await expect(page.getByRole('alert')).toContainText('Please start again');
});

test('token sign-in', async ({ page }) => {
  const { bob } = await users();
  await page.goto('/signin');
  const form = page.locator('form', { has: page.getByLabel('Access token') });
  await form.getByLabel('Server address').fill(E2E_SERVER_URL + '/');
  await form.getByLabel('Access token').fill(bob!.token);
  await form.getByRole('button', { name: 'Sign in with token' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText(/@bob@127\.0\.0\.1/).first()).toBeVisible();
});

test('a page opened while the token sign-in is finishing stays open', async ({ page }) => {
  const { bob } = await users();
  // The last step of opening the session waits: meanwhile the reader goes to the local timeline.
  await control('fault', { endpoint: 'emojis', mode: 'delay', delayMs: 3000, times: 1 });
  await page.goto('/signin');
  const form = page.locator('form', { has: page.getByLabel('Access token') });
  await form.getByLabel('Server address').fill(E2E_SERVER_URL);
  await form.getByLabel('Access token').fill(bob!.token);
  const emojis = page.waitForResponse((r) => r.url().endsWith('/api/emojis'));
  await form.getByRole('button', { name: 'Sign in with token' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Local', exact: true }).click();
  await expect(page).toHaveURL(/\/local$/);
  await emojis;
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await expect(page.getByText(/@bob@127\.0\.0\.1/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/local$/);
  await expect(page.getByRole('heading', { name: 'Local timeline' })).toBeAttached();
});

test('a wrong address, a non-Misskey address and a wrong token each get their own message', async ({ page }) => {
  await checkServer(page, 'http://');
  await expect(page.getByRole('alert')).toHaveText(/does not look like a server address/);

  await checkServer(page, 'http://127.0.0.1:9');
  await expect(page.getByRole('alert')).toHaveText(/Could not reach that server/);

  // The client's own static host answers, but not like Misskey.
  await checkServer(page, `http://127.0.0.1:${E2E_CLIENT_PORT}`);
  await expect(page.getByRole('alert')).toHaveText(/did not answer like a Misskey server/);

  await page.goto('/signin');
  const form = page.locator('form', { has: page.getByLabel('Access token') });
  await form.getByLabel('Server address').fill(E2E_SERVER_URL);
  await form.getByLabel('Access token').fill('this-is-not-a-token');
  await form.getByRole('button', { name: 'Sign in with token' }).click();
  await expect(form.getByRole('alert')).toHaveText(/refused this access token/);
});

test('guest browsing of the local timeline', async ({ page }) => {
  await checkServer(page, E2E_SERVER_URL);
  await page.getByRole('button', { name: /^Browse .* as a guest$/ }).click();
  await expect(page).toHaveURL(/\/local$/);
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Home' })).toHaveCount(0);
});

test('two accounts: switch without a reload; the stream reconnects with the other token', async ({ page }) => {
  const all = await users();
  await signInAs(page, 'alice');
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();

  // Add bob with a token through the UI.
  await page.goto('/signin');
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const form = page.locator('form', { has: page.getByLabel('Access token') });
  await form.getByLabel('Server address').fill(E2E_SERVER_URL);
  await form.getByLabel('Access token').fill(all.bob!.token);
  await form.getByRole('button', { name: 'Sign in with token' }).click();
  await expect(page.getByText(/@bob@127\.0\.0\.1/).first()).toBeVisible();

  await page.getByLabel('Accounts').click();
  await page.getByRole('button', { name: /Switch to @alice@/ }).click();
  await expect(page.getByText(/@alice@127\.0\.0\.1/).first()).toBeVisible();
  // Same document: no reload happened.
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // Only alice's socket is left: bob's was closed when the account switched.
  await expect.poll(async () => (await sockets()).map((s) => s.user)).toEqual(['alice']);
});

test('a token regenerated elsewhere expires the session at once, without waiting for the socket to drop', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await expect.poll(async () => (await sockets()).map((s) => s.user)).toEqual(['alice']);
  await control('regenerate-token', { user: 'alice' });
  await expect(page.getByRole('status').filter({ hasText: 'session on' })).toContainText('has expired');
  await expect(page.getByRole('link', { name: 'Sign in again' })).toBeVisible();
});

test('a token revoked while the app is open leads to the session-expired flow', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  const draft = 'half-written thought that must survive';
  await page.getByRole('form').getByRole('textbox').first().fill(draft);
  await expect.poll(() => page.evaluate(() => JSON.stringify(localStorage))).toContain(draft);
  await control('revoke-token', { user: 'alice' });
  await control('drop-sockets');
  await expect(page.getByRole('status').filter({ hasText: 'session on' })).toContainText('has expired', { timeout: 20_000 });
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await expect(page).toHaveURL(/\/signin\?server=/);
  await expect(page.getByLabel('Server address').first()).toHaveValue(E2E_SERVER_URL);
  // Signing in again (MiAuth issues a new token for the same account) brings the draft back.
  await page.getByRole('button', { name: /^Sign in with (?!token)/ }).click();
  await page.getByLabel('Sign in as').selectOption({ label: '@alice' });
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page).toHaveURL(`http://127.0.0.1:${E2E_CLIENT_PORT}/`);
  await expect(page.getByRole('form').getByRole('textbox').first()).toHaveValue(draft);
});
