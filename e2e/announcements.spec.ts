import { expect, test } from '@playwright/test';
import type * as Misskey from 'misskey-js';
import { actAs, control, signInAs } from './support/control';

// The server's announcements: banners and dialogs until read, live as the server posts them.

const unreadTitles = async (as: string) =>
  (await actAs<{ body: Misskey.entities.MeDetailed }>(as, 'i')).body.unreadAnnouncements.map((a) => a.title);

test.beforeEach(async ({ page }) => {
  await control('reset');
  await signInAs(page, 'alice');
});

test('a banner announcement appears live, and once read it stays read after a reload', async ({ page }) => {
  await page.goto('/local');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await control('announcement', { title: 'Maintenance tonight', text: 'The server restarts at **22:00**.', display: 'banner' });
  const banner = page.getByRole('region', { name: 'Announcement: Maintenance tonight' });
  await expect(banner).toContainText('The server restarts at 22:00.');
  await banner.getByRole('button', { name: 'Mark as read' }).click();
  await expect(banner).toBeHidden();
  await expect.poll(() => unreadTitles('alice')).not.toContain('Maintenance tonight');
  await page.reload();
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('a dialog announcement asks to confirm it was read; "Later" keeps it for the next visit', async ({ page }) => {
  await page.goto('/local');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await control('announcement', {
    title: 'New rules',
    text: 'Please read the new rules.',
    display: 'dialog',
    icon: 'warning',
    needConfirmationToRead: true,
  });
  const dialog = page.getByRole('dialog', { name: 'New rules' });
  await expect(dialog).toContainText('Please read the new rules.');
  await dialog.getByRole('button', { name: 'Later' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByText('Have you read “New rules”?')).toBeVisible();
  await dialog.getByRole('button', { name: 'Yes, mark it as read' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => unreadTitles('alice')).not.toContain('New rules');
  await page.reload();
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  await expect(dialog).toBeHidden();
});

test('the announcements page lists them, and reading the last unread one clears the nav dot', async ({ page }) => {
  await page.goto('/local');
  const link = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Announcements/ });
  await expect(link.getByTestId('unread-dot')).toBeVisible();
  await link.click();
  const item = page.getByRole('article', { name: 'Welcome to the stand-in' });
  await expect(item).toContainText('Unread');
  await item.getByRole('button', { name: 'Mark as read' }).click();
  await expect(item.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);
  await expect(link.getByTestId('unread-dot')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Past' }).click();
  await expect(page.getByText('No past announcements.')).toBeVisible();
});

test('a failed mark-as-read says so and leaves the banner up', async ({ page }) => {
  await control('announcement', { title: 'Stays up', text: 'Until read.', display: 'banner' });
  await page.goto('/local');
  const banner = page.getByRole('region', { name: 'Announcement: Stays up' });
  await expect(banner).toBeVisible();
  await control('fault', { endpoint: 'i/read-announcement', mode: '500', times: 1 });
  await banner.getByRole('button', { name: 'Mark as read' }).click();
  await expect(banner.getByRole('alert')).toBeVisible();
  await banner.getByRole('button', { name: 'Mark as read' }).click();
  await expect(banner).toBeHidden();
});
