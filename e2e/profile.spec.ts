import { expect, test, type Page } from '@playwright/test';
import { E2E_SERVER_URL } from './ports';
import { actAs, control, signInAs } from './support/control';
import { seriousViolations } from './support/axe';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

type Me = {
  name: string | null;
  description: string | null;
  location: string | null;
  birthday: string | null;
  fields: { name: string; value: string }[];
  isCat: boolean;
  isBot: boolean;
  isLocked: boolean;
  avatarId: string | null;
  bannerId: string | null;
  avatarUrl: string;
};
const me = async () => (await actAs<{ body: Me }>('alice', 'i')).body;
const form = (page: Page) => page.getByRole('form', { name: 'Profile' });

test.beforeEach(async ({ page }) => {
  await control('reset');
  await signInAs(page, 'alice');
});

test('edit the profile, and the new name shows at once on a note already on screen', async ({ page, context }) => {
  const stamp = Date.now().toString(36);
  const text = `a note before the rename ${stamp}`;
  await actAs('alice', 'notes/create', { text });
  await page.goto('/local');
  const note = page.locator('article[data-note-id]', { hasText: text });
  await expect(note).toContainText('Alice');

  // The editor in a second tab of the same browser.
  const editor = await context.newPage();
  await editor.goto('/settings/profile');
  const name = `Alice ${stamp}`;
  await form(editor).getByLabel('Display name').fill(name);
  await form(editor).getByLabel('Bio').fill('Hello, I am **bold** and $[tada party]');
  await expect(editor.getByRole('region', { name: 'Preview' }).locator('b, strong')).toHaveText('bold');
  await form(editor).getByLabel('Location').fill('Loopback');
  await form(editor).getByLabel('Birthday').fill('2000-01-02');
  await form(editor).getByRole('button', { name: 'Add a field' }).click();
  await form(editor).getByLabel('Label of field 1').fill('Website');
  await form(editor).getByLabel('Value of field 1').fill('https://example.com/alice');
  await form(editor).getByRole('button', { name: 'Add a field' }).click();
  await form(editor).getByLabel('Label of field 2').fill('Pronouns');
  await form(editor).getByLabel('Value of field 2').fill('she/her');
  await form(editor).getByRole('button', { name: 'Move field 2 up' }).click();
  await form(editor).getByLabel('This account is a cat').check();
  await form(editor).getByRole('button', { name: 'Save profile' }).click();
  await expect(form(editor).getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();

  await expect(note).toContainText(name);
  expect(await me()).toMatchObject({
    name,
    location: 'Loopback',
    birthday: '2000-01-02',
    isCat: true,
    fields: [
      { name: 'Pronouns', value: 'she/her' },
      { name: 'Website', value: 'https://example.com/alice' },
    ],
  });

  await editor.goto('/@alice');
  const header = editor.locator('header.user');
  await expect(header.getByRole('heading', { name })).toBeVisible();
  await expect(header).toContainText('Loopback');
  await expect(header).toContainText('January 2, 2000');
  await expect(header.getByRole('link', { name: 'https://example.com/alice' })).toBeVisible();
  await expect(header.locator('.bio b, .bio strong')).toHaveText('bold');
});

test('a new avatar uploaded with progress shows in the account menu', async ({ page }) => {
  await page.goto('/settings/profile');
  await control('fault', { endpoint: 'drive/files/create', mode: 'delay', delayMs: 1500, times: 1 });
  await page
    .getByLabel('Upload an avatar from this device')
    .setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('progressbar', { name: 'Uploading face.png' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Avatar changed.' })).toBeVisible();
  const { avatarId, avatarUrl } = await me();
  expect(avatarId).not.toBeNull();
  expect(avatarUrl).toBe(`${E2E_SERVER_URL}/files/${avatarId}`);
  await expect(page.locator('summary img.avatar')).toHaveAttribute('src', avatarUrl);
  await expect(page.getByRole('img', { name: 'Your avatar' })).toHaveAttribute('src', avatarUrl);
});

test('a banner chosen from the drive, then removed', async ({ page }) => {
  await page.goto('/settings/profile');
  await page.getByRole('button', { name: 'Choose a banner from your drive' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose a banner from your drive' });
  await picker.getByLabel('Choose sunset.png').check();
  expect(await seriousViolations(page)).toEqual([]);
  await picker.getByRole('button', { name: 'Use this image' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Banner changed.' })).toBeVisible();
  const sunset = (await actAs<{ body: { id: string; name: string }[] }>('alice', 'drive/files', { limit: 100 })).body.find(
    (f) => f.name === 'sunset.png',
  )!;
  expect((await me()).bannerId).toBe(sunset.id);
  await expect(page.getByRole('img', { name: 'Your banner' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove banner' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Banner removed.' })).toBeVisible();
  expect((await me()).bannerId).toBeNull();
});

test('a failed save keeps what was typed, a reload brings unsaved edits back, and they can be discarded', async ({ page }) => {
  await page.goto('/settings/profile');
  await form(page).getByLabel('Display name').fill('Unsaved Alice');
  await control('fault', { endpoint: 'i/update', mode: '500', times: 1 });
  await form(page).getByRole('button', { name: 'Save profile' }).click();
  await expect(form(page).getByRole('alert')).toContainText(/server/i);
  await expect(form(page).getByLabel('Display name')).toHaveValue('Unsaved Alice');
  expect((await me()).name).toBe('Alice');

  await page.reload();
  await expect(form(page).getByLabel('Display name')).toHaveValue('Unsaved Alice');
  await expect(form(page)).toContainText('Your unsaved changes from last time are back.');
  await form(page).getByRole('button', { name: 'Discard them' }).click();
  await expect(form(page).getByLabel('Display name')).toHaveValue('Alice');
  await page.reload();
  await expect(form(page).getByLabel('Display name')).toHaveValue('Alice');
});

test('a change made on another device fills the untouched form', async ({ page }) => {
  await page.goto('/settings/profile');
  await expect(form(page).getByLabel('Location')).toHaveValue('');
  await actAs('alice', 'i/update', { location: 'Set elsewhere' });
  await expect(form(page).getByLabel('Location')).toHaveValue('Set elsewhere');
});

test("one's own profile page follows a change made elsewhere without a reload", async ({ page }) => {
  await page.goto('/@alice');
  await expect(page.getByRole('heading', { name: 'Alice', exact: true })).toBeVisible();
  await actAs('alice', 'i/update', { name: 'Alice Elsewhere', location: 'On a train' });
  await expect(page.getByRole('heading', { name: 'Alice Elsewhere' })).toBeVisible();
  await expect(page.locator('header.user')).toContainText('On a train');
});

test('axe finds no serious or critical violation on the profile editor', async ({ page }) => {
  await page.goto('/settings/profile');
  await expect(form(page).getByLabel('Display name')).toHaveValue('Alice');
  await form(page).getByRole('button', { name: 'Add a field' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});
