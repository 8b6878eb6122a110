import { expect, test, type Locator, type Page } from '@playwright/test';
import type * as Misskey from 'misskey-js';
import { E2E_SERVER_URL } from './ports';
import { actAs, control, signInAs, users } from './support/control';

type Note = Misskey.entities.Note;

async function seedNotes(): Promise<Record<string, string>> {
  const res = await fetch(`${E2E_SERVER_URL}/__test/state`);
  return ((await res.json()) as { notes: Record<string, string> }).notes;
}

async function serverNote(id: string, as = 'alice'): Promise<Note> {
  return (await actAs<{ body: Note }>(as, 'notes/show', { noteId: id })).body;
}

const unique = (label: string) => `${label} ${Date.now().toString(36)}`;

// The focused note on its own page.
async function openNote(page: Page, id: string): Promise<Locator> {
  await page.goto(`/notes/${id}`);
  const article = page.locator(`article[data-note-id="${id}"]`).first();
  await expect(article.getByRole('group', { name: 'Note actions' })).toBeVisible();
  return article;
}

const reaction = (note: Locator, name: RegExp | string) =>
  note.getByRole('list', { name: 'Reactions' }).getByRole('button', { name });

let notes: Record<string, string>;

test.beforeEach(async ({ page }) => {
  await control('reset');
  notes = await seedNotes();
  await signInAs(page, 'alice');
});

test('react through the picker, search and keyboard included', async ({ page }) => {
  const note = await openNote(page, notes.plain!);
  await note.getByRole('button', { name: 'React' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick a reaction' });
  await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('party popper');
  await picker.getByRole('searchbox', { name: 'Search emoji' }).press('ArrowDown');
  await expect(picker.getByRole('button', { name: 'party popper' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(reaction(note, '🎉: 1, including yours')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await serverNote(notes.plain!)).myReaction).toBe('🎉');

  // The picker now offers it first among the recently used.
  await note.getByRole('button', { name: 'React' }).click();
  await expect(picker.getByRole('region', { name: 'Recently used' }).getByRole('button').first()).toHaveAccessibleName(
    'party popper',
  );
  await picker.getByRole('tab', { name: 'blobs' }).click();
  await picker.getByRole('region', { name: 'blobs' }).getByRole('button', { name: ':blobcat:' }).click();
  await expect(reaction(note, ':blobcat:: 1, including yours')).toBeVisible();
  await expect(reaction(note, /^🎉/)).toHaveCount(0);
  await expect.poll(async () => (await serverNote(notes.plain!)).myReaction).toBe(':blobcat@.:');
});

test('click a reaction to take it, switch to another, and take it back', async ({ page }) => {
  const id = notes.reactions!;
  const note = await openNote(page, id);
  await expect(reaction(note, '❤: 1, including yours')).toBeVisible();

  await reaction(note, '👍: 1').click();
  await expect(reaction(note, '👍: 2, including yours')).toBeVisible();
  await expect(reaction(note, /^❤/)).toHaveCount(0);
  await expect.poll(async () => (await serverNote(id)).myReaction).toBe('👍');
  await expect(reaction(note, '👍: 2, including yours')).toBeVisible();

  await reaction(note, '👍: 2, including yours').click();
  await expect(reaction(note, '👍: 1')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await serverNote(id)).myReaction ?? null).toBeNull();
  expect((await serverNote(id)).reactions).toEqual({ ':blobcat@.:': 1, '👍': 1, '🎉': 1 });
});

test('a quick change of mind ends on the last choice, switching without a delete', async ({ page }) => {
  const id = notes.reactions!;
  const note = await openNote(page, id);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/notes/reactions/')) sent.push(`${r.url().split('/api/')[1]} ${r.postData() ?? ''}`);
  });
  await reaction(note, '👍: 1').click();
  await reaction(note, '🎉: 1').click();
  await reaction(note, ':blobcat:: 1').click();
  await expect(reaction(note, ':blobcat:: 2, including yours')).toBeVisible();
  await expect.poll(async () => (await serverNote(id)).myReaction).toBe(':blobcat@.:');
  expect((await serverNote(id)).reactions).toEqual({ ':blobcat@.:': 2, '👍': 1, '🎉': 1 });
  await expect(reaction(note, '👍: 1')).toBeVisible();
  await expect(reaction(note, '🎉: 1')).toBeVisible();
  await expect(reaction(note, /^❤/)).toHaveCount(0);
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.every((r) => r.startsWith('notes/reactions/create'))).toBe(true);
  expect(sent.at(-1)).toContain(':blobcat:');
});

test("another user's reaction arrives live, and my own echo is never counted twice", async ({ page }) => {
  const id = notes.plain!;
  const note = await openNote(page, id);
  await expect(reaction(note, '👍: 1')).toBeVisible();
  await actAs('bob', 'notes/reactions/delete', { noteId: id });
  await expect(reaction(note, /^👍/)).toHaveCount(0);
  await actAs('carol', 'notes/reactions/create', { noteId: id, reaction: '🎉' });
  await expect(reaction(note, '🎉: 1')).toBeVisible();

  await reaction(note, '🎉: 1').click();
  await expect(reaction(note, '🎉: 2, including yours')).toBeVisible();
  await expect.poll(async () => (await serverNote(id)).reactions['🎉']).toBe(2);
  // Frames arrive in order: once bob's reaction shows, my echo has been applied before it.
  await actAs('bob', 'notes/reactions/create', { noteId: id, reaction: '🎉' });
  await expect(reaction(note, '🎉: 3, including yours')).toBeVisible();
  await actAs('carol', 'notes/reactions/delete', { noteId: id });
  await expect(reaction(note, '🎉: 2, including yours')).toBeVisible();
});

test('a reaction the server refuses rolls back with a message', async ({ page }) => {
  const id = notes.reactions!;
  const note = await openNote(page, id);
  await control('fault', { endpoint: 'notes/reactions/create', mode: '500', times: 1 });
  await reaction(note, '🎉: 1').click();
  await expect(reaction(note, '🎉: 2, including yours')).toBeVisible();
  await expect(note.getByRole('alert')).toContainText('Your reaction was not saved');
  await expect(reaction(note, '🎉: 1')).toBeVisible();
  await expect(reaction(note, '❤: 1, including yours')).toBeVisible();

  await control('fault', { endpoint: 'notes/reactions/create', mode: '429', retryAfter: 30, times: 1 });
  await reaction(note, '👍: 1').click();
  await expect(note.getByRole('alert')).toContainText('30 seconds');
  await expect(reaction(note, '👍: 1')).toBeVisible();
  await expect(reaction(note, '❤: 1, including yours')).toBeVisible();
  expect((await serverNote(id)).myReaction).toBe('❤');
});

test('a likeOnly note only takes a like', async ({ page }) => {
  const id = notes.likeOnly!;
  const note = await openNote(page, id);
  await expect(note.getByRole('button', { name: 'React' })).toHaveCount(0);
  await note.getByRole('button', { name: 'Like' }).click();
  await expect(reaction(note, '❤: 1, including yours')).toBeVisible();
  await expect.poll(async () => (await serverNote(id)).myReaction).toBe('❤');
});

test('vote in a single-choice poll', async ({ page }) => {
  const id = notes.pollOpen!;
  const note = await openNote(page, id);
  await note.getByRole('button', { name: 'Vote for Green' }).click();
  await expect(note.getByRole('button', { name: /^Vote for/ })).toHaveCount(0);
  await expect(note.getByRole('listitem').filter({ hasText: 'Green' })).toContainText('1 vote (100%)');
  await expect(note).toContainText('You voted');
  await expect.poll(async () => (await serverNote(id)).poll?.choices.map((c) => c.isVoted)).toEqual([false, true, false]);
  await actAs('bob', 'notes/polls/vote', { noteId: id, choice: 0 });
  await expect(note.getByRole('listitem').filter({ hasText: 'Red' })).toContainText('1 vote (50%)');
  await expect(note.getByRole('listitem').filter({ hasText: 'Green' })).toContainText('1 vote (50%)');
});

test('vote for several choices in a multiple-choice poll; an ended poll takes none', async ({ page }) => {
  const id = notes.pollMultiple!;
  const note = await openNote(page, id);
  await note.getByRole('button', { name: 'Vote for Apple' }).click();
  await expect(note.getByRole('button', { name: 'Vote for Apple' })).toHaveCount(0);
  await note.getByRole('button', { name: 'Vote for Mango' }).click();
  await expect(note.getByRole('button', { name: 'Vote for Mango' })).toHaveCount(0);
  await expect(note.getByRole('button', { name: 'Vote for Kiwi' })).toBeVisible();
  await expect.poll(async () => (await serverNote(id)).poll?.choices.map((c) => c.votes)).toEqual([1, 1, 0]);
  await expect(note.getByRole('listitem').filter({ hasText: 'Apple' })).toContainText('1 vote (50%)');

  const ended = await openNote(page, notes.pollExpired!);
  await expect(ended).toContainText('Ended');
  await expect(ended.getByRole('button', { name: /^Vote for/ })).toHaveCount(0);
});

test('reply through the compose dialog', async ({ page }) => {
  const id = notes.plain!;
  const note = await openNote(page, id);
  const text = unique('a reply');
  await note.getByRole('button', { name: 'Reply' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Note text' }).fill(text);
  await dialog.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(dialog).toBeHidden();
  // It shows under the note at once, without a reload.
  await expect(page.locator('article[data-note-id]').filter({ hasText: text })).toHaveCount(1);
  await expect
    .poll(async () => {
      const children = (await actAs<{ body: Note[] }>('alice', 'notes/children', { noteId: id })).body;
      return children.find((c) => c.text === text)?.replyId;
    })
    .toBe(id);
});

test('renote, and quote through the compose dialog', async ({ page }) => {
  const id = notes.plain!;
  const alice = (await users()).alice!;
  const mine = async () => (await actAs<{ body: Note[] }>('alice', 'users/notes', { userId: alice.id, limit: 10 })).body;
  const note = await openNote(page, id);

  await note.getByRole('button', { name: 'Renote', exact: true }).click();
  const menu = note.getByRole('group', { name: 'Renote options' });
  await menu.getByRole('button', { name: 'Renote', exact: true }).click();
  await expect(note.getByRole('status')).toContainText('Renoted.');
  await expect.poll(async () => (await mine()).some((n) => n.renoteId === id && n.text === null)).toBe(true);

  const text = unique('a quote');
  await note.getByRole('button', { name: 'Renote', exact: true }).click();
  await menu.getByRole('button', { name: 'Quote' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Note text' }).fill(text);
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(menu).toBeHidden();
  await expect.poll(async () => (await mine()).find((n) => n.text === text)?.renoteId).toBe(id);
});

test('delete my own note after confirming; copy its link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const id = notes.plain!;
  const note = await openNote(page, id);

  await note.getByRole('button', { name: 'More' }).click();
  await note.getByRole('button', { name: 'Copy link' }).click();
  await expect(note.getByRole('status')).toContainText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${E2E_SERVER_URL}/notes/${id}`);

  await note.getByRole('button', { name: 'More' }).click();
  await note.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect((await actAs<{ status: number }>('alice', 'notes/show', { noteId: id })).status).toBe(200);

  await note.getByRole('button', { name: 'More' }).click();
  await note.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(note).toContainText('This note was deleted.');
  expect((await actAs<{ status: number }>('alice', 'notes/show', { noteId: id })).status).toBe(400);

  // Someone else's note offers no delete.
  const other = await openNote(page, notes.mfm!);
  await other.getByRole('button', { name: 'More' }).click();
  await expect(other.getByRole('button', { name: 'Delete' })).toHaveCount(0);
});

test('images open in a viewer that steps with the arrow keys and closes with Escape', async ({ page }) => {
  const note = await openNote(page, notes.image!);
  await note
    .getByRole('button', { name: /^View image/ })
    .first()
    .click();
  const viewer = page.getByRole('dialog', { name: 'Image viewer' });
  await expect(viewer).toContainText('1 of 2');
  await page.keyboard.press('ArrowRight');
  await expect(viewer).toContainText('2 of 2');
  await page.keyboard.press('ArrowLeft');
  await expect(viewer).toContainText('1 of 2');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  expect(page.url()).toContain(`/notes/${notes.image}`);
});

test('mark a note as a favorite from its menu, find it under Favorites, and take it back', async ({ page }) => {
  const id = notes.plain!;
  const note = await openNote(page, id);
  await note.getByRole('button', { name: 'More' }).click();
  await note.getByRole('button', { name: 'Add to favorites' }).click();
  await expect(note).toContainText('Added to your favorites.');
  const state = async () =>
    (await actAs<{ body: { isFavorited: boolean } }>('alice', 'notes/state', { noteId: id })).body.isFavorited;
  expect(await state()).toBe(true);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Favorites' }).click();
  const listed = page.getByRole('feed', { name: 'Favorites' }).locator(`article[data-note-id="${id}"]`);
  await expect(listed).toHaveCount(1);
  await listed.getByRole('button', { name: 'More' }).click();
  await listed.getByRole('button', { name: 'Remove from favorites' }).click();
  await expect(listed).toContainText('Removed from your favorites.');
  expect(await state()).toBe(false);
});

test('who reacted, grouped by reaction, opens under the note and links to each user', async ({ page }) => {
  const id = notes.reactions!;
  await openNote(page, id);
  const who = page.getByRole('group').filter({ has: page.getByText(/^Who reacted/) });
  await page.getByText(/^Who reacted \(\d+\)$/).click();
  const reactions = (
    await actAs<{ body: { type: string; user: { username: string } }[] }>('alice', 'notes/reactions', { noteId: id, limit: 100 })
  ).body;
  expect(reactions.length).toBeGreaterThan(0);
  for (const r of reactions) await expect(who.locator(`a[href="/@${r.user.username}"]`).first()).toBeVisible();
  await who.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/@\w+$/);
});
