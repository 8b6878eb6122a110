import { expect, test } from '@playwright/test';
import { E2E_SERVER_URL } from './ports';
import { actAs, control, signInAs } from './support/control';

test.beforeEach(async () => {
  await control('reset');
});

const twemoji = (codepoints: string) => `${E2E_SERVER_URL}/twemoji/${codepoints}.svg`;

test("Unicode emoji are the server's Twemoji (alt = the emoji), a missing one falls back to the glyph, and Native draws text", async ({
  page,
}) => {
  await signInAs(page, 'alice');
  const text = `Keycap 1️⃣, a family 👨‍👩‍👧, a phoenix 🐦‍🔥 and ❤️ ${Date.now().toString(36)}`;
  const { body } = await actAs<{ body: { createdNote: { id: string } } }>('alice', 'notes/create', { text });
  const id = body.createdNote.id;
  await actAs('bob', 'notes/reactions/create', { noteId: id, reaction: '👍' });
  await page.goto(`/notes/${id}`);
  const note = page.locator(`article[data-note-id="${id}"]`).first();
  const content = note.locator('.body .mfm');

  for (const [emoji, codepoints] of [
    ['1️⃣', '31-20e3'],
    ['👨‍👩‍👧', '1f468-200d-1f469-200d-1f467'],
    ['❤️', '2764'],
  ]) {
    const img = content.locator(`img.twemoji[alt="${emoji}"]`);
    await expect(img).toHaveAttribute('src', twemoji(codepoints!));
    // The stand-in serves it, as the real server does: the image loads.
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
  // The set has no phoenix yet: its image fails and the glyph is drawn instead.
  await expect(content.locator('.native-emoji', { hasText: '🐦‍🔥' })).toBeVisible();
  await expect(content.locator('img.twemoji')).toHaveCount(3);

  const reactions = note.getByRole('list', { name: 'Reactions' });
  await expect(reactions.locator('img.twemoji[alt="👍"]')).toHaveAttribute('src', twemoji('1f44d'));
  // Names too: Bob's bee.
  await page.goto('/@bob');
  await expect(page.locator('h1 img.twemoji[alt="🐝"]').first()).toHaveAttribute('src', twemoji('1f41d'));

  await page.goto('/settings');
  await page.getByRole('radio', { name: 'Native' }).check();
  await page.goto(`/notes/${id}`);
  await expect(note.locator('.body .mfm')).toContainText('Keycap 1️⃣, a family 👨‍👩‍👧');
  await expect(note.locator('img.twemoji')).toHaveCount(0);
  await expect(note.getByRole('list', { name: 'Reactions' })).toContainText('👍');

  // Back to Twemoji, remembered across a reload.
  await page.goto('/settings');
  await page.getByRole('radio', { name: 'Twemoji' }).check();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Twemoji' })).toBeChecked();
});

test('the reaction picker draws its emoji as Twemoji', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/local');
  const note = page.locator('article[data-note-id]').first();
  await note.getByRole('button', { name: 'React' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick a reaction' });
  await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('thumbs up');
  const thumbs = picker.getByRole('button', { name: 'thumbs up sign' });
  await expect(thumbs.locator('img')).toHaveAttribute('src', twemoji('1f44d'));
});
