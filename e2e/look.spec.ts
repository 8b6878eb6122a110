import { expect, test } from '@playwright/test';
import { control, signInAs } from './support/control';

test.beforeEach(async () => {
  await control('reset');
});

test("the accent follows the server's theme colour, shaded to stay readable", async ({ page }) => {
  // A server whose theme colour is a pale yellow: unreadable as is on the light page.
  await page.route('**/api/meta', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), themeColor: '#ffe066' } });
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await signInAs(page, 'alice');
  await page.goto('/settings');
  const accent = () =>
    page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--accent)';
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    });
  // Not the default green, not the raw yellow: a darker shade of the server's colour.
  await expect.poll(accent).not.toBe('rgb(74, 115, 0)');
  const [r, g, b] = (await accent()).match(/\d+/g)!.map(Number);
  expect(r).toBeGreaterThan(b!);
  expect(g).toBeGreaterThan(b!);
  expect(r! + g! + b!).toBeLessThan(0xff + 0xe0 + 0x66);
  // Contrast with the page, computed as WCAG does.
  const lum = (c: number[]) =>
    c
      .map((v) => v / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const ratio = (lum([0xf4, 0xf4, 0xf1]) + 0.05) / (lum([r!, g!, b!]) + 0.05);
  expect(ratio).toBeGreaterThanOrEqual(4.5);
  // The browser's own colour for the page is the server's, as it is.
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#ffe066');
});

test("a remote author's note shows @user@host and their server's ticker", async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/@hana@mk.example.org');
  const note = page.locator('article[data-note-id]').filter({ hasText: 'Hello from another server' }).first();
  await expect(note).toBeVisible();
  await expect(note.locator('.acct')).toHaveText('@hana@mk.example.org');
  const ticker = note.locator('.ticker');
  await expect(ticker).toHaveText('Example Misskey');
  await expect(ticker).toHaveCSS('background-color', 'rgb(58, 111, 216)');
  await expect(ticker.locator('img')).toHaveAttribute('src', /\/files\/instance-mk\.example\.org\.svg$/);
});
