import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoteUpdatedEvent } from 'misskey-js/streaming.types.js';
import { useStreamStore } from './store';
import { FakeWebSocket } from './testing/fakeWebSocket';
import { ORIGIN, TOKEN, reconnect, setupStream, startOpen, teardownStream } from './testing/streamHarness';

let store: ReturnType<typeof useStreamStore>;

beforeEach(() => {
  store = setupStream();
});

afterEach(() => {
  teardownStream(store);
});

// Recorded from Misskey 2024.10.1 (fixtures/stream-subnote-updates.json).
const reacted: NoteUpdatedEvent = {
  id: 'atwfumb8etl0025m',
  type: 'reacted',
  body: {
    reaction: ':blobcat@.:',
    emoji: { name: 'blobcat@.', url: 'http://127.0.0.1:61812/files/x' },
    userId: 'atwdhku6mobw0003',
  },
};

describe('note capture reference counting', () => {
  it('sends one subNote for many holders and one unsubNote when the last lets go', () => {
    const ws = startOpen(store);
    store.capture('n1');
    store.capture('n1');
    store.capture('n1');
    store.capture('n2');
    expect(store.captureCount).toBe(2);
    store.release('n1');
    store.release('n1');
    expect(store.isCaptured('n1')).toBe(true);
    store.release('n1');
    expect(store.isCaptured('n1')).toBe(false);
    expect(ws.frames).toEqual([
      { type: 'subNote', body: { id: 'n1' } },
      { type: 'subNote', body: { id: 'n2' } },
      { type: 'unsubNote', body: { id: 'n1' } },
    ]);
  });

  it('reads a note addressed to the reader with sr on its first capture only, and restores it as a plain capture', () => {
    const ws = startOpen(store);
    store.capture('mention', true);
    store.capture('mention', true);
    store.release('mention');
    expect(ws.frames).toEqual([{ type: 'sr', body: { id: 'mention' } }]);
    const next = reconnect();
    expect(next.frames).toContainEqual({ type: 'subNote', body: { id: 'mention' } });
    expect(next.frames).not.toContainEqual({ type: 'sr', body: { id: 'mention' } });
  });

  it('ignores a release below zero, so the next capture still subscribes', () => {
    const ws = startOpen(store);
    store.release('n1');
    store.capture('n1');
    store.release('n1');
    store.release('n1');
    store.capture('n1');
    expect(ws.frames).toEqual([
      { type: 'subNote', body: { id: 'n1' } },
      { type: 'unsubNote', body: { id: 'n1' } },
      { type: 'subNote', body: { id: 'n1' } },
    ]);
    expect(store.captureCount).toBe(1);
  });

  it('sends captures made before the first open once, on open', () => {
    store.start({ origin: ORIGIN, token: TOKEN });
    store.capture('n1');
    store.capture('n1');
    store.capture('n2');
    store.release('n2');
    const ws = FakeWebSocket.latest;
    ws.serverOpen();
    expect(ws.frames).toEqual([{ type: 'subNote', body: { id: 'n1' } }]);
  });

  it('re-sends exactly the ids still held after a reconnect, nothing sent while down', () => {
    const first = startOpen(store);
    store.capture('a');
    store.capture('a');
    store.capture('b');
    store.capture('c');
    first.serverDrop();
    store.release('a'); // still held once
    store.release('b'); // gone, no unsubNote on a dead socket
    store.capture('d');
    const second = reconnect();
    expect(second.frames).toEqual([
      { type: 'subNote', body: { id: 'a' } },
      { type: 'subNote', body: { id: 'c' } },
      { type: 'subNote', body: { id: 'd' } },
    ]);
    store.release('a');
    expect(second.frames.at(-1)).toEqual({ type: 'unsubNote', body: { id: 'a' } });
  });

  it('sends channel connects before captures on open', () => {
    store.start({ origin: ORIGIN, token: TOKEN });
    store.capture('n1');
    store.connect('main');
    const ws = FakeWebSocket.latest;
    ws.serverOpen();
    expect(ws.frames).toEqual([
      { type: 'connect', body: { channel: 'main', id: 'c1' } },
      { type: 'subNote', body: { id: 'n1' } },
    ]);
  });
});

describe('noteUpdated delivery', () => {
  it('gives each listener every frame once, however many holders captured the note', () => {
    const ws = startOpen(store);
    store.capture(reacted.id);
    store.capture(reacted.id);
    const a = vi.fn();
    const b = vi.fn();
    store.onNoteUpdated(a);
    const offB = store.onNoteUpdated(b);
    ws.serverSend({ type: 'noteUpdated', body: reacted });
    offB();
    ws.serverSend({ type: 'noteUpdated', body: { id: 'n9', type: 'deleted', body: { deletedAt: '2026-11-23T06:17:59.368Z' } } });
    expect(a.mock.calls).toEqual([[reacted], [{ id: 'n9', type: 'deleted', body: { deletedAt: '2026-11-23T06:17:59.368Z' } }]]);
    expect(b.mock.calls).toEqual([[reacted]]);
  });

  it('isolates a throwing listener', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ws = startOpen(store);
    const after = vi.fn();
    store.onNoteUpdated(() => {
      throw new Error('boom');
    });
    store.onNoteUpdated(after);
    ws.serverSend({ type: 'noteUpdated', body: reacted });
    expect(after).toHaveBeenCalledWith(reacted);
    expect(error).toHaveBeenCalledTimes(1);
  });
});
