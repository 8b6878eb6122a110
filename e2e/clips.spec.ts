import { expect, test } from '@playwright/test';
import type * as Misskey from 'misskey-js';
import { E2E_SERVER_URL } from './ports';
import { actAs, control, signInAs } from './support/control';

// Clips: keep a note in a clip from its menu, read the clip, favorite someone else's.

async function seedNotes(): Promise<Record<string, string>> {
  const res = await fetch(`${E2E_SERVER_URL}/__test/state`);
  return ((await res.json()) as { notes: Record<string, string> }).notes;
}

test.beforeEach(async () => {
  await control('reset');
});

test('add a note to a new clip from its menu, open the clip, rename it and delete it', async ({ page }) => {
  const notes = await seedNotes();
  await signInAs(page, 'alice');
  await page.goto(`/notes/${notes.cw}`);
  const note = page.locator(`article[data-note-id="${notes.cw}"]`).first();
  await note.getByRole('button', { name: 'More' }).click();
  await note.getByRole('button', { name: 'Clip' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to a clip' });
  await expect(dialog.getByText('You have no clips yet.')).toBeVisible();
  await dialog.getByRole('button', { name: 'New clip' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Spoilers');
  await dialog.getByRole('button', { name: 'Create and add' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Added to “Spoilers”.');
  // Clipping it again offers to take it out instead.
  await dialog.getByRole('button', { name: /^Spoilers/ }).click();
  await expect(dialog.getByText('This note is already in “Spoilers”.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep it there' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clips' }).click();
  await expect(page.getByRole('heading', { name: 'Clips' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Spoilers' })).toContainText('1 note');
  await page.getByRole('link', { name: 'Spoilers' }).click();
  await expect(page.getByRole('heading', { name: 'Spoilers' })).toBeVisible();
  const feed = page.getByRole('feed', { name: 'Spoilers' });
  await expect(feed.locator(`article[data-note-id="${notes.cw}"]`)).toBeVisible();

  await page.getByRole('button', { name: 'Edit clip' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit clip' });
  await edit.getByRole('textbox', { name: 'Name' }).fill('Endings');
  await edit.getByRole('checkbox', { name: /Public/ }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Endings' })).toBeVisible();
  const clips = (await actAs<{ body: Misskey.entities.Clip[] }>('alice', 'clips/list')).body;
  expect(clips.map((c) => [c.name, c.isPublic])).toEqual([['Endings', true]]);

  await page.getByRole('button', { name: 'Delete clip' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete clip' }).click();
  await expect(page).toHaveURL(/\/clips$/);
  await expect(page.getByText('You have no clips yet.')).toBeVisible();
});

test("favorite someone else's public clip from their profile", async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/@bob');
  await page.getByRole('main').getByRole('link', { name: 'Clips' }).click();
  await expect(page).toHaveURL(/\/@bob\/clips$/);
  await page.getByRole('link', { name: 'Good reads' }).click();
  await expect(page.getByRole('heading', { name: 'Good reads' })).toBeVisible();
  await expect(page.getByRole('feed', { name: 'Good reads' }).locator('article[data-note-id]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Favorite' }).click();
  await expect(page.getByRole('button', { name: 'Unfavorite' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('1 favorite')).toBeVisible();
  await page.goto('/clips?tab=favorites');
  await expect(page.getByRole('tabpanel').getByRole('link', { name: 'Good reads' })).toBeVisible();
});

test('a clip that does not exist says so', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/clips/au69aaaaaaaaaaaa');
  await expect(page.getByRole('alert')).toContainText('This clip does not exist, or it is private.');
});
