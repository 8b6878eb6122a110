import { expect, test } from '@playwright/test';
import { actAs, control, signInAs } from './support/control';

// Soft word mute: set in Settings (kept on the server), applied to every note on screen.

test.beforeEach(async () => {
  await control('reset');
});

test('muted words fold matching notes into a line that opens on demand; own notes stay', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/settings');
  const words = page.getByRole('textbox', { name: 'Muted words' });
  await words.fill('/(broken/');
  await page.getByRole('button', { name: 'Save muted words' }).click();
  await expect(page.getByRole('alert')).toContainText('This regular expression is not valid: /(broken/');

  await words.fill('durian\n/spoil(er)?s?/i');
  await page.getByRole('button', { name: 'Save muted words' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Muted words saved.' })).toBeVisible();
  const me = await actAs<{ body: { mutedWords: unknown } }>('alice', 'i', {});
  expect(me.body.mutedWords).toEqual([['durian'], '/spoil(er)?s?/i']);

  await page.goto('/local');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  const stamp = Date.now().toString(36);
  const { body } = await actAs<{ body: { createdNote: { id: string } } }>('bob', 'notes/create', {
    text: `I love durian ${stamp}`,
  });
  await actAs('alice', 'notes/create', { text: `my own durian ${stamp}` });
  const folded = page.locator(`article[data-note-id="${body.createdNote.id}"]`);
  await expect(folded).toContainText('A note by @bob is hidden by your muted words (durian).');
  await expect(folded).not.toContainText('I love durian');
  await expect(page.locator('article[data-note-id]').filter({ hasText: `my own durian ${stamp}` })).toHaveCount(1);
  await folded.getByRole('button', { name: 'Show' }).click();
  await expect(folded).toContainText(`I love durian ${stamp}`);
});
