import { expect, test } from '@playwright/test';
import { actAs, browseAsGuest, control, signInAs } from './support/control';
import { articles } from './support/timeline';

// Note search, where the server's roles allow it.

const unique = (label: string) => `${label}${Date.now().toString(36)}`;
const nav = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Main navigation' });

test.beforeEach(async () => {
  await control('reset');
});

test('search finds the notes holding every word, newest first, and keeps the query in the address', async ({ page }) => {
  const word = unique('narwhal');
  await actAs('bob', 'notes/create', { text: `a ${word} at dawn` });
  await actAs('carol', 'notes/create', { text: `${word} again, at dusk` });
  await actAs('carol', 'notes/create', { text: 'nothing to see' });
  await signInAs(page, 'alice');
  await page.goto('/local');
  await nav(page).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByText('Notes holding every word you type')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search notes' }).fill(word);
  await page.getByRole('searchbox', { name: 'Search notes' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
  await expect(articles(page)).toHaveCount(2);
  await expect(articles(page).first()).toContainText('again, at dusk');

  await page.getByRole('searchbox', { name: 'Search notes' }).fill(`${word} dawn`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(articles(page)).toHaveCount(1);
  await page.goBack();
  await expect(page.getByRole('searchbox', { name: 'Search notes' })).toHaveValue(word);
  await expect(articles(page)).toHaveCount(2);
});

test("a guest, whom the server's roles do not let search, sees no link and a plain answer", async ({ page }) => {
  await browseAsGuest(page);
  await page.goto('/local');
  await expect(articles(page).first()).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Search' })).toHaveCount(0);
  await page.goto('/search?q=whales');
  await expect(page.getByRole('alert')).toContainText('Searching notes is not available to you on this server.');
});
