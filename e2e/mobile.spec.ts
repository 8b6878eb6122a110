import { expect, test, type Locator, type Page } from '@playwright/test';
import { control, signInAs } from './support/control';
import { seriousViolations } from './support/axe';

// A 390 × 844 phone: the bottom bar, the "More" sheet, the title, the compose button, touch targets.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test.beforeEach(async () => {
  await control('reset');
});

const VIEWPORT = { width: 390, height: 844 };

function bar(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not rendered');
  return b;
}

test('the bottom bar holds at most five destinations and More, each inside the screen and big enough for a finger', async ({
  page,
}) => {
  await signInAs(page, 'alice');
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  const links = bar(page).getByRole('link');
  const more = bar(page).getByRole('button', { name: 'More' });
  await expect(more).toBeVisible();
  const count = await links.count();
  expect(count).toBeLessThanOrEqual(5);
  expect(count).toBeGreaterThanOrEqual(3);
  for (const item of [...(await links.all()), more]) {
    const b = await box(item);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(b.y + b.height).toBeLessThanOrEqual(VIEWPORT.height);
    expect(b.width).toBeGreaterThanOrEqual(44);
    expect(b.height).toBeGreaterThanOrEqual(44);
  }
  await expect(bar(page).getByRole('link', { name: /^Notifications/ })).toBeVisible();
  await expect(bar(page).getByRole('link', { name: /^Direct/ })).toBeVisible();

  // The rest are in the More sheet; following one closes it.
  await more.click();
  const sheet = page.getByRole('dialog', { name: 'More' });
  await expect(sheet.getByRole('link', { name: 'Settings' })).toBeVisible();
  await expect(sheet.getByRole('link', { name: /^Mentions/ })).toBeVisible();
  await sheet.getByRole('link', { name: 'Lists' }).click();
  await expect(page).toHaveURL(/\/lists$/);
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Lists' })).toBeVisible();
});

test('the title stays on one line and the note actions are big enough for a finger', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/');
  const brand = page.getByRole('banner').getByRole('link', { name: 'Misskey Web Client' });
  const lineHeight = await brand.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await box(brand)).height).toBeLessThan(lineHeight * 1.5);
  const actions = page.locator('article[data-note-id]').first().getByRole('group', { name: 'Note actions' }).getByRole('button');
  await expect(actions.first()).toBeVisible();
  for (const button of await actions.all()) {
    const b = await box(button);
    expect(b.width).toBeGreaterThanOrEqual(44);
    expect(b.height).toBeGreaterThanOrEqual(44);
  }
});

test('nothing at the end of the timeline is hidden under the compose button', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  // Few notes have files: the list reaches its end after a page or two.
  await page.getByRole('checkbox', { name: 'Only notes with files' }).check();
  const end = page.getByText('You have reached the end.');
  await expect
    .poll(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      return end.isVisible();
    })
    .toBe(true);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const compose = page.getByRole('button', { name: 'Compose' });
  const button = await box(compose);
  const lastNote = page.locator('article[data-note-id]').last();
  for (const shown of [end, lastNote.getByRole('group', { name: 'Note actions' })]) {
    const b = await box(shown);
    expect(b.y + b.height).toBeLessThanOrEqual(button.y);
  }
  // And the compose button is clear of the bottom bar.
  const barBox = await box(bar(page));
  expect(button.y + button.height).toBeLessThanOrEqual(barBox.y);
  await compose.click();
  await expect(page.getByRole('dialog', { name: 'New note' }).getByRole('textbox', { name: 'Note text' })).toBeVisible();
});

for (const path of [
  '/signin',
  '/local',
  '/',
  '/settings',
  '/notifications',
  '/@bob',
  '/lists',
  '/favorites',
  '/search?q=the',
  '/mentions',
]) {
  test(`axe finds no serious or critical violation on ${path} on a phone`, async ({ page }) => {
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

test('axe finds no serious or critical violation with the More sheet open', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/settings');
  await bar(page).getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('dialog', { name: 'More' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
