import { expect, test, type Page } from '@playwright/test';
import { E2E_SERVER_URL } from './ports';
import { actAs, control, signInAs, users } from './support/control';
import { seriousViolations } from './support/axe';

// A 1×1 PNG, enough for the stand-in to store and serve an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const png = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG });

type DriveFile = { id: string; name: string; folderId: string | null; isSensitive: boolean };
const driveFiles = async (folderId: string | null = null) =>
  (await actAs<{ body: DriveFile[] }>('alice', 'drive/files', { folderId, limit: 100 })).body;
const fileRow = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Files' }).getByRole('listitem').filter({ hasText: name });

async function fileAction(page: Page, name: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await fileRow(page, name).getByRole('button', { name: action, exact: true }).click();
}

test.beforeEach(async ({ page }) => {
  await control('reset');
  await signInAs(page, 'alice');
});

test('uploads two files to Drive with progress, then deletes one after a confirmation', async ({ page }) => {
  await page.goto('/my/drive');
  await expect(fileRow(page, 'sunset.png')).toBeVisible();
  const usage = page.getByText(/ of 100 MB used/);
  const before = await usage.textContent();
  // Held by the server long enough to see both going up at once.
  await control('fault', { endpoint: 'drive/files/create', mode: 'delay', delayMs: 1500, times: 2 });
  await page.getByLabel('Upload files').setInputFiles([png('first.png'), png('second.png')]);
  await expect(page.getByRole('progressbar', { name: 'Uploading first.png' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Uploading second.png' })).toBeVisible();
  await expect(fileRow(page, 'first.png')).toBeVisible();
  await expect(fileRow(page, 'second.png')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(usage).not.toHaveText(before ?? '');
  expect((await driveFiles()).map((f) => f.name)).toEqual(expect.arrayContaining(['first.png', 'second.png']));

  await fileAction(page, 'first.png', 'Delete');
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Delete first.png?');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(fileRow(page, 'first.png')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'first.png deleted.' })).toBeVisible();
  const names = (await driveFiles()).map((f) => f.name);
  expect(names).toContain('second.png');
  expect(names).not.toContain('first.png');
});

test('an upload can be cancelled while the other one finishes', async ({ page }) => {
  await page.goto('/my/drive');
  await expect(fileRow(page, 'sunset.png')).toBeVisible();
  await control('fault', { endpoint: 'drive/files/create', mode: 'delay', delayMs: 2000, times: 2 });
  await page.getByLabel('Upload files').setInputFiles([png('keep.png'), png('drop.png')]);
  await page.getByRole('button', { name: 'Cancel the upload of drop.png' }).click();
  await expect(page.getByRole('progressbar', { name: 'Uploading drop.png' })).toHaveCount(0);
  await expect(fileRow(page, 'keep.png')).toBeVisible();
  await expect(fileRow(page, 'drop.png')).toHaveCount(0);
  const names = (await driveFiles()).map((f) => f.name);
  expect(names).toContain('keep.png');
  expect(names).not.toContain('drop.png');
});

test("an upload the server refuses says why in Misskey's words until dismissed, and adds nothing", async ({ page }) => {
  await page.goto('/my/drive');
  await expect(fileRow(page, 'sunset.png')).toBeVisible();
  // A role without drive space: drive/files/create answers NO_FREE_SPACE.
  await control('policies', { user: 'alice', policies: { driveCapacityMb: 0 } });
  await page.getByLabel('Upload files').setInputFiles([png('toobig.png')]);
  const uploads = page.getByRole('list', { name: 'Uploads' });
  await expect(uploads.getByRole('alert')).toHaveText(
    'toobig.png was not uploaded: Your drive is full; delete some files first.',
  );
  await expect(fileRow(page, 'toobig.png')).toHaveCount(0);
  await uploads.getByRole('button', { name: 'Dismiss' }).click();
  await expect(uploads).toHaveCount(0);
  expect((await driveFiles()).map((f) => f.name)).not.toContain('toobig.png');
});

test('folders: create, open, upload into, move a file in, rename, mark sensitive; a full folder cannot be deleted', async ({
  page,
}) => {
  await page.goto('/my/drive');
  await page.getByRole('button', { name: 'New folder' }).click();
  await page.getByRole('dialog').getByLabel('Folder name').fill('Trips');
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  const folders = page.getByRole('region', { name: 'Folders' });
  await expect(folders.getByRole('link', { name: 'Trips' })).toBeVisible();

  // Move sunset.png into it, through the folder chooser.
  await fileAction(page, 'sunset.png', 'Move');
  const chooser = page.getByRole('dialog', { name: 'Move sunset.png to…' });
  await chooser.getByRole('button', { name: 'Trips' }).click();
  await expect(chooser).toContainText('Drive › Trips');
  await chooser.getByRole('button', { name: 'Move here' }).click();
  await expect(fileRow(page, 'sunset.png')).toHaveCount(0);

  await folders.getByRole('link', { name: 'Trips' }).click();
  await expect(page).toHaveURL(/\/my\/drive\/folder\/\w+$/);
  await expect(page.getByRole('navigation', { name: 'Folder path' })).toContainText('Trips');
  await expect(fileRow(page, 'sunset.png')).toBeVisible();
  await page.getByLabel('Upload files').setInputFiles([png('beach.png')]);
  await expect(fileRow(page, 'beach.png')).toBeVisible();

  await fileAction(page, 'beach.png', 'Rename');
  const rename = page.getByRole('dialog', { name: 'Rename the file' });
  await rename.getByLabel('File name').fill('shore.png');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(fileRow(page, 'shore.png')).toBeVisible();
  await fileAction(page, 'shore.png', 'Mark as sensitive');
  await expect(fileRow(page, 'shore.png')).toContainText('Sensitive');
  const folderId = page.url().split('/').pop()!;
  const inFolder = await driveFiles(folderId);
  expect(inFolder.find((f) => f.name === 'shore.png')).toMatchObject({ isSensitive: true, folderId });
  expect(inFolder.map((f) => f.name)).toContain('sunset.png');

  // Up again through the path, and try to delete the folder that still holds files.
  await page.getByRole('navigation', { name: 'Folder path' }).getByRole('link', { name: 'Drive' }).click();
  await page.getByRole('button', { name: 'Actions for the folder Trips' }).click();
  await folders.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('alert')).toContainText('Only an empty folder can be deleted');
  await expect(folders.getByRole('link', { name: 'Trips' })).toBeVisible();
  await page.getByRole('button', { name: 'Actions for the folder Trips' }).click();
  await folders.getByRole('button', { name: 'Rename' }).click();
  const renameFolder = page.getByRole('dialog', { name: 'Rename the folder' });
  await renameFolder.getByLabel('Folder name').fill('Holidays');
  await renameFolder.getByRole('button', { name: 'Rename' }).click();
  await expect(folders.getByRole('link', { name: 'Holidays' })).toBeVisible();
  const roots = (await actAs<{ body: { name: string }[] }>('alice', 'drive/folders', {})).body.map((f) => f.name);
  expect(roots).toContain('Holidays');
});

test('a file uploaded on another device shows up live, and a rename there too', async ({ page }) => {
  await page.goto('/my/drive');
  await expect(fileRow(page, 'sunset.png')).toBeVisible();
  const before = await page.getByText(/ of 100 MB used/).textContent();
  const { alice } = await users();
  const form = new FormData();
  form.append('i', alice!.token);
  // Big enough (200 KB) to move the usage figure.
  const big = Buffer.concat([PNG, Buffer.alloc(200 * 1024)]);
  form.append('file', new Blob([new Uint8Array(big)], { type: 'image/png' }), 'from-phone.png');
  const uploaded = (await (
    await fetch(`${E2E_SERVER_URL}/api/drive/files/create`, { method: 'POST', body: form })
  ).json()) as DriveFile;
  await expect(fileRow(page, 'from-phone.png')).toBeVisible();
  await expect(page.getByText(/ of 100 MB used/)).not.toHaveText(before ?? '');
  await actAs('alice', 'drive/files/update', { fileId: uploaded.id, name: 'renamed-on-phone.png' });
  await expect(fileRow(page, 'renamed-on-phone.png')).toBeVisible();
  await actAs('alice', 'drive/files/delete', { fileId: uploaded.id });
  await expect(fileRow(page, 'renamed-on-phone.png')).toHaveCount(0);
});

test('the composer attaches a file from the drive', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  const text = `from the drive ${Date.now().toString(36)}`;
  await page.getByRole('textbox', { name: 'Note text' }).fill(text);
  await page.getByRole('button', { name: 'From Drive' }).click();
  const picker = page.getByRole('dialog', { name: 'Attach files from your drive' });
  await picker.getByRole('button', { name: 'Photos' }).click();
  await picker.getByLabel('Choose lemon.png').check();
  await expect(picker.getByRole('status').filter({ hasText: 'One file chosen' })).toBeVisible();
  await picker.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Write a note' }).getByRole('list', { name: 'Attachments' })).toContainText(
    'lemon.png',
  );
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const note = page.locator('article[data-note-id]', { hasText: text });
  await expect(note.locator('img').first()).toBeVisible();
});

for (const path of ['/my/drive']) {
  test(`axe finds no serious or critical violation on ${path} with a dialog open`, async ({ page }) => {
    await page.goto(path);
    await expect(fileRow(page, 'sunset.png')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Actions for sunset.png' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await fileRow(page, 'sunset.png').getByRole('button', { name: 'Move' }).click();
    await expect(page.getByRole('dialog', { name: 'Move sunset.png to…' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
