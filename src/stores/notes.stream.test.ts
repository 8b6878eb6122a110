import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import { useNotesStore } from './notes.ts';
import { setupStream, startOpen, teardownStream } from '@/stream/testing/streamHarness';
import showPlain from '@/testing/fixtures/rest-notes-show-plain.json';

let stream: ReturnType<typeof setupStream>;

beforeEach(() => {
  stream = setupStream();
});
afterEach(() => teardownStream(stream));

describe('note store fed by the stream', () => {
  it('applies each noteUpdated frame from the socket exactly once', () => {
    const notes = useNotesStore();
    const note = structuredClone(showPlain.response) as Misskey.entities.Note;
    notes.put(note);
    notes.retain(note.id);
    const before = notes.get(note.id)!.reactionCount;
    const ws = startOpen(stream);
    ws.serverSend({
      type: 'noteUpdated',
      body: { id: note.id, type: 'reacted', body: { reaction: '👍', emoji: null, userId: 'someone' } },
    });
    expect(notes.get(note.id)!.reactionCount).toBe(before + 1);
    expect(notes.get(note.id)!.reactions['👍']).toBe((note.reactions['👍'] ?? 0) + 1);
    ws.serverSend({ type: 'noteUpdated', body: { id: note.id, type: 'deleted', body: { deletedAt: new Date().toISOString() } } });
    expect(notes.isDeleted(note.id)).toBe(true);
  });
});
