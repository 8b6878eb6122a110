import { expect, test, type Page } from '@playwright/test';
import { actAs, control, signInAs } from './support/control';
import { E2E_SERVER_URL } from './ports';

// A 1×1 PNG, enough for the stand-in server to store and serve an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const unique = (label: string) => `${label} ${Date.now().toString(36)}`;
const noteText = (page: Page) => page.getByRole('textbox', { name: 'Note text' });
const postButton = (page: Page) => page.getByRole('button', { name: 'Post', exact: true });
const timelineNote = (page: Page, text: string) => page.locator('article[data-note-id]', { hasText: text });

test.beforeEach(async ({ page }) => {
  await control('reset');
  await signInAs(page, 'alice');
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
});

test('a plain note comes back on the home timeline', async ({ page }) => {
  const text = unique('plain note');
  await expect(postButton(page)).toBeDisabled();
  await noteText(page).fill(text);
  await postButton(page).click();
  await expect(timelineNote(page, text)).toHaveCount(1);
  await expect(noteText(page)).toHaveValue('');
});

test('Ctrl+Enter posts a note with a content warning', async ({ page }) => {
  const cw = unique('spoiler');
  await page.getByRole('button', { name: 'Add a content warning' }).click();
  await page.getByRole('textbox', { name: 'Content warning' }).fill(cw);
  await noteText(page).fill('the hidden part');
  await noteText(page).press('Control+Enter');
  const note = timelineNote(page, cw);
  await expect(note).toHaveCount(1);
  await expect(note).not.toContainText('the hidden part');
});

test('a poll with three choices', async ({ page }) => {
  const text = unique('poll');
  await noteText(page).fill(text);
  await page.getByRole('button', { name: 'Add a poll' }).click();
  await page.getByRole('textbox', { name: 'Choice 1' }).fill('Red');
  await page.getByRole('textbox', { name: 'Choice 2' }).fill('Green');
  await page.getByRole('button', { name: 'Add a choice' }).click();
  await page.getByRole('textbox', { name: 'Choice 3' }).fill('Blue');
  await page.getByLabel('Ends').selectOption('after');
  await postButton(page).click();
  const note = timelineNote(page, text);
  await expect(note).toHaveCount(1);
  for (const choice of ['Red', 'Green', 'Blue']) await expect(note).toContainText(choice);
});

test('an image is uploaded with progress and posted', async ({ page }) => {
  const text = unique('with image');
  await noteText(page).fill(text);
  await page.getByLabel('Attach files').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('form').getByRole('list', { name: 'Attachments' })).toContainText('dot.png');
  await expect(page.getByRole('checkbox', { name: 'Mark dot.png as sensitive' })).toBeVisible();
  await postButton(page).click();
  const note = timelineNote(page, text);
  await expect(note).toHaveCount(1);
  await expect(note.getByRole('img', { name: 'dot.png' })).toBeVisible();
});

test('a failed post waits in the outbox and is sent once by Retry', async ({ page }) => {
  const text = unique('retried');
  await control('fault', { endpoint: 'notes/create', mode: '500', times: 1 });
  await noteText(page).fill(text);
  await postButton(page).click();
  const outbox = page.getByRole('region', { name: 'Outbox' });
  await expect(outbox).toContainText(text);
  await expect(outbox).toContainText('server');
  await outbox.getByRole('button', { name: 'Retry' }).click();
  await expect(timelineNote(page, text)).toHaveCount(1);
  await expect(outbox.getByRole('listitem')).toHaveCount(0);
  await page.reload();
  await expect(timelineNote(page, text)).toHaveCount(1);
});

test('a draft survives a reload', async ({ page }) => {
  const text = unique('unsent draft');
  await noteText(page).fill(text);
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('mkc:drafts:')))).toBe(true);
  await page.reload();
  await expect(noteText(page)).toHaveValue(text);
});

test('a direct note goes to the recipients picked by @name, and a wrong name says so', async ({ page }) => {
  const text = unique('just for bob');
  await noteText(page).fill(text);
  await page.getByRole('button', { name: 'Visibility: Public' }).click();
  await page.getByRole('menuitemradio', { name: 'Direct' }).click();
  await expect(page.getByRole('button', { name: 'Visibility: Direct' })).toBeFocused();
  const recipient = page.getByRole('textbox', { name: 'Add a recipient (@user or @user@host)' });
  await recipient.fill('@nobody');
  await recipient.press('Enter');
  await expect(page.getByRole('alert')).toContainText('No such user: @nobody');
  await recipient.fill('@bob');
  await recipient.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove @bob' })).toBeVisible();
  await postButton(page).click();
  await expect(noteText(page)).toHaveValue('');

  const seenBy = async (user: string) => {
    const res = await actAs<{ body: { text: string | null }[] }>(user, 'notes/mentions', { visibility: 'specified' });
    return res.body.some((n) => n.text === text);
  };
  await expect.poll(() => seenBy('bob')).toBe(true);
  expect(await seenBy('carol')).toBe(false);
});

test('the visibility menu: arrow keys, local only, Escape gives focus back', async ({ page }) => {
  await noteText(page).fill(unique('audience'));
  const button = page.getByRole('button', { name: 'Visibility: Public' });
  await button.click();
  const menu = page.getByRole('menu', { name: 'Visibility' });
  await expect(menu.getByRole('menuitemradio', { name: 'Public' })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: 'Public' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Home' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Local only (do not federate)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitemcheckbox')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  const chosen = page.getByRole('button', { name: 'Visibility: Home, local only' });
  await expect(chosen).toBeFocused();
  await chosen.press('Enter');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(chosen).toBeFocused();
  await postButton(page).click();
  await expect(timelineNote(page, 'audience')).toHaveCount(1);
});

test('n opens the compose dialog on a note page; the note is posted and the dialog closes', async ({ page }) => {
  const seed = (await (await fetch(`${E2E_SERVER_URL}/__test/state`)).json()) as { notes: Record<string, string> };
  await page.goto(`/notes/${seed.notes.image}`);
  await expect(page.getByRole('list', { name: 'Attachments' }).first()).toBeVisible();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New note' });
  await expect(dialog.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  const text = unique('from anywhere');
  await dialog.getByRole('textbox', { name: 'Note text' }).fill(text);
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.goto('/');
  await expect(timelineNote(page, text)).toHaveCount(1);
});

test('n on notifications: Escape closes the dialog and keeps the draft; typed n in a field stays text', async ({ page }) => {
  await page.goto('/notifications');
  await expect(page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first()).toBeVisible();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New note' });
  const text = unique('kept for later');
  await dialog.getByRole('textbox', { name: 'Note text' }).fill(text);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The nav's Compose button opens the same dialog, the draft in it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Compose' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Note text' })).toHaveValue(text);
  // An "n" typed into the text is text.
  await dialog.getByRole('textbox', { name: 'Note text' }).press('End');
  await page.keyboard.type(' n');
  await expect(dialog.getByRole('textbox', { name: 'Note text' })).toHaveValue(`${text} n`);
  await page.keyboard.press('Escape');
  await page.reload();
  // Once the page is signed in again, n opens the dialog with the draft (n does nothing while a
  // dialog is open, so pressing again until it shows is safe).
  await expect(async () => {
    await page.keyboard.press('n');
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(dialog.getByRole('textbox', { name: 'Note text' })).toHaveValue(`${text} n`);
});

test('a post from the dialog that fails stays in view: the dialog shows it in the outbox', async ({ page }) => {
  await page.goto('/notifications');
  await expect(page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first()).toBeVisible();
  await control('fault', { endpoint: 'notes/create', mode: '500', times: 1 });
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New note' });
  const text = unique('not yet');
  await dialog.getByRole('textbox', { name: 'Note text' }).fill(text);
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  const outbox = dialog.getByRole('region', { name: 'Outbox' });
  await expect(outbox).toContainText(text);
  await outbox.getByRole('button', { name: 'Retry' }).click();
  await expect(outbox.getByRole('listitem')).toHaveCount(0);
  await page.goto('/');
  await expect(timelineNote(page, text)).toHaveCount(1);
});
