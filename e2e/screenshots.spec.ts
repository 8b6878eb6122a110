import { expect, test, type Locator, type Page } from '@playwright/test';
import { control, signInAs } from './support/control';
import { E2E_SERVER_URL } from './ports';

// The look, guarded: each main screen in light and dark, on a desktop and a 390 px phone, compared
// with the committed baselines (e2e/screenshots.spec.ts-snapshots/). A change in look is a reviewed
// baseline update (`npx playwright test -c e2e/playwright.config.ts e2e/screenshots.spec.ts
// --update-snapshots`), never a silent drift. Stable on purpose: the stand-in's seed is fixed and
// reset before each shot, the clock is frozen right after the reset (so "5 min. ago" reads the same
// every run), motion is off, and what depends on the machine (avatars, the server's port in the
// account switcher) is masked.

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;

interface Seed {
  notes: Record<string, string>;
}

async function open(page: Page, path: string, scheme: (typeof THEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.clock.setFixedTime(Date.now());
  await page.goto(path);
}

// Every image on screen loaded and the fonts in: nothing changes after the shot.
async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => [...document.images].every((i) => i.complete) && document.fonts.status === 'loaded'))
    .toBe(true);
}

function masks(page: Page): Locator[] {
  return [page.locator('img.avatar, span.avatar'), page.locator('.switcher .who'), page.locator('.settings .accounts .acct')];
}

async function shoot(page: Page, name: string, target?: Locator): Promise<void> {
  await settled(page);
  const options = { animations: 'disabled', caret: 'hide', mask: masks(page), maxDiffPixelRatio: 0.001 } as const;
  if (target) await expect(target).toHaveScreenshot(`${name}.png`, options);
  else await expect(page).toHaveScreenshot(`${name}.png`, options);
}

for (const viewport of VIEWPORTS) {
  for (const scheme of THEMES) {
    test.describe(`${viewport.name}, ${scheme}`, () => {
      const tag = `${viewport.name}-${scheme}`;
      test.use({ viewport: { width: viewport.width, height: viewport.height } });

      test.beforeEach(async ({ page }) => {
        await control('reset');
        await signInAs(page, 'alice');
      });

      test('home', async ({ page }) => {
        await open(page, '/', scheme);
        await expect(page.locator('article[data-note-id]').first()).toBeVisible();
        await shoot(page, `home-${tag}`);
      });

      test('a note page', async ({ page }) => {
        const seed = (await (await fetch(`${E2E_SERVER_URL}/__test/state`)).json()) as Seed;
        await open(page, `/notes/${seed.notes.image}`, scheme);
        await expect(page.getByRole('list', { name: 'Attachments' }).first()).toBeVisible();
        await shoot(page, `note-${tag}`);
      });

      test('notifications', async ({ page }) => {
        await open(page, '/notifications', scheme);
        await expect(page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first()).toBeVisible();
        await shoot(page, `notifications-${tag}`);
      });

      test('a profile', async ({ page }) => {
        await open(page, '/@bob', scheme);
        await expect(page.locator('article[data-note-id]').first()).toBeVisible();
        await shoot(page, `profile-${tag}`);
      });

      test('settings', async ({ page }) => {
        await open(page, '/settings', scheme);
        await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
        await shoot(page, `settings-${tag}`);
      });

      test('the composer', async ({ page }) => {
        await open(page, '/', scheme);
        await expect(page.locator('article[data-note-id]').first()).toBeVisible();
        // Desktop: the one-line composer grows on focus; phone: the compose button opens the dialog.
        if (viewport.name === 'desktop') {
          await page.getByRole('textbox', { name: 'Note text' }).focus();
        } else {
          await page.getByRole('button', { name: 'Compose' }).click();
        }
        const form = page.getByRole('form', { name: 'Write a note' });
        await form.getByRole('textbox', { name: 'Note text' }).fill('Trying out the new look');
        await shoot(page, `composer-${tag}`, form);
      });
    });
  }
}
