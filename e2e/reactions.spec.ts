import { expect, test, type Page } from '@playwright/test';
import { actAs, control, signInAs } from './support/control';
import { seriousViolations } from './support/axe';

type Registry = { status: number; body: unknown };
const pinnedOnServer = async () =>
  (await actAs<Registry>('alice', 'i/registry/get', { scope: ['client'], key: 'reactions' })).body;

// Opens the reaction picker of the first note on the local timeline.
async function openPicker(page: Page) {
  await page.goto('/local');
  const note = page.locator('article[data-note-id]').first();
  await note.getByRole('button', { name: 'React' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick a reaction' });
  await expect(picker.getByRole('tab', { name: 'Pinned and recent' })).toHaveAttribute('aria-selected', 'true');
  return picker;
}
const firstEmoji = (picker: ReturnType<Page['getByRole']>) => picker.getByRole('tabpanel').locator('button.emoji').first();

test.beforeEach(async () => {
  await control('reset');
});

test('a reaction pinned on one device comes first in the picker on another, live', async ({ browser }) => {
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const onPhone = await phone.newPage();
  const onLaptop = await laptop.newPage();
  await signInAs(onPhone, 'alice');
  await signInAs(onLaptop, 'alice');

  // The laptop's picker is open with the default set.
  const picker = await openPicker(onLaptop);
  await expect(firstEmoji(picker)).toHaveAttribute('aria-label', 'thumbs up sign');

  await onPhone.goto('/settings/reactions');
  await onPhone.getByRole('button', { name: 'Pin a reaction' }).click();
  const adder = onPhone.getByRole('dialog', { name: 'Pin a reaction' });
  await adder.getByRole('searchbox', { name: 'Search emoji' }).fill('surprised');
  await adder.getByRole('button', { name: ':blobcat_wow:' }).click();
  await expect(onPhone.getByRole('status').filter({ hasText: ':blobcat_wow: pinned.' })).toBeVisible();
  await expect(
    onPhone
      .getByRole('list', { name: 'Pinned reactions' })
      .getByRole('listitem')
      .first()
      .getByRole('img', { name: ':blobcat_wow:' }),
  ).toBeVisible();
  expect(((await pinnedOnServer()) as string[])[0]).toBe(':blobcat_wow:');

  // registryUpdated reaches the laptop's open picker.
  await expect(firstEmoji(picker)).toHaveAttribute('aria-label', ':blobcat_wow:');
  // And a fresh picker there reads it from the server.
  await onLaptop.reload();
  const again = await openPicker(onLaptop);
  await expect(firstEmoji(again)).toHaveAttribute('aria-label', ':blobcat_wow:');
  await again.getByRole('button', { name: ':blobcat_wow:' }).first().click();
  const reactions = onLaptop.locator('article[data-note-id]').first().getByRole('list', { name: 'Reactions' });
  await expect(reactions.getByRole('img', { name: ':blobcat_wow:' })).toBeVisible();
  await phone.close();
  await laptop.close();
});

test('custom emoji: a tab per category, and search by name, alias and category', async ({ page }) => {
  await signInAs(page, 'alice');
  const picker = await openPicker(page);
  await picker.getByRole('tab', { name: 'blobs' }).click();
  const panel = picker.getByRole('tabpanel');
  await expect(panel.getByRole('button', { name: ':blobcat:' })).toBeVisible();
  await expect(panel.getByRole('button', { name: ':blobcat_sad:' })).toBeVisible();
  await expect(panel.getByRole('button', { name: ':tada_face:' })).toHaveCount(0);
  // Arrow keys move between tabs and show each at once.
  await picker.getByRole('tab', { name: 'blobs' }).press('ArrowRight');
  await expect(picker.getByRole('tab', { name: 'fun' })).toBeFocused();
  await expect(picker.getByRole('tabpanel').getByRole('button', { name: ':tada_face:' })).toBeVisible();

  const search = picker.getByRole('searchbox', { name: 'Search emoji' });
  // By name, by alias, by category.
  await search.fill('blobcat_s');
  await expect(picker.locator('button.emoji').first()).toHaveAttribute('aria-label', ':blobcat_sad:');
  await search.fill('surprised');
  await expect(picker.locator('button.emoji').first()).toHaveAttribute('aria-label', ':blobcat_wow:');
  await search.fill('fun');
  await expect(picker.getByRole('button', { name: ':tada_face:' })).toBeVisible();
  await search.fill('blobs');
  await expect(picker.locator('button.emoji')).toHaveCount(3);
  expect(await seriousViolations(page)).toEqual([]);
});

test('pinned reactions can be reordered, unpinned and reset; a failed save puts them back', async ({ page }) => {
  await signInAs(page, 'alice');
  await actAs('alice', 'i/registry/set', { scope: ['client'], key: 'reactions', value: ['👍', '❤', '🎉'] });
  await page.goto('/settings/reactions');
  const list = page.getByRole('list', { name: 'Pinned reactions' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: 'Move 🎉 earlier' }).click();
  await expect(list.getByRole('listitem').nth(1).getByRole('button', { name: 'Unpin 🎉' })).toBeVisible();
  await expect.poll(pinnedOnServer).toEqual(['👍', '🎉', '❤']);
  await page.getByRole('button', { name: 'Unpin 👍' }).click();
  await expect.poll(pinnedOnServer).toEqual(['🎉', '❤']);

  await control('fault', { endpoint: 'i/registry/set', mode: '500', times: 1 });
  await page.getByRole('button', { name: 'Unpin 🎉' }).click();
  await expect(page.getByRole('alert')).toContainText('Not saved');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  expect(await pinnedOnServer()).toEqual(['🎉', '❤']);

  await page.getByRole('button', { name: 'Back to the default set' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(10);
  expect(((await pinnedOnServer()) as string[]).slice(0, 2)).toEqual(['👍', '❤']);
  expect(await seriousViolations(page)).toEqual([]);
});
