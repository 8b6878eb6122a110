import { expect, test } from '@playwright/test';
import { control, signInAs } from './support/control';

// The manifest's share target: what is shared to the installed app (a multipart POST to /share,
// which the service worker takes) opens the composer with the text and the files in it.

// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test.beforeEach(async () => {
  await control('reset');
});

test('a link, text and a picture shared to the app open the composer with them, once', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // What the browser sends for a share (the manifest's params), through the service worker.
  const landed = await page.evaluate(async (png) => {
    const form = new FormData();
    form.set('title', 'A page');
    form.set('text', 'Look at this');
    form.set('url', 'https://example.com/a');
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    form.append('files', new File([bytes], 'picture.png', { type: 'image/png' }));
    const res = await fetch('/share', { method: 'POST', body: form });
    return new URL(res.url).pathname + new URL(res.url).search;
  }, PNG);
  expect(landed).toMatch(/^\/share\?shared=/);

  await page.goto(landed);
  await expect(page.getByRole('heading', { name: 'Share', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Note text' })).toHaveValue('A page\nLook at this\nhttps://example.com/a');
  await expect(page.getByRole('list', { name: 'Attachments' }).getByText('picture.png')).toBeVisible();

  // Taken once: the same link again says so instead of an empty composer.
  await page.goto(landed);
  await expect(page.getByRole('alert')).toContainText('What was shared is no longer here');

  // A share link (or a browser without POST shares) works with the query alone; a second share
  // joins the draft the first left, never replacing it.
  await page.goto('/share?text=Hello%20there&url=https%3A%2F%2Fexample.com%2Fb');
  await expect(page.getByRole('textbox', { name: 'Note text' })).toHaveValue(
    'A page\nLook at this\nhttps://example.com/a\nHello there\nhttps://example.com/b',
  );
});
