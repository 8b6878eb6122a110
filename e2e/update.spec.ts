import { expect, test } from '@playwright/test';
import { control, signInAs } from './support/control';
import { buildAnother, currentBuild, serveBuild, type Deployment } from './support/deploy';

// A new build deployed while the app is open: it waits behind "A new version is ready — Reload",
// the open build keeps working (its chunks come from the service worker's precache), and the
// reader's draft survives the reload.

let site: Deployment;
let nextBuild: string;

test.beforeAll(async () => {
  // A second production build takes a while on a busy machine.
  test.setTimeout(300_000);
  nextBuild = await buildAnother();
});

test.beforeEach(async () => {
  await control('reset');
  site = await serveBuild(currentBuild);
});

test.afterEach(async () => {
  await site.close();
});

test('build B deployed under build A: the update prompt appears, nothing reloads by itself, the draft survives the reload', async ({
  page,
}) => {
  await signInAs(page, 'alice');
  await page.goto(`${site.url}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const entry = () => page.locator('script[type="module"][src*="/assets/index-"]').getAttribute('src');
  const buildA = await entry();
  const draft = `half a thought ${Date.now().toString(36)}`;
  await page.getByRole('textbox', { name: 'Note text' }).fill(draft);
  // Marks this very page: a reload (ours or the browser's) would lose it.
  await page.evaluate(() => ((window as { stillHere?: boolean }).stillHere = true));

  site.deploy(nextBuild);
  // The app asks for a new build when the reader comes back to it (and hourly).
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const prompt = page.getByRole('status').filter({ hasText: 'A new version is ready' });
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);
  await expect(page.getByRole('textbox', { name: 'Note text' })).toHaveValue(draft);

  // Build A's pages still open: the server no longer has their chunks, the precache does.
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().startsWith(site.url)) failed.push(r.url());
  });
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await nav.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('textbox', { name: 'Note text' })).toHaveValue(draft);
  expect(failed).toEqual([]);

  await prompt.getByRole('button', { name: 'Reload' }).click();
  await expect.poll(entry, { timeout: 30_000 }).not.toBe(buildA);
  expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBeUndefined();
  await expect(page.getByRole('textbox', { name: 'Note text' })).toHaveValue(draft);
  await expect(page.getByText('A new version is ready')).toHaveCount(0);
});
