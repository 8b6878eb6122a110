import { describe, expect, it } from 'vitest';
import bobPosts from '@/testing/fixtures/stream-timelines-bob-posts.json';
import filtering from '@/testing/fixtures/stream-timelines-filtering.json';
import localPage from '@/testing/fixtures/rest-notes-local-timeline-alice.json';
import showRenote from '@/testing/fixtures/rest-notes-show-renote.json';
import { isNote } from './noteShape';

type Recorded = { dir: string; frame: { type: string; body?: { type?: string; body?: unknown } } };

// Every `note` a real 2024.10.1 server streamed on a timeline channel.
const streamed: unknown[] = [bobPosts, filtering].flatMap((file) =>
  (file as Recorded[])
    .filter((e) => e.dir === 'recv' && e.frame.type === 'channel' && e.frame.body?.type === 'note')
    .map((e) => e.frame.body!.body),
);

describe('isNote', () => {
  it('accepts every streamed note and every note of a recorded timeline page', () => {
    expect(streamed.length).toBeGreaterThan(0);
    for (const note of [...streamed, ...localPage.response, showRenote.response]) {
      expect(isNote(note)).toBe(true);
    }
  });

  it('refuses what is not a note', () => {
    const good = streamed[0] as Record<string, unknown>;
    for (const bad of [null, 'a note', 42, [], {}, { id: 'x' }, { ...good, user: null }, { ...good, reactions: [] }]) {
      expect(isNote(bad)).toBe(false);
    }
    expect(isNote({ ...good, visibility: 'everyone' })).toBe(false);
    expect(isNote({ ...good, renote: { id: 'x' } })).toBe(false);
  });
});
