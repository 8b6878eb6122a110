import { expect, test, type Page } from '@playwright/test';
import { actAs, control, signInAs, sockets } from './support/control';
import { articles, postNote, recordConnectionStatus, timelineNote, unique } from './support/timeline';
import { StreamLog, openCaptures, openChannels, repeatedChannelIds } from './support/frames';

// Live timelines as a signed-in reader sees them, with the stream frames the page sent.

// The client releases a note a moment after it leaves the view; this is how far counts as "near".
const NEAR_PX = 250;

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });

async function aliceSocket() {
  return (await sockets()).filter((s) => s.user === 'alice');
}

// Lets the page lay out and fire its observers for a couple of frames.
function paint(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

// The note under the reader's eyes (a third down the viewport) and its distance from the top.
function noteUnderEyes(page: Page): Promise<{ id: string; top: number } | null> {
  return page.evaluate(() => {
    const el = document.elementFromPoint(innerWidth / 2, innerHeight / 3)?.closest<HTMLElement>('article[data-note-id]');
    return el ? { id: el.dataset.noteId!, top: el.getBoundingClientRect().top } : null;
  });
}

// Puts the mouse over the notes, so the wheel scrolls the page (the navigation beside them
// scrolls on its own when its links do not fit the window).
async function pointAtNotes(page: Page): Promise<void> {
  const box = (await page.getByRole('region', { name: 'Notes' }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, 400);
}

// Scrolls down with the mouse wheel and waits until the page is at rest (a wheel scroll is
// animated, and notes rendered on the way may shift it); returns the note then being read.
async function scrollDown(page: Page, px: number): Promise<{ id: string; top: number }> {
  await pointAtNotes(page);
  await page.mouse.wheel(0, px);
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify([await page.evaluate(() => scrollY), await noteUnderEyes(page)]);
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [100] },
    )
    .toBe(true);
  const [y, reading] = JSON.parse(last) as [number, { id: string; top: number } | null];
  expect(y).toBeGreaterThan(px / 2);
  expect(reading).not.toBeNull();
  return reading!;
}

// The timeline's notes in list order, read the way a reader would: from the top, a screen at a
// time (only the notes near the viewport are rendered). Stops at `enough` notes or the end.
async function readTimeline(page: Page, enough: number): Promise<string[]> {
  return page.evaluate(async (enough) => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    const at = new Map<string, number>();
    scrollTo(0, 0);
    await frame();
    for (let still = 0; at.size < enough && still < 20;) {
      for (const a of document.querySelectorAll<HTMLElement>('article[data-note-id]')) {
        at.set(a.dataset.noteId!, a.getBoundingClientRect().top + scrollY);
      }
      const y = scrollY;
      scrollBy(0, innerHeight * 0.7);
      await frame();
      // At the end, older pages may still be loading: wait a little before giving up.
      still = scrollY === y ? still + 1 : 0;
      if (still) await new Promise((r) => setTimeout(r, 100));
    }
    scrollTo(0, 0);
    return [...at].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  }, enough);
}

// How far a note moved from where it was (Infinity when it is gone).
function drift(page: Page, was: { id: string; top: number }): Promise<number> {
  return page.evaluate(({ id, top }) => {
    const el = document.querySelector(`article[data-note-id="${CSS.escape(id)}"]`);
    return el ? Math.abs(el.getBoundingClientRect().top - top) : Infinity;
  }, was);
}

async function openLocal(page: Page): Promise<StreamLog> {
  const log = StreamLog.attach(page);
  await signInAs(page, 'alice');
  await page.goto('/local');
  await expect(articles(page).first()).toBeVisible();
  await expect.poll(() => channelOf(log, 'localTimeline')).not.toBeNull();
  return log;
}

// The id under which the page's current socket has `channel` open.
function channelOf(log: StreamLog, channel: string): string | null {
  const open = openChannels(log.current()?.sent ?? []);
  return [...open].find(([, c]) => c.channel === channel)?.[0] ?? null;
}

test.beforeEach(async () => {
  await control('reset');
});

test('a timeline connects its channel with its filters, reconnects on change and disconnects when left', async ({ page }) => {
  const log = await openLocal(page);
  const socket = () => log.current()!;
  const timelines = () => [...openChannels(socket().sent).values()].filter((c) => c.channel !== 'main');

  expect(timelines()).toEqual([
    { channel: 'localTimeline', params: { withRenotes: true, withReplies: false, withFiles: false } },
  ]);

  const first = channelOf(log, 'localTimeline');
  await page.getByRole('checkbox', { name: 'Replies' }).check();
  await expect.poll(() => channelOf(log, 'localTimeline')).not.toBe(first);
  expect(log.sent('disconnect')).toContainEqual({ type: 'disconnect', body: { id: first } });
  expect(timelines()).toEqual([{ channel: 'localTimeline', params: { withRenotes: true, withReplies: true, withFiles: false } }]);

  await page.getByRole('checkbox', { name: 'Replies' }).uncheck();
  await page.getByRole('checkbox', { name: 'Renotes' }).uncheck();
  await page.getByRole('checkbox', { name: 'Only notes with files' }).check();
  await expect
    .poll(timelines)
    .toEqual([{ channel: 'localTimeline', params: { withRenotes: false, withReplies: false, withFiles: true } }]);

  // Another timeline page replaces this one: one channel out, the other in, with its own filters.
  await nav(page, 'Global').click();
  await expect(page).toHaveURL(/\/global$/);
  await expect(page.getByRole('checkbox', { name: 'Renotes' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Only notes with files' })).not.toBeChecked();
  await expect.poll(timelines).toEqual([{ channel: 'globalTimeline', params: { withRenotes: true, withFiles: false } }]);

  // Local's filters are as they were left (after a reload too, below).
  await nav(page, 'Local').click();
  await expect(page.getByRole('checkbox', { name: 'Only notes with files' })).toBeChecked();
  await expect
    .poll(timelines)
    .toEqual([{ channel: 'localTimeline', params: { withRenotes: false, withReplies: false, withFiles: true } }]);

  await nav(page, 'Settings').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect.poll(timelines).toEqual([]);
  await expect.poll(async () => (await aliceSocket()).map((s) => s.channels.map((c) => c.channel))).toEqual([['main']]);

  expect(log.sockets).toHaveLength(1);
  expect(repeatedChannelIds(socket().sent)).toEqual([]);
  // Every connect and disconnect above is on the server too: nothing left behind there.
  const [server] = await aliceSocket();
  expect(repeatedChannelIds(server!.frames)).toEqual([]);

  await page.goto('/local');
  await expect(page.getByRole('checkbox', { name: 'Renotes' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Only notes with files' })).toBeChecked();
  await expect
    .poll(timelines)
    .toEqual([{ channel: 'localTimeline', params: { withRenotes: false, withReplies: false, withFiles: true } }]);
});

test('each timeline connects its own channel, and a hashtag timeline streams its tag', async ({ page }) => {
  const log = StreamLog.attach(page);
  await signInAs(page, 'alice');
  const timelines = () => [...openChannels(log.current()?.sent ?? []).values()].filter((c) => c.channel !== 'main');
  await page.goto('/');
  await expect.poll(timelines).toEqual([{ channel: 'homeTimeline', params: { withRenotes: true, withFiles: false } }]);
  await nav(page, 'Social').click();
  await expect
    .poll(timelines)
    .toEqual([{ channel: 'hybridTimeline', params: { withRenotes: true, withReplies: false, withFiles: false } }]);
  // A user's notes have no channel of their own.
  await page.goto('/@bob');
  await expect(articles(page).first()).toBeVisible();
  await expect.poll(() => log.current()?.sent.length ?? 0).toBeGreaterThan(0);
  expect(timelines()).toEqual([]);

  await page.goto('/tags/e2eonly');
  await expect.poll(timelines).toEqual([{ channel: 'hashtag', params: { q: [['e2eonly']] } }]);
  const tagged = unique('tagged #e2eonly');
  await postNote('bob', { text: tagged });
  await postNote('bob', { text: unique('untagged') });
  await expect(timelineNote(page, tagged)).toHaveCount(1);
  await expect(articles(page)).toHaveCount(1);
});

test('notes are captured while on screen and released once they leave', async ({ page }) => {
  const log = await openLocal(page);
  // Which notes are within `margin` px of the viewport, with the notes they show (a renote's
  // target, a quote or a reply's parent all link to /notes/<id>); recorded on every frame.
  await page.evaluate((margin) => {
    const w = window as unknown as { notesNear(m: number): string[]; seenNear: Set<string> };
    w.notesNear = (m) => {
      const ids: string[] = [];
      for (const a of document.querySelectorAll<HTMLElement>('article[data-note-id]')) {
        const r = a.getBoundingClientRect();
        if (r.bottom <= -m || r.top >= innerHeight + m) continue;
        ids.push(a.dataset.noteId!);
        for (const link of a.querySelectorAll<HTMLAnchorElement>('a[href*="/notes/"]')) {
          ids.push(new URL(link.href).pathname.split('/').pop()!);
        }
      }
      return ids;
    };
    w.seenNear = new Set();
    const tick = () => {
      w.notesNear(margin).forEach((id) => w.seenNear.add(id));
      requestAnimationFrame(tick);
    };
    tick();
  }, NEAR_PX);
  type Probe = { notesNear(m: number): string[]; seenNear: Set<string> };
  const seenSoFar = () => page.evaluate(() => [...(window as unknown as Probe).seenNear]);
  const notesNear = (margin: number) => page.evaluate((m) => (window as unknown as Probe).notesNear(m), margin);
  // Once the scroll rests: every note in view is held, nothing far from view is, and the page's
  // own count of subNote/unsubNote agrees with the server's.
  const capturesSettleOnScreen = async () => {
    await expect
      .poll(async () => {
        const held = Object.keys((await aliceSocket())[0]?.captures ?? {});
        const near = new Set(await notesNear(NEAR_PX));
        const inView = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('article[data-note-id]')]
            .filter((a) => a.getBoundingClientRect().bottom > 0 && a.getBoundingClientRect().top < innerHeight)
            .map((a) => a.dataset.noteId!),
        );
        return { heldFarAway: held.filter((id) => !near.has(id)), inViewNotHeld: inView.filter((id) => !held.includes(id)) };
      })
      .toEqual({ heldFarAway: [], inViewNotHeld: [] });
    const server = Object.keys((await aliceSocket())[0]!.captures).sort();
    const client = [...openCaptures(log.current()!.sent)];
    expect(client.every(([, n]) => n === 1)).toBe(true);
    expect(client.map(([id]) => id).sort()).toEqual(server);
    return server.length;
  };

  const onFirstScreen = await capturesSettleOnScreen();
  expect(onFirstScreen).toBeGreaterThan(0);

  await pointAtNotes(page);
  const heldAlong: number[] = [];
  for (let step = 0; step < 50 && (await seenSoFar()).length < 60; step++) {
    await page.mouse.wheel(0, 700);
    await paint(page);
    if (step % 20 === 19) heldAlong.push(await capturesSettleOnScreen());
  }
  expect((await seenSoFar()).length).toBeGreaterThanOrEqual(50);
  heldAlong.push(await capturesSettleOnScreen());

  // Only notes that were on screen were ever captured, and many of them were.
  const seen = new Set(await seenSoFar());
  const subscribed = [...log.subscribed()];
  expect(subscribed.filter((id) => !seen.has(id))).toEqual([]);
  expect(subscribed.length).toBeGreaterThan(onFirstScreen + 20);
  // Open captures stay about a screenful however long the list grows.
  for (const held of heldAlong) expect(held).toBeLessThanOrEqual(onFirstScreen * 2 + 6);

  await nav(page, 'Settings').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect.poll(() => [...openCaptures(log.current()!.sent)]).toEqual([]);
  await expect.poll(async () => (await aliceSocket())[0]?.captures).toEqual({});
});

test("another user's reactions, votes and deletions reach the screen without a reload", async ({ page }) => {
  await openLocal(page);
  const text = unique('Tea or coffee?');
  const id = await postNote('bob', { text, poll: { choices: ['Tea', 'Coffee'] } });
  const note = timelineNote(page, text);
  await expect(note).toHaveCount(1);
  // Events only reach a captured note: wait until the server holds the capture.
  await expect.poll(async () => (await aliceSocket())[0]?.captures[id]).toBe(1);

  // A reaction is found by its accessible name ("👍: 2"), whatever element carries it.
  const reactions = note.getByRole('list', { name: 'Reactions' });
  await actAs('carol', 'notes/reactions/create', { noteId: id, reaction: '👍' });
  await expect(reactions.getByLabel('👍: 1', { exact: true })).toBeVisible();
  await actAs('admin', 'notes/reactions/create', { noteId: id, reaction: '👍' });
  await expect(reactions.getByLabel('👍: 2', { exact: true })).toBeVisible();
  await actAs('dave', 'notes/reactions/create', { noteId: id, reaction: ':blobcat:' });
  const custom = reactions.getByLabel(':blobcat:: 1', { exact: true });
  await expect(custom.getByRole('img', { name: ':blobcat:' })).toHaveAttribute('src', /blobcat/);

  await actAs('carol', 'notes/reactions/delete', { noteId: id });
  await expect(reactions.getByLabel('👍: 1', { exact: true })).toBeVisible();
  await actAs('admin', 'notes/reactions/delete', { noteId: id });
  await expect(reactions.getByLabel(/^👍/)).toHaveCount(0);
  await expect(custom).toBeVisible();

  await actAs('carol', 'notes/polls/vote', { noteId: id, choice: 1 });
  await expect(note.getByRole('listitem').filter({ hasText: 'Coffee' })).toContainText('1 vote (100%)');
  await actAs('admin', 'notes/polls/vote', { noteId: id, choice: 0 });
  await expect(note.getByRole('listitem').filter({ hasText: 'Tea' })).toContainText('1 vote (50%)');
  await expect(note).toContainText('2 votes');

  await actAs('bob', 'notes/delete', { noteId: id });
  await expect(note).toHaveCount(0);
});

test('a note renoted in the timeline is shown once; a deleted renote leaves it; a deleted note leaves with its renotes', async ({
  page,
}) => {
  await openLocal(page);
  const text = unique('soon gone');
  const id = await postNote('carol', { text });
  const shown = page.locator(`article[data-note-id="${id}"]`);
  await expect(shown).toHaveCount(1);
  const renote = async () => {
    const renoteId = await postNote('bob', { renoteId: id });
    // The note shown for its renotes captures the renotes too, to hear them deleted.
    await expect
      .poll(async () => Object.keys((await aliceSocket())[0]?.captures ?? {}))
      .toEqual(expect.arrayContaining([id, renoteId]));
    return renoteId;
  };

  const first = await renote();
  await expect(shown).toContainText('Renoted by Bob');
  await expect(timelineNote(page, text)).toHaveCount(1);
  await expect(page.locator(`article[data-note-id="${first}"]`)).toHaveCount(0);
  await actAs('bob', 'notes/delete', { noteId: first });
  await expect(shown).not.toContainText('Renoted by');
  await expect(timelineNote(page, text)).toHaveCount(1);

  await renote();
  await expect(shown).toContainText('Renoted by Bob');
  await actAs('carol', 'notes/delete', { noteId: id });
  await expect(timelineNote(page, text)).toHaveCount(0);
});

test('notes posted while the stream is down are all there after it comes back, once each, in order', async ({ page }) => {
  // Tall enough that the note on screen stays on screen below the three that arrive above it.
  await page.setViewportSize({ width: 1280, height: 1600 });
  const log = await openLocal(page);
  const onScreen = unique('on screen through the outage');
  const onScreenId = await postNote('carol', { text: onScreen });
  const doomed = unique('deleted during the outage');
  const doomedId = await postNote('carol', { text: doomed });
  await expect.poll(async () => (await aliceSocket())[0]?.captures[onScreenId]).toBe(1);
  await expect.poll(async () => (await aliceSocket())[0]?.captures[doomedId]).toBe(1);
  const statuses = await recordConnectionStatus(page);
  await control('refuse-upgrades', { seconds: 5 });
  await control('drop-sockets');
  const texts: string[] = [];
  for (let i = 1; i <= 3; i++) {
    texts.push(unique(`posted during the outage #${i}`));
    await postNote('bob', { text: texts.at(-1) });
  }
  // Their noteUpdated events are lost with the socket; notes on screen are refreshed after the reconnect.
  await actAs('bob', 'notes/reactions/create', { noteId: onScreenId, reaction: '🎉' });
  await actAs('carol', 'notes/delete', { noteId: doomedId });

  await expect(page.getByText(/Reconnecting to /)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loaded 3 missed notes.' })).toBeVisible({ timeout: 20_000 });
  await expect.poll(statuses).toEqual(['reconnecting', 'restored']);

  const shown = await articles(page).evaluateAll((els) => els.map((el) => [el.getAttribute('data-note-id'), el.textContent]));
  expect(new Set(shown.map(([id]) => id)).size).toBe(shown.length);
  expect(shown.slice(0, 3).map(([, t]) => texts.findIndex((x) => t!.includes(x)))).toEqual([2, 1, 0]);
  // The channel came back on the new socket, never under a repeated id, so later notes stream in again.
  expect(log.sockets.length).toBeGreaterThan(1);
  expect(openChannels(log.current()!.sent).size).toBe(2);
  for (const socket of log.sockets) expect(repeatedChannelIds(socket.sent)).toEqual([]);
  await expect(timelineNote(page, onScreen).getByLabel('🎉: 1', { exact: true })).toBeVisible();
  await expect(timelineNote(page, doomed)).toHaveCount(0);
  // The new socket holds the captures again, exactly those the page asked for on it.
  await expect
    .poll(async () => Object.keys((await aliceSocket())[0]?.captures ?? {}).sort())
    .toEqual([...openCaptures(log.current()!.sent).keys()].sort());
  expect(Object.keys((await aliceSocket())[0]!.captures)).toContain(onScreenId);
  const after = unique('after the outage');
  await postNote('bob', { text: after });
  await expect(timelineNote(page, after)).toHaveCount(1);
  await expect(articles(page).first()).toContainText(after);
});

test('a short blip shows nothing', async ({ page }) => {
  const log = await openLocal(page);
  const statuses = await recordConnectionStatus(page);
  await control('drop-sockets');
  await expect.poll(() => log.sockets.length).toBe(2);
  await expect.poll(() => channelOf(log, 'localTimeline')).not.toBeNull();
  const text = unique('after a blip');
  await postNote('bob', { text });
  await expect(timelineNote(page, text)).toHaveCount(1);
  expect(await statuses()).toEqual([]);
});

test('notes streaming in while the reader is scrolled down wait behind a button and move nothing', async ({ page }) => {
  await openLocal(page);
  const before = await scrollDown(page, 1500);

  const texts = [unique('streamed A'), unique('streamed B'), unique('streamed C')];
  for (const text of texts) await postNote('bob', { text });
  const button = page.getByRole('button', { name: 'Show 3 new notes' });
  await expect(button).toBeVisible();
  for (const text of texts) await expect(timelineNote(page, text)).toHaveCount(0);
  await paint(page);
  expect(await drift(page, before)).toBeLessThan(1);
  expect((await noteUnderEyes(page))?.id).toBe(before.id);

  await button.click();
  await expect(articles(page).first()).toContainText(texts[2]!);
  await expect(articles(page).nth(1)).toContainText(texts[1]!);
  await expect(articles(page).nth(2)).toContainText(texts[0]!);
  await expect(articles(page).first()).toBeInViewport();
  await expect(button).toHaveCount(0);
});

test('notes that changed while waiting behind the button are shown as they are now', async ({ page }) => {
  await openLocal(page);
  await scrollDown(page, 1500);
  const [kept, gone, liked] = [unique('kept'), unique('gone'), unique('liked')];
  const ids = [];
  for (const text of [kept, gone, liked]) ids.push(await postNote('bob', { text }));
  const button = page.getByRole('button', { name: 'Show 3 new notes' });
  await expect(button).toBeVisible();
  // While they wait nothing on screen holds them, so these events reach no one.
  await actAs('bob', 'notes/delete', { noteId: ids[1] });
  await actAs('carol', 'notes/reactions/create', { noteId: ids[2], reaction: '👍' });

  await button.click();
  await expect(timelineNote(page, kept)).toHaveCount(1);
  await expect(timelineNote(page, gone)).toHaveCount(0);
  await expect(
    timelineNote(page, liked).getByRole('list', { name: 'Reactions' }).getByLabel('👍: 1', { exact: true }),
  ).toBeVisible();
  await expect(articles(page).first()).toContainText(liked);
  await expect(articles(page).nth(1)).toContainText(kept);
});

test('a note deleted at the top edge of the screen does not move the notes below it', async ({ page }) => {
  await openLocal(page);
  await scrollDown(page, 1500);
  // The note cut by the viewport's top edge (captured: it is on screen) and the one after it.
  const edge = async () =>
    page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('article[data-note-id]')];
      const i = all.findIndex((el) => el.getBoundingClientRect().top < 0 && el.getBoundingClientRect().bottom > 1);
      const next = all[i + 1];
      return i < 0 || !next
        ? null
        : { cut: all[i]!.dataset.noteId!, next: { id: next.dataset.noteId!, top: next.getBoundingClientRect().top } };
    });
  let found = await edge();
  if (!found) {
    await page.mouse.wheel(0, 50);
    await expect.poll(edge).not.toBeNull();
    found = await edge();
  }
  const { cut, next } = found!;
  await expect.poll(async () => (await aliceSocket())[0]?.captures[cut]).toBe(1);
  const author = (await actAs<{ body: { user: { username: string } } }>('alice', 'notes/show', { noteId: cut })).body.user
    .username;

  await actAs(author, 'notes/delete', { noteId: cut });
  await expect(page.locator(`article[data-note-id="${cut}"]`)).toHaveCount(0);
  await paint(page);
  expect(await drift(page, next)).toBeLessThan(1);
});

test('a burst faster than anyone reads becomes a counter, then every note is shown once, in order', async ({ page }) => {
  await openLocal(page);
  const label = unique('burst');
  const texts = Array.from({ length: 40 }, (_, i) => `${label} #${i}`);
  const ids = await Promise.all(texts.map((text) => postNote('bob', { text })));
  await expect(page.getByRole('button', { name: /^Notes are arriving fast/ })).toBeVisible();
  // At the top, the queue comes in by itself once the rate is readable again: newest first, once each.
  await expect(page.getByRole('button', { name: /^Notes are arriving fast/ })).toHaveCount(0);
  const burst = new Set(ids);
  const shown = (await readTimeline(page, 60)).filter((id) => burst.has(id));
  expect(shown).toEqual([...ids].sort().reverse());
});

test('garbage frames do not break the page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const log = await openLocal(page);
  const tl = channelOf(log, 'localTimeline')!;
  const main = channelOf(log, 'main')!;
  const pollText = unique('garbage-proof poll');
  const captured = await postNote('bob', { text: pollText, poll: { choices: ['Yes', 'No'] } });
  const poll = timelineNote(page, pollText);
  await expect(poll).toHaveCount(1);
  await expect.poll(async () => (await aliceSocket())[0]?.captures[captured]).toBe(1);

  const garbage = [
    'not json {',
    'null',
    '[]',
    '42',
    '"text"',
    '{}',
    '{"type":"channel"}',
    '{"type":"channel","body":null}',
    '{"type":"channel","body":{"id":"nope","type":"note","body":{}}}',
    JSON.stringify({ type: 'channel', body: { id: tl, type: 'note', body: null } }),
    JSON.stringify({ type: 'channel', body: { id: tl, type: 'note', body: { id: 'garbage0001' } } }),
    JSON.stringify({ type: 'channel', body: { id: tl, type: 'note', body: 'a note' } }),
    JSON.stringify({ type: 'channel', body: { id: tl, type: 'mystery', body: {} } }),
    JSON.stringify({ type: 'channel', body: { id: main, type: 'notification', body: 42 } }),
    JSON.stringify({ type: 'noteUpdated', body: { id: captured, type: 'reacted', body: { reaction: 5 } } }),
    JSON.stringify({ type: 'noteUpdated', body: { id: captured, type: 'pollVoted', body: { choice: 99, userId: 'x' } } }),
    JSON.stringify({ type: 'noteUpdated', body: { id: captured, type: 'pollVoted', body: { choice: -1, userId: 'x' } } }),
    JSON.stringify({
      type: 'noteUpdated',
      body: { id: captured, type: 'reacted', body: { reaction: '👍', userId: 'x', emoji: 'x' } },
    }),
    JSON.stringify({ type: 'noteUpdated', body: { id: captured, type: 'exploded', body: {} } }),
    JSON.stringify({ type: 'noteUpdated', body: null }),
    JSON.stringify({ type: 'emojiAdded', body: { emoji: null } }),
    JSON.stringify({ type: 'mystery', body: { anything: true } }),
  ];
  for (const frame of garbage) await control('send-raw', { frame, user: 'alice' });
  // The page did hear all of it (frames arrive in order; the last one stands for the rest).
  await expect.poll(() => log.current()!.received).toContainEqual(JSON.parse(garbage.at(-1)!));
  expect(log.current()!.received).toContainEqual('not json {');

  const text = unique('still live');
  await postNote('bob', { text });
  await expect(timelineNote(page, text)).toHaveCount(1);
  await expect(articles(page).first()).toContainText(text);
  await expect(articles(page).nth(1)).toContainText(pollText);
  await actAs('carol', 'notes/polls/vote', { noteId: captured, choice: 0 });
  await expect(poll.getByRole('listitem').filter({ hasText: 'Yes' })).toContainText('1 vote (100%)');
  await expect(poll).toContainText('1 vote ·');
  await expect(poll.getByRole('list', { name: 'Reactions' })).toHaveCount(0);
  await expect(page.locator('article[data-note-id="garbage0001"]')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'none');
  expect(errors).toEqual([]);
});

test('back and forward keep the reading position', async ({ page }) => {
  await openLocal(page);
  // Far enough down that the note being read came with a later page than the first.
  // Its place in the whole list (the list renders only the notes near the viewport).
  const index = (id: string) =>
    page.evaluate((noteId) => {
      const row = document.querySelector(`article[data-note-id="${CSS.escape(noteId)}"]`)?.closest<HTMLElement>('[data-index]');
      return row ? Number(row.dataset.index) : -1;
    }, id);
  let reading = await scrollDown(page, 2500);
  for (let i = 0; i < 6 && (await index(reading.id)) < 25; i++) reading = await scrollDown(page, 2500);
  expect(await index(reading.id)).toBeGreaterThanOrEqual(25);

  // Opens the note being read; notes are posted meanwhile; comes back.
  await page.locator(`article[data-note-id="${reading.id}"]`).getByRole('link', { name: 'Open the note' }).first().click();
  await expect(page).toHaveURL(/\/notes\//);
  const meanwhile = [unique('posted while away A'), unique('posted while away B')];
  for (const text of meanwhile) await postNote('bob', { text });
  await page.goBack();
  await expect(page).toHaveURL(/\/local$/);
  await expect(page.getByRole('button', { name: 'Show 2 new notes' })).toBeVisible();
  await expect.poll(() => drift(page, reading)).toBeLessThan(2);
  expect((await noteUnderEyes(page))?.id).toBe(reading.id);

  await page.goForward();
  await expect(page).toHaveURL(/\/notes\//);
  await page.goBack();
  await expect.poll(() => drift(page, reading)).toBeLessThan(2);
  await expect.poll(async () => (await noteUnderEyes(page))?.id).toBe(reading.id);
});

test('a long timeline: 1,000 notes down and back with a bounded DOM, captures on screen only, and nothing moving under the reader', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await control('reset');
  // Past the 1,000 notes a timeline keeps, so paging down also trims the newest.
  const label = unique('headline');
  for (let batch = 0; batch < 6; batch++) {
    const texts = Array.from({ length: 200 }, (_, i) => `${label} #${batch * 200 + i}`);
    await control('post-notes', { as: 'newsbot', texts });
  }
  const log = await openLocal(page);

  // Recorded on every frame: the most elements and notes ever in the page, the notes ever on screen.
  type Probe = { maxNodes: number; maxNotes: number; seen: Set<string>; rendered: Set<string> };
  await page.evaluate(() => {
    const w = window as unknown as Probe;
    Object.assign(w, { maxNodes: 0, maxNotes: 0, seen: new Set(), rendered: new Set() });
    const tick = () => {
      const notes = document.querySelectorAll<HTMLElement>('article[data-note-id]');
      w.maxNodes = Math.max(w.maxNodes, document.getElementsByTagName('*').length);
      w.maxNotes = Math.max(w.maxNotes, notes.length);
      for (const el of notes) {
        const r = el.getBoundingClientRect();
        w.rendered.add(el.dataset.noteId!);
        if (r.bottom > 0 && r.top < innerHeight) w.seen.add(el.dataset.noteId!);
      }
      requestAnimationFrame(tick);
    };
    tick();
  });
  const probe = () =>
    page.evaluate(() => {
      const w = window as unknown as Probe;
      return { maxNodes: w.maxNodes, maxNotes: w.maxNotes, seen: [...w.seen], rendered: [...w.rendered] };
    });
  const inView = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('article[data-note-id]')]
        .filter((a) => a.getBoundingClientRect().bottom > 0 && a.getBoundingClientRect().top < innerHeight)
        .map((a) => a.dataset.noteId!),
    );
  // At rest: every note on screen is captured, and only those (renote targets aside).
  const capturesFollowTheScreen = async () => {
    await expect
      .poll(async () => {
        const held = new Set(Object.keys((await aliceSocket())[0]?.captures ?? {}));
        const shown = await inView();
        return { notHeld: shown.filter((id) => !held.has(id)), extra: held.size - shown.length };
      })
      .toEqual({ notHeld: [], extra: 0 });
  };
  await capturesFollowTheScreen();

  // Down, in steps shorter than the viewport so that every note crosses the screen, until the list
  // has gone past the notes it keeps.
  await pointAtNotes(page);
  const renderedSoFar = () => page.evaluate(() => (window as unknown as Probe).rendered.size);
  for (let step = 0; step < 700 && (await renderedSoFar()) < 1050; step++) {
    await page.mouse.wheel(0, 600);
    await paint(page);
    if (step % 60 === 59) await capturesFollowTheScreen();
  }
  await capturesFollowTheScreen();
  // No note was skipped on the way (a trim at the top that moved the reader would skip hundreds).
  const down = await probe();
  const reading = (await noteUnderEyes(page))!;
  const passed = down.rendered.filter((id) => id > reading.id);
  expect(passed.length).toBeGreaterThan(1000);
  const seenDown = new Set(down.seen);
  expect(passed.filter((id) => !seenDown.has(id))).toEqual([]);

  // Notes streaming in above move nothing.
  const still = await scrollDown(page, 300);
  for (const text of [unique('above A'), unique('above B')]) await postNote('bob', { text });
  await expect(page.getByRole('button', { name: 'Show 2 new notes' })).toBeVisible();
  await paint(page);
  expect(await drift(page, still)).toBeLessThan(2);
  expect((await noteUnderEyes(page))?.id).toBe(still.id);

  // Back up to the top: the new notes, then a gap where the newest notes were let go.
  for (let step = 0; step < 700 && (await page.evaluate(() => scrollY)) > 0; step++) {
    await page.mouse.wheel(0, -900);
    await paint(page);
  }
  await expect(page.getByRole('button', { name: 'Load missing notes' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Load missing notes' }).click();
  await expect(page.getByRole('button', { name: 'Load missing notes' })).toHaveCount(0);
  await capturesFollowTheScreen();
  const end = await probe();
  // The DOM stays about a few screens whatever the list's length (a note is about 50 elements).
  expect(end.maxNotes).toBeLessThanOrEqual(40);
  expect(end.maxNodes).toBeLessThan(4000);
  // Only notes that were on screen were ever captured, and every capture was released on leaving.
  const seen = new Set(end.seen);
  const captured = [...log.subscribed()];
  expect(captured.length).toBeGreaterThan(100);
  const offScreen = captured.filter((id) => !seen.has(id));
  // A pure renote also captures the note it renotes, which is on screen inside it.
  expect(offScreen.length).toBeLessThanOrEqual(captured.length / 10);
  await nav(page, 'Settings').click();
  await expect.poll(() => [...openCaptures(log.current()!.sent)]).toEqual([]);
  await expect.poll(async () => (await aliceSocket())[0]?.captures).toEqual({});
  await control('reset');
});

test('j and k move between notes, "." goes back to the top with the new ones; typing is left alone', async ({ page }) => {
  await openLocal(page);
  const focusedId = () =>
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('article')?.dataset.noteId ?? null);
  const ids = await readTimeline(page, 12);
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await expect.poll(focusedId).toBe(ids[0]);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect.poll(focusedId).toBe(ids[2]);
  await page.keyboard.press('k');
  await expect.poll(focusedId).toBe(ids[1]);
  for (let i = 0; i < 8; i++) await page.keyboard.press('j');
  await expect.poll(focusedId).toBe(ids[9]);
  await expect(page.locator(`article[data-note-id="${ids[9]}"]`)).toBeInViewport();

  const text = unique('while reading');
  await postNote('bob', { text });
  await expect(page.getByRole('button', { name: 'Show 1 new note' })).toBeVisible();
  await page.keyboard.press('.');
  await expect(articles(page).first()).toContainText(text);
  await expect(articles(page).first()).toBeInViewport();

  // In the compose box the letters are text.
  await page.getByRole('textbox', { name: 'Note text' }).first().fill('');
  await page.getByRole('textbox', { name: 'Note text' }).first().press('j');
  await expect(page.getByRole('textbox', { name: 'Note text' }).first()).toHaveValue('j');
});

test('j and k reach a note that was not rendered when the key was pressed', async ({ page }) => {
  await openLocal(page);
  const focusedId = () =>
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('article')?.dataset.noteId ?? null);
  const ids = await readTimeline(page, 3);
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await expect.poll(focusedId).toBe(ids[0]);
  // Far down: the focused note stays (focus is not lost), its neighbours are no longer rendered.
  await pointAtNotes(page);
  for (let i = 0; i < 4; i++) await scrollDown(page, 2000);
  await expect(page.locator(`article[data-note-id="${ids[1]}"]`)).toHaveCount(0);
  expect(await focusedId()).toBe(ids[0]);
  await page.keyboard.press('j');
  await expect.poll(focusedId).toBe(ids[1]);
  await expect(page.locator(`article[data-note-id="${ids[1]}"]`)).toBeInViewport();
  await page.keyboard.press('k');
  await expect.poll(focusedId).toBe(ids[0]);
  await expect(page.locator(`article[data-note-id="${ids[0]}"]`)).toBeInViewport();
});
