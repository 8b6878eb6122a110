import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStreamStore } from './store';
import { FakeWebSocket } from './testing/fakeWebSocket';
import { setupStream, startOpen, teardownStream } from './testing/streamHarness';

let store: ReturnType<typeof useStreamStore>;

beforeEach(() => {
  store = setupStream();
});

afterEach(() => {
  teardownStream(store);
});

describe('incoming frames', () => {
  it('counts and ignores garbage and unknown frames without disturbing the socket', () => {
    const ws = startOpen(store);
    const home = store.connect('homeTimeline');
    const notes = vi.fn();
    home.on('note', notes);

    ws.serverSend('pong'); // garbage: not JSON
    ws.serverSend('h');
    ws.serverSend('null'); // garbage: wrong shapes
    ws.serverSend({ type: 'channel' });
    ws.serverSend({ type: 'channel', body: { id: 1, type: 'note', body: {} } });
    ws.serverSend({ type: 'noteUpdated', body: { id: 'n', type: 'reacted', body: { reaction: 1 } } });
    ws.serverSend({ type: 'emojiAdded', body: {} });
    ws.serverSend({ type: 'connected', body: { id: 'c1' } }); // unknown: type we never asked for
    ws.serverSend({ type: 'noteUpdated', body: { id: 'n', type: 'updated', body: { text: 'x' } } });
    ws.serverSend({ type: 'channel', body: { id: 'c99', type: 'note', body: {} } }); // unknown id
    ws.serverSend({ type: 'api:a1', body: { res: 1 } }); // no call waits for it
    ws.onmessage?.(new MessageEvent('message', { data: new ArrayBuffer(4) })); // garbage: binary

    ws.serverSend({ type: 'channel', body: { id: 'c1', type: 'note', body: { id: 'ok' } } });
    expect(notes.mock.calls).toEqual([[{ id: 'ok' }]]);
    expect({ ...store.stats }).toEqual({ framesIn: 13, garbage: 8, unknown: 4, opens: 1 });
    expect(store.state).toBe('open');
  });

  it('delivers broadcasts to their listeners only', () => {
    const ws = startOpen(store);
    const added = vi.fn();
    const deleted = vi.fn();
    store.onBroadcast('emojiAdded', added);
    const off = store.onBroadcast('emojiDeleted', deleted);
    const emoji = { id: 'e1', aliases: [], name: 'blobcat', category: null, host: null, url: 'http://x/e.png' };
    ws.serverSend({ type: 'emojiAdded', body: { emoji } });
    off();
    ws.serverSend({ type: 'emojiDeleted', body: { emojis: [emoji] } });
    expect(added).toHaveBeenCalledWith({ emoji });
    expect(deleted).not.toHaveBeenCalled();
  });

  it('isolates a throwing broadcast listener', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const ws = startOpen(store);
    const after = vi.fn();
    store.onBroadcast('announcementCreated', () => {
      throw new Error('boom');
    });
    store.onBroadcast('announcementCreated', after);
    ws.serverSend({ type: 'announcementCreated', body: { announcement: { id: 'a' } } });
    expect(after).toHaveBeenCalledWith({ announcement: { id: 'a' } });
  });
});

describe('readNotification', () => {
  it('sends readNotification as recorded from 2024.10, only on a signed-in open socket', () => {
    store.start({ origin: 'https://misskey.example', token: 'TOKEN1234567890a' });
    store.readNotification(); // still connecting: dropped
    const ws = FakeWebSocket.latest;
    ws.serverOpen();
    store.readNotification();
    expect(ws.frames).toEqual([{ type: 'readNotification', body: {} }]);

    const anonymous = startOpen(store, { token: null });
    store.readNotification();
    expect(anonymous.sent).toEqual([]);
  });
});
