import { expect, test } from '@playwright/test';
import type * as Misskey from 'misskey-js';
import { actAs, browseAsGuest, control, signInAs } from './support/control';
import { StreamLog, openChannels } from './support/frames';
import { articles } from './support/timeline';

// Misskey channels: browse, search, follow and favorite; the channel's timeline is live, and a
// note written on its page goes into it.

const unique = (label: string) => `${label} ${Date.now().toString(36)}`;

async function talkId(): Promise<string> {
  const found = await actAs<{ body: Misskey.entities.Channel[] }>('alice', 'channels/search', { query: 'Misskey talk' });
  return found.body[0]!.id;
}

test.beforeEach(async () => {
  await control('reset');
});

test('a channel timeline shows notes live, and a note written there goes into the channel', async ({ page }) => {
  const log = StreamLog.attach(page);
  const channelId = await talkId();
  await signInAs(page, 'alice');
  await page.goto('/local');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Channels' }).click();
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search channels' }).fill('talk');
  await page.getByRole('searchbox', { name: 'Search channels' }).press('Enter');
  await page.getByRole('list', { name: 'Channels found' }).getByRole('link', { name: 'Misskey talk' }).click();
  await expect(page.getByRole('heading', { name: 'Misskey talk' })).toBeVisible();
  await expect(articles(page)).toHaveCount(3);
  const timelines = () => [...openChannels(log.current()?.sent ?? []).values()].filter((c) => c.channel !== 'main');
  await expect.poll(timelines).toEqual([{ channel: 'channel', params: { channelId } }]);

  const live = unique('Live in the channel');
  await actAs('bob', 'notes/create', { text: unique('Outside the channel') });
  await actAs('bob', 'notes/create', { text: live, channelId });
  await expect(articles(page).first()).toContainText(live);
  await expect(articles(page)).toHaveCount(4);

  // No audience picker: the server makes channel notes public and local-only.
  const form = page.getByRole('form', { name: 'Write a note' });
  await expect(form.getByRole('combobox', { name: /visibility/i })).toHaveCount(0);
  const mine = unique('Written in the channel');
  await form.getByRole('textbox', { name: 'Note text' }).fill(mine);
  await form.getByRole('button', { name: 'Post' }).click();
  await expect(articles(page).first()).toContainText(mine);
  const timeline = (await actAs<{ body: Misskey.entities.Note[] }>('alice', 'channels/timeline', { channelId, limit: 1 })).body;
  expect(timeline[0]).toMatchObject({ text: mine, channelId, localOnly: true, visibility: 'public' });
});

test('follow and favorite a channel, find it under those tabs, and create a channel', async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto(`/channels/${await talkId()}`);
  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByRole('button', { name: 'Unfollow' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Favorite' }).click();
  await expect(page.getByRole('button', { name: 'Unfavorite' })).toHaveAttribute('aria-pressed', 'true');
  // 2024.10 has no channel mute: no button, and no Muted tab below.
  await expect(page.getByRole('button', { name: 'Mute', exact: true })).toHaveCount(0);
  // Notes of followed channels reach the home timeline, named by their channel.
  await page.goto('/');
  await expect(articles(page).first()).toBeVisible();
  const news = unique('Channel news');
  await actAs('carol', 'notes/create', { text: news, channelId: await talkId() });
  const note = articles(page).filter({ hasText: news });
  await expect(note.getByRole('link', { name: 'Misskey talk' })).toHaveAttribute('href', /\/channels\//);

  await page.goto('/channels?tab=following');
  await expect(page.getByRole('tabpanel').getByRole('link', { name: 'Misskey talk' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Muted' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Favorites' }).click();
  await expect(page.getByRole('tabpanel').getByRole('link', { name: 'Misskey talk' })).toBeVisible();

  await page.getByRole('link', { name: 'New channel' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Cats of the stand-in');
  await page.getByRole('textbox', { name: 'Description' }).fill('Photos of **cats** only.');
  await page.getByRole('button', { name: 'Create channel' }).click();
  await expect(page.getByRole('heading', { name: 'Cats of the stand-in' })).toBeVisible();
  await expect(page.getByText('Photos of cats only.')).toBeVisible();
  await page.goto('/channels?tab=owned');
  await expect(page.getByRole('tabpanel').getByRole('link', { name: 'Cats of the stand-in' })).toBeVisible();
});

test('a guest reads a channel without a form, and a missing channel says so', async ({ page }) => {
  await browseAsGuest(page);
  await page.goto(`/channels/${await talkId()}`);
  await expect(articles(page)).toHaveCount(3);
  await expect(page.getByRole('form', { name: 'Write a note' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveCount(0);
  await page.goto('/channels/au69aaaaaaaaaaaa');
  await expect(page.getByRole('alert')).toContainText('This channel does not exist.');
});
