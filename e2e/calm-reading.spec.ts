import { expect, test, type Page } from '@playwright/test';
import type * as Misskey from 'misskey-js';
import { actAs, control, signInAs, sockets } from './support/control';
import { StreamLog, openChannels } from './support/frames';
import { E2E_SERVER_URL } from './ports';

// Calm reading: renotes shown once, replies under their parents, the last-read line, Catch-up,
// and polling when the stream is refused.

type Note = Misskey.entities.Note;

const unique = (label: string) => `${label} ${Date.now().toString(36)}`;
const articles = (page: Page) => page.locator('article[data-note-id]');
const article = (page: Page, id: string) => page.locator(`article[data-note-id="${id}"]`);
const timelineNote = (page: Page, text: string) => articles(page).filter({ hasText: text });
const nav = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });

async function post(user: string, params: Record<string, unknown>): Promise<string> {
  return (await actAs<{ body: { createdNote: { id: string } } }>(user, 'notes/create', params)).body.createdNote.id;
}

async function openLocal(page: Page): Promise<StreamLog> {
  const log = StreamLog.attach(page);
  await signInAs(page, 'alice');
  await page.goto('/local');
  await expect(articles(page).first()).toBeVisible();
  await expect.poll(() => [...openChannels(log.current()?.sent ?? []).values()].map((c) => c.channel)).toContain('localTimeline');
  return log;
}

test.beforeEach(async () => {
  await control('reset');
});

test('renotes of one note show it once, naming the renoters; a quote stays apart; a reply sits right under its parent', async ({
  page,
}) => {
  await openLocal(page);
  const id = await post('carol', { text: unique('worth renoting') });
  await expect(article(page, id)).toHaveCount(1);
  const renotes: string[] = [];
  for (const user of ['bob', 'admin', 'dave']) renotes.push(await post(user, { renoteId: id }));
  await expect(article(page, id).locator('summary')).toContainText('Renoted by Dave, Admin and Bob');
  await expect(article(page, id)).toHaveCount(1);
  for (const renote of renotes) await expect(article(page, renote)).toHaveCount(0);
  // Where its newest renote is: on top.
  await expect(articles(page).first()).toHaveAttribute('data-note-id', id);

  const quote = await post('bob', { text: unique('quoting it'), renoteId: id });
  await expect(articles(page).first()).toHaveAttribute('data-note-id', quote);
  await expect(article(page, id)).toHaveCount(1);

  // (Local leaves out replies between two other users: this one answers the reader.)
  const parent = await post('alice', { text: unique('a question') });
  const between = await post('newsbot', { text: unique('in between') });
  await expect(articles(page).first()).toHaveAttribute('data-note-id', between);
  const reply = await post('bob', { text: unique('an answer'), replyId: parent });
  // The parent comes up to sit right above its reply.
  await expect(articles(page).nth(0)).toHaveAttribute('data-note-id', parent);
  await expect(articles(page).nth(1)).toHaveAttribute('data-note-id', reply);
  await expect(articles(page).nth(2)).toHaveAttribute('data-note-id', between);
  const joint = await page.evaluate(
    ([p, r]) =>
      document.querySelector(`article[data-note-id="${r}"]`)!.getBoundingClientRect().top -
      document.querySelector(`article[data-note-id="${p}"]`)!.getBoundingClientRect().bottom,
    [parent, reply],
  );
  expect(Math.abs(joint)).toBeLessThan(2);
  await expect(article(page, parent)).toHaveCount(1);
});

// Every status the connection indicator shows from now on.
async function recordConnectionStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-status]')!;
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => {
      const s = el.getAttribute('data-status')!;
      if (s !== 'none' && seen.at(-1) !== s) seen.push(s);
    }).observe(el, { attributes: true, attributeFilter: ['data-status'] });
  });
  return () => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
}

test('with upgrades refused, notes come by polling; once a socket opens the stream takes over, nothing twice', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const log = await openLocal(page);
  const statuses = await recordConnectionStatus(page);
  await control('refuse-upgrades', { seconds: 60 });
  await control('drop-sockets');
  const polled = [unique('polled A'), unique('polled B')];
  for (const text of polled) await post('bob', { text });

  // Sockets keep failing while REST works: the page says so and polls.
  await expect(page.getByText('Updating every 15 s')).toBeVisible({ timeout: 40_000 });
  for (const text of polled) await expect(timelineNote(page, text)).toHaveCount(1, { timeout: 20_000 });
  expect((await sockets()).filter((s) => s.user === 'alice')).toEqual([]);
  await expect(articles(page).first()).toContainText(polled[1]!);

  // Upgrades allowed again: a socket opens, what came meanwhile is read, and polling stops.
  await control('refuse-upgrades', { seconds: 0 });
  const meanwhile = unique('posted as the socket comes back');
  await post('bob', { text: meanwhile });
  await expect(page.locator('[data-status]')).not.toHaveAttribute('data-status', 'polling', { timeout: 20_000 });
  await expect.poll(() => [...openChannels(log.current()?.sent ?? []).values()].map((c) => c.channel)).toContain('localTimeline');
  await expect(timelineNote(page, meanwhile)).toHaveCount(1);
  await expect(page.getByText('Updating every 15 s')).toHaveCount(0);

  const streamed = unique('streamed again');
  const streamedId = await post('bob', { text: streamed });
  await expect(timelineNote(page, streamed)).toHaveCount(1);
  expect(JSON.stringify(log.current()!.received)).toContain(streamedId);
  const ids = await articles(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-note-id')));
  expect(new Set(ids).size).toBe(ids.length);
  for (const text of [...polled, meanwhile]) await expect(timelineNote(page, text)).toHaveCount(1);
  expect(await statuses()).toEqual(['reconnecting', 'polling', 'restored']);
});

// What the server holds in alice's Home for a span (as its own paging reads it).
async function homeNotes(since: number, until: number): Promise<Note[]> {
  const found: Note[] = [];
  for (let untilId: string | undefined; ;) {
    const params = { sinceDate: since, untilDate: until, limit: 100, ...(untilId ? { untilId } : {}) };
    const page = (await actAs<{ body: Note[] }>('alice', 'notes/timeline', params)).body;
    if (!page.length) return found;
    found.push(...page);
    untilId = page.at(-1)!.id;
  }
}

const engagement = (n: Note) => {
  const shown = n.renoteId && n.text === null && n.renote ? n.renote : n;
  return shown.reactionCount + shown.renoteCount + shown.repliesCount;
};

test('Catch-up reads as many notes as Home holds for the span; its filters and sort change the list', async ({ page }) => {
  await signInAs(page, 'alice');
  const plain = await post('bob', { text: unique('catch-up plain') });
  // Home leaves out replies between two other users: bob answers alice.
  const busy = await post('alice', { text: unique('catch-up busy') });
  for (const user of ['admin', 'bob', 'carol', 'dave', 'mallory', 'newsbot', 'pollbot', 'alice'])
    await actAs(user, 'notes/reactions/create', { noteId: busy, reaction: '👍' });
  const renote = await post('admin', { renoteId: plain });
  const reply = await post('bob', { text: unique('catch-up reply'), replyId: busy });

  await page.goto('/local');
  await nav(page, 'Catch-up').click();
  await expect(page).toHaveURL(/\/catch-up$/);
  await expect(page.getByRole('radio', { name: 'Last 6 hours' })).toBeChecked();
  const status = page.getByRole('status').filter({ hasText: /^Read \d+ notes/ });
  await expect(status).toBeVisible();
  const [since, until] = await status
    .locator('time')
    .evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime')!)));
  const held = await homeNotes(since!, until!);
  expect(held.length).toBeGreaterThan(10);
  await expect(status).toContainText(`Read ${held.length} notes`);
  await expect(status).toContainText(`Showing ${held.length}.`);
  await expect(articles(page).first()).toHaveAttribute('data-note-id', reply);

  // Renotes off: the renote leaves, the note it renoted stays.
  const renoteCount = held.filter((n) => n.renoteId && n.text === null).length;
  await page.getByRole('checkbox', { name: 'Renotes' }).uncheck();
  await expect(status).toContainText(`Showing ${held.length - renoteCount}.`);
  await expect(article(page, renote)).toHaveCount(0);
  await expect(article(page, plain)).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Renotes' }).check();

  // Replies only.
  for (const name of ['Original notes', 'Renotes', 'Quotes']) await page.getByRole('checkbox', { name }).uncheck();
  await expect(status).toContainText(`Showing ${held.filter((n) => n.replyId && !n.renoteId).length}.`);
  await expect(articles(page).first()).toHaveAttribute('data-note-id', reply);
  for (const name of ['Original notes', 'Renotes', 'Quotes']) await page.getByRole('checkbox', { name }).check();

  // One author, from the most active.
  const authors = page.getByRole('region', { name: 'Most active' });
  await authors.getByRole('button', { name: /^Admin/ }).click();
  await expect(authors.getByRole('button', { name: /^Admin/ })).toHaveAttribute('aria-pressed', 'true');
  const byAdmin = held.filter((n) => n.user.username === 'admin');
  await expect(status).toContainText(`Showing ${byAdmin.length}.`);
  await expect(articles(page).first()).toHaveAttribute('data-note-id', renote);
  await authors.getByRole('button', { name: 'Everyone' }).click();

  // By engagement: reactions + renotes + replies, most first.
  const [top] = [...held].sort((a, b) => engagement(b) - engagement(a) || (a.id < b.id ? 1 : -1));
  await page.getByRole('radio', { name: 'Most engagement' }).check();
  await expect(articles(page).first()).toHaveAttribute('data-note-id', top!.id);
  expect(top!.id).toBe(busy);
});

test('Home keeps the last note seen: back after others posted, a line sits right above it', async ({ page }) => {
  const alice = await signInAs(page, 'alice');
  const seen = await post('bob', { text: unique('seen before leaving') });
  await page.goto('/');
  await expect(articles(page).first()).toHaveAttribute('data-note-id', seen);
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), `mkc:last-read:${alice.id}@${E2E_SERVER_URL}`))
    .not.toBeNull();
  await nav(page, 'Settings').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  const away: string[] = [];
  for (let i = 0; i < 5; i++) away.unshift(await post('bob', { text: unique(`while away #${i}`) }));

  await nav(page, 'Home').click();
  const line = page.getByRole('separator', { name: 'You left off here' });
  await expect(line).toBeVisible();
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-index]')]
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((row) => row.querySelector('article')?.dataset.noteId ?? (row.querySelector('[role="separator"]') ? 'line' : '?')),
  );
  expect(rows.slice(0, 7)).toEqual([...away, 'line', seen]);
});

test('Data saver keeps no socket: Home and the notification badge are updated by polling; turned off, the stream is back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, 'alice');
  await page.goto('/settings');
  await page.getByRole('checkbox', { name: 'Data saver' }).check();
  await nav(page, 'Home').click();
  await expect(articles(page).first()).toBeVisible();
  await expect(page.getByText('Data saver is on. Updating every 15 s.')).toBeVisible();
  const notificationsLink = nav(page, /^Notifications/);
  await expect(notificationsLink).toHaveAccessibleName(/^Notifications\W*3 unread$/);
  expect((await sockets()).filter((s) => s.user === 'alice')).toEqual([]);

  const text = unique('read by polling');
  const id = await post('bob', { text });
  const mine = await post('alice', { text: unique('react to me') });
  await actAs('bob', 'notes/reactions/create', { noteId: mine, reaction: '👍' });
  await expect(article(page, id)).toHaveCount(1, { timeout: 30_000 });
  await expect(notificationsLink).toHaveAccessibleName(/^Notifications\W*4 unread$/, { timeout: 30_000 });
  expect((await sockets()).filter((s) => s.user === 'alice')).toEqual([]);

  // An opened note is read again on every poll: a reply that came meanwhile shows under it.
  await page.goto(`/notes/${mine}`);
  const replies = page.getByRole('region', { name: 'Replies' });
  await expect(replies.getByText('No replies yet.')).toBeVisible();
  const reply = unique('reply while polling');
  await post('carol', { text: reply, replyId: mine });
  await expect(replies.locator('article', { hasText: reply })).toHaveCount(1, { timeout: 30_000 });
  expect((await sockets()).filter((s) => s.user === 'alice')).toEqual([]);

  // Still on after a reload: it is a setting of this device.
  await page.goto('/');
  await expect(page.getByText('Data saver is on. Updating every 15 s.')).toBeVisible();
  await nav(page, 'Settings').click();
  await page.getByRole('checkbox', { name: 'Data saver' }).uncheck();
  await nav(page, 'Home').click();
  await expect.poll(async () => (await sockets()).filter((s) => s.user === 'alice').length).toBe(1);
  await expect(page.getByText('Updating every 15 s.')).toHaveCount(0);
  await expect(article(page, id)).toHaveCount(1);
});
