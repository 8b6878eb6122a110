import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import timeline from '@/testing/fixtures/rest-notes-timeline.json';
import {
  CATCH_UP_PAGE,
  activeAuthors,
  engagement,
  kindOf,
  readSpan,
  selectNotes,
  type CatchUpFilters,
  type DateCursor,
} from './catchUp';

type Note = Misskey.entities.Note;

const recorded = timeline.response as unknown as Note[];
const all: CatchUpFilters = { kinds: { original: true, reply: true, renote: true, quote: true }, withFiles: false, author: null };

// A note of the recorded home timeline, changed where a test needs it.
function note(id: string, changes: Partial<Note> = {}): Note {
  const base = structuredClone(recorded.find((n) => !n.renoteId && !n.replyId)!);
  return { ...base, id, renoteId: null, replyId: null, renote: undefined, reply: undefined, ...changes };
}

describe('catch-up filters and sort', () => {
  it('tells originals, replies, renotes and quotes apart as the recorded timeline has them', () => {
    const kinds = new Set(recorded.map(kindOf));
    expect(kinds.has('original')).toBe(true);
    for (const n of recorded) {
      if (kindOf(n) === 'renote') expect(n.text).toBeNull();
      if (kindOf(n) === 'quote') expect(n.renoteId && n.text).toBeTruthy();
    }
    expect(kindOf(note('a', { replyId: 'p' }))).toBe('reply');
    expect(kindOf(note('b', { renoteId: 'x', text: null, cw: null }))).toBe('renote');
    expect(kindOf(note('c', { renoteId: 'x', text: 'quoting' }))).toBe('quote');
  });

  it('keeps the kinds asked for, with files only, of one author', () => {
    const list = [
      note('a04', { userId: 'u1' }),
      note('a03', { userId: 'u2', replyId: 'a01' }),
      note('a02', {
        userId: 'u1',
        renoteId: 'a01',
        text: null,
        cw: null,
        renote: note('a01', { files: [{} as Misskey.entities.DriveFile] }),
      }),
      note('a01', { userId: 'u2', renoteId: 'a00', text: 'quote' }),
    ];
    expect(selectNotes(list, all, 'time').map((n) => n.id)).toEqual(['a04', 'a03', 'a02', 'a01']);
    expect(selectNotes(list, { ...all, kinds: { ...all.kinds, renote: false, reply: false } }, 'time').map((n) => n.id)).toEqual([
      'a04',
      'a01',
    ]);
    // A renote shows the renoted note's files.
    expect(selectNotes(list, { ...all, withFiles: true }, 'time').map((n) => n.id)).toEqual(['a02']);
    expect(selectNotes(list, { ...all, author: 'u2' }, 'time').map((n) => n.id)).toEqual(['a03', 'a01']);
  });

  it('sorts by reactions + renotes + replies (of the renoted note for a renote), then newest', () => {
    const busy = note('a01', { reactionCount: 5, renoteCount: 2, repliesCount: 1 });
    const list = [
      note('a05', { reactionCount: 1, renoteCount: 0, repliesCount: 0 }),
      note('a04', { renoteId: 'a01', text: null, cw: null, renote: busy, reactionCount: 0, renoteCount: 0, repliesCount: 0 }),
      note('a03', { reactionCount: 0, renoteCount: 0, repliesCount: 3 }),
      note('a02', { reactionCount: 0, renoteCount: 1, repliesCount: 0 }),
    ];
    expect(engagement(list[1]!)).toBe(8);
    expect(selectNotes(list, all, 'engagement').map((n) => n.id)).toEqual(['a04', 'a03', 'a05', 'a02']);
  });

  it('names the authors who posted most', () => {
    const user = (username: string) => ({ ...recorded[0]!.user, id: username, username });
    const list = ['bob', 'carol', 'bob', 'dave', 'bob', 'carol'].map((u, i) => note(`a0${i}`, { userId: u, user: user(u) }));
    expect(activeAuthors(list, 2).map((a) => [a.user.username, a.count])).toEqual([
      ['bob', 3],
      ['carol', 2],
    ]);
  });
});

describe('reading a span', () => {
  // A server holding `count` notes one second apart, the newest at `newest`.
  function server(count: number, newest: number) {
    const notes = Array.from({ length: count }, (_, i) =>
      note(`n${String(count - i).padStart(5, '0')}`, { createdAt: new Date(newest - i * 1000).toISOString() }),
    );
    const requests: DateCursor[] = [];
    const fetch = async (c: DateCursor, limit: number) => {
      requests.push(c);
      return notes.filter((n) => Date.parse(n.createdAt) > c.sinceDate && Date.parse(n.createdAt) < c.untilDate).slice(0, limit);
    };
    return { notes, requests, fetch };
  }

  it('reads every note of the span once, page by page, by date', async () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    const s = server(250, now - 1000);
    const since = now - 200_500;
    const counted: number[] = [];
    const result = await readSpan(s.fetch, since, now, (n) => counted.push(n));
    expect(result.capped).toBe(false);
    expect(result.notes.map((n) => n.id)).toEqual(s.notes.slice(0, 200).map((n) => n.id));
    // Each next page starts again at the oldest note's millisecond: that note comes twice, counted once.
    expect(counted).toEqual([100, 199, 200]);
    expect(s.requests[0]).toEqual({ sinceDate: since, untilDate: now });
    expect(s.requests[1]).toEqual({ sinceDate: since, untilDate: Date.parse(s.notes[99]!.createdAt) + 1 });
  });

  it('stops at the limit and says the span holds more', async () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    const s = server(500, now - 1000);
    const result = await readSpan(s.fetch, now - 3_600_000, now, undefined, 3 * CATCH_UP_PAGE);
    expect(result.notes).toHaveLength(300);
    expect(result.capped).toBe(true);
    expect(s.requests).toHaveLength(4);
  });
});
