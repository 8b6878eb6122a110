import { expect, test } from '@playwright/test';
import { actAs, browseAsGuest, control, signInAs } from './support/control';
import { seriousViolations } from './support/axe';

test.beforeEach(async () => {
  await control('reset');
});

test('a stranger lands on sign-in, which offers the demo server', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try the demo server' })).toBeVisible();
  await expect(page.getByLabel('Server address').first()).toBeVisible();
});

test('routes render for a signed-in user', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await page.getByRole('link', { name: 'Local' }).click();
  await expect(page).toHaveURL(/\/local$/);
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('guests are sent from account-only pages to the local timeline', async ({ page }) => {
  await browseAsGuest(page);
  await page.goto('/notifications');
  await expect(page).toHaveURL(/\/local$/);
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
});

test('the built app carries a Content-Security-Policy', async ({ page }) => {
  await page.goto('/signin');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
});

test('the web app manifest is installable', async ({ page, request }) => {
  await page.goto('/signin');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await request.get(href!)).json();
  expect(manifest.name).toBe('Misskey Web Client');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = manifest.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes}${i.purpose ? `:${i.purpose}` : ''}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512:maskable']));
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src.startsWith('/') ? icon.src : `/${icon.src}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('image/png');
  }
});

test('the service worker registers and the shell reloads offline', async ({ page, context }) => {
  await page.goto('/signin');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/\/$/);
  // The first load is not yet controlled; wait until the worker has taken the page.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await context.setOffline(false);
});

for (const path of [
  '/signin',
  '/local',
  '/',
  '/settings',
  '/notifications',
  '/@bob',
  '/tags/misskey',
  '/lists',
  '/favorites',
  '/search?q=the',
  '/mentions',
  '/lists/x',
  '/@bob/following',
  '/explore',
  '/explore?tab=tags',
  '/explore?tab=users',
  '/clips',
  '/@bob/clips',
  '/announcements',
  '/antennas',
  '/antennas/new',
  '/channels',
  '/channels?tab=following',
  '/my/drive',
  '/settings/profile',
  '/settings/reactions',
  '/about',
]) {
  test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
    if (path === '/signin') await page.goto(path);
    else {
      await signInAs(page, 'alice');
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    await expect(page.locator('main')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

// The dark theme has its own colours: its contrast is checked too (compact density on one page).
for (const path of ['/', '/settings', '/notifications', '/@bob']) {
  test(`axe finds no serious or critical violation on ${path} in the dark theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await signInAs(page, 'alice');
    if (path === '/') await page.addInitScript(() => localStorage.setItem('mkc:density', 'compact'));
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('a Japanese browser gets Japanese, and Settings switches the language without a reload', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: '設定' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByRole('radio', { name: 'Follow the browser' }).check();
  await expect(page.getByRole('heading', { name: '設定' })).toBeVisible();
  await context.close();
});

test('axe finds no serious or critical violation on clip, channel, antenna and list pages, banners and dialogs', async ({
  page,
}) => {
  const clips = await actAs<{ body: { id: string }[] }>('bob', 'clips/list');
  const channels = await actAs<{ body: { id: string }[] }>('alice', 'channels/search', { query: 'Misskey talk' });
  const antenna = await actAs<{ body: { id: string } }>('alice', 'antennas/create', {
    name: 'Axe',
    src: 'all',
    keywords: [['the']],
    excludeKeywords: [],
    users: [],
    caseSensitive: false,
    withReplies: false,
    withFile: false,
  });
  const lists = await actAs<{ body: { id: string }[] }>('alice', 'users/lists/list');
  await signInAs(page, 'alice');
  const check = async () => {
    await page.waitForLoadState('networkidle');
    expect((await seriousViolations(page)).map((line) => `${page.url()} ${line}`)).toEqual([]);
  };
  for (const path of [
    `/clips/${clips.body[0]!.id}`,
    `/channels/${channels.body[0]!.id}`,
    `/antennas/${antenna.body.id}`,
    `/antennas/${antenna.body.id}/edit`,
  ]) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await check();
  }
  await page.goto(`/lists/${lists.body[0]!.id}`);
  await page.getByText('2 members').click();
  await expect(page.getByRole('list', { name: 'Members' })).toBeVisible();
  await check();
  await control('announcement', { title: 'Axe banner', text: 'A **banner**.', display: 'banner' });
  await control('announcement', { title: 'Axe dialog', text: 'A dialog.', display: 'dialog' });
  await expect(page.getByRole('dialog', { name: 'Axe dialog' })).toBeVisible();
  await check();
});
