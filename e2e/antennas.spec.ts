import { expect, test } from '@playwright/test';
import type * as Misskey from 'misskey-js';
import { actAs, control, signInAs } from './support/control';
import { StreamLog, openChannels } from './support/frames';
import { articles } from './support/timeline';

// Antennas: made and edited here, their timeline live on the `antenna` channel.

const unique = (label: string) => `${label}${Date.now().toString(36)}`;

test.beforeEach(async () => {
  await control('reset');
});

test('create an antenna whose keyword matches a note posted next, and see it arrive live', async ({ page }) => {
  const log = StreamLog.attach(page);
  const word = unique('zebra');
  const other = unique('okapi');
  await signInAs(page, 'alice');
  await page.goto('/local');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Antennas' }).click();
  await expect(page.getByText('You have no antennas yet.')).toBeVisible();
  await page.getByRole('link', { name: 'New antenna' }).click();
  // Saving without keywords says what is missing.
  await page.getByRole('textbox', { name: 'Name' }).fill('Zebras');
  await page.getByRole('button', { name: 'Create antenna' }).click();
  await expect(page.getByRole('alert')).toHaveText('Add at least one keyword or exclude keyword.');
  await page.getByRole('textbox', { name: 'Keywords', exact: true }).fill(`${word} stripes\n${other.toUpperCase()}`);
  await page.getByRole('textbox', { name: 'Exclude keywords' }).fill('boring');
  await page.getByRole('checkbox', { name: 'Include replies' }).check();
  await page.getByRole('button', { name: 'Create antenna' }).click();
  await expect(page.getByRole('heading', { name: 'Zebras' })).toBeVisible();
  const antennaId = page.url().split('/').pop()!.split('?')[0]!;
  const timelines = () => [...openChannels(log.current()?.sent ?? []).values()].filter((c) => c.channel !== 'main');
  await expect.poll(timelines).toEqual([{ channel: 'antenna', params: { antennaId } }]);

  await actAs('bob', 'notes/create', { text: `A ${word} with stripes` });
  await actAs('bob', 'notes/create', { text: `A ${word} alone` });
  await actAs('carol', 'notes/create', { text: `${word} stripes, but boring` });
  await actAs('carol', 'notes/create', { text: `whispering ${other}` });
  await expect(articles(page)).toHaveCount(2);
  await expect(articles(page).first()).toContainText(`whispering ${other}`);
  await expect(articles(page).nth(1)).toContainText(`A ${word} with stripes`);

  const saved = (await actAs<{ body: Misskey.entities.Antenna }>('alice', 'antennas/show', { antennaId })).body;
  expect(saved).toMatchObject({
    name: 'Zebras',
    src: 'all',
    keywords: [[word, 'stripes'], [other.toUpperCase()]],
    excludeKeywords: [['boring']],
    withReplies: true,
  });
});

test('edit an antenna: case, users as the source; then delete it', async ({ page }) => {
  const created = await actAs<{ body: Misskey.entities.Antenna }>('alice', 'antennas/create', {
    name: 'Mentions of me',
    src: 'all',
    keywords: [['alice']],
    excludeKeywords: [],
    users: [],
    caseSensitive: false,
    withReplies: false,
    withFile: false,
    notify: false,
  });
  const id = created.body.id;
  await signInAs(page, 'alice');
  await page.goto(`/antennas/${id}`);
  await page.getByRole('link', { name: 'Edit antenna' }).click();
  await expect(page.getByRole('textbox', { name: 'Keywords', exact: true })).toHaveValue('alice');
  await page.getByRole('combobox', { name: 'Receive from' }).selectOption({ label: 'Notes of certain users' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toHaveText('Add at least one user.');
  await page.getByRole('textbox', { name: 'Users' }).fill('@carol');
  await page.getByRole('checkbox', { name: 'Case sensitive' }).check();
  await page.getByRole('checkbox', { name: 'Notify me of new notes' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Mentions of me' })).toBeVisible();
  // 2024.10 keeps no notify setting, and the page says so.
  await expect(page.getByText('This server does not notify you of antenna notes')).toBeVisible();
  const saved = (await actAs<{ body: Misskey.entities.Antenna }>('alice', 'antennas/show', { antennaId: id })).body;
  expect(saved).toMatchObject({ src: 'users', users: ['@carol'], caseSensitive: true, notify: false });

  await actAs('bob', 'notes/create', { text: 'alice from bob' });
  await actAs('carol', 'notes/create', { text: 'Alice, capitalised' });
  await actAs('carol', 'notes/create', { text: 'hi alice from carol' });
  await expect(articles(page)).toHaveCount(1);
  await expect(articles(page).first()).toContainText('hi alice from carol');

  await page.getByRole('link', { name: 'Edit antenna' }).click();
  await page.getByRole('button', { name: 'Delete antenna' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete antenna' }).click();
  await expect(page).toHaveURL(/\/antennas$/);
  await expect(page.getByText('You have no antennas yet.')).toBeVisible();
});

test('an antenna that is not yours says so', async ({ page }) => {
  const bobs = await actAs<{ body: Misskey.entities.Antenna }>('bob', 'antennas/create', {
    name: 'Bob only',
    src: 'all',
    keywords: [['x']],
    excludeKeywords: [],
    users: [],
    caseSensitive: false,
    withReplies: false,
    withFile: false,
  });
  await signInAs(page, 'alice');
  await page.goto(`/antennas/${bobs.body.id}`);
  await expect(page.getByRole('alert')).toContainText('This antenna does not exist, or it is not yours.');
});
