import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_CHANNELS_PER_SOCKET } from './channels';
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

function channelFrame(id: string, type: string, body: unknown) {
  return { type: 'channel', body: { id, type, body } };
}

describe('connect frames', () => {
  it('sends nothing while connecting and every channel once on open, params left out when not given', () => {
    store.start({ origin: ORIGIN, token: TOKEN });
    store.connect('main');
    store.connect('homeTimeline');
    store.connect('localTimeline', { withRenotes: false, withFiles: true });
    const ws = FakeWebSocket.latest;
    expect(ws.sent).toEqual([]);
    ws.serverOpen();
    expect(ws.frames).toEqual([
      { type: 'connect', body: { channel: 'main', id: 'c1' } },
      { type: 'connect', body: { channel: 'homeTimeline', id: 'c2' } },
      { type: 'connect', body: { channel: 'localTimeline', id: 'c3', params: { withRenotes: false, withFiles: true } } },
    ]);
  });

  it('sends connect at once while open, and never a null params', () => {
    const ws = startOpen(store);
    store.connect('main', null);
    store.connect('hashtag', { q: [['a', 'b'], ['c']] });
    expect(ws.sent).toEqual([
      '{"type":"connect","body":{"channel":"main","id":"c1"}}',
      '{"type":"connect","body":{"channel":"hashtag","id":"c2","params":{"q":[["a","b"],["c"]]}}}',
    ]);
  });

  it('gives every handle a fresh id, never reused', () => {
    startOpen(store);
    const ids = [store.connect('main'), store.connect('main'), store.connect('homeTimeline')].map((h) => h.id);
    ids.push(store.connect('homeTimeline').id);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('replay after a reconnect', () => {
  it('connects every live instance under new ids and sends nothing queued from before', () => {
    const first = startOpen(store);
    const main = store.connect('main');
    const home = store.connect('homeTimeline', { withFiles: false });
    const gone = store.connect('globalTimeline');
    first.serverDrop();

    main.send('whileDown', { x: 1 }); // dropped, not queued
    gone.dispose(); // forgotten, no disconnect needed on a dead socket
    store.connect('localTimeline'); // created while down

    const second = reconnect();
    expect(second.frames).toEqual([
      { type: 'connect', body: { channel: 'main', id: 'c4' } },
      { type: 'connect', body: { channel: 'homeTimeline', id: 'c5', params: { withFiles: false } } },
      { type: 'connect', body: { channel: 'localTimeline', id: 'c6' } },
    ]);

    const third = reconnect();
    expect(third.frames).toEqual([
      { type: 'connect', body: { channel: 'main', id: 'c7' } },
      { type: 'connect', body: { channel: 'homeTimeline', id: 'c8', params: { withFiles: false } } },
      { type: 'connect', body: { channel: 'localTimeline', id: 'c9' } },
    ]);
    expect(home.id).not.toBe(main.id);
  });

  it('routes frames by the new id only', () => {
    startOpen(store);
    const home = store.connect('homeTimeline');
    const seen: string[] = [];
    home.on('note', (note) => seen.push(note.id));
    const ws = reconnect();
    ws.serverSend(channelFrame('c1', 'note', { id: 'old' }));
    ws.serverSend(channelFrame('c2', 'note', { id: 'new' }));
    expect(seen).toEqual(['new']);
    expect(store.stats.unknown).toBe(1);
  });

  it('restores channels after stop() and start() with another token, but not after reset()', () => {
    startOpen(store);
    store.connect('main');
    store.stop();
    const next = startOpen(store, { token: 'another-token-xy' });
    expect(next.frames).toEqual([{ type: 'connect', body: { channel: 'main', id: 'c2' } }]);

    store.reset();
    const after = startOpen(store);
    expect(after.sent).toEqual([]);
  });
});

describe('shared channels', () => {
  it('multiplexes one server instance to every handle and disconnects after the last dispose', () => {
    const ws = startOpen(store);
    const a = store.connect('main');
    const b = store.connect('main');
    const fromA = vi.fn();
    const fromB = vi.fn();
    a.on('notification', fromA);
    b.on('notification', fromB);
    expect(ws.frames).toEqual([{ type: 'connect', body: { channel: 'main', id: 'c1' } }]);

    ws.serverSend(channelFrame('c1', 'notification', { id: 'n1' }));
    expect(fromA).toHaveBeenCalledWith({ id: 'n1' });
    expect(fromB).toHaveBeenCalledWith({ id: 'n1' });

    a.dispose();
    expect(ws.frames).toHaveLength(1);
    ws.serverSend(channelFrame('c1', 'notification', { id: 'n2' }));
    expect(fromA).toHaveBeenCalledTimes(1);
    expect(fromB).toHaveBeenCalledTimes(2);

    b.dispose();
    b.dispose();
    expect(ws.frames.slice(1)).toEqual([{ type: 'disconnect', body: { id: 'c1' } }]);
  });

  it('opens a fresh instance when a shared channel is connected again after its last dispose', () => {
    const ws = startOpen(store);
    store.connect('drive').dispose();
    store.connect('drive');
    expect(ws.frames).toEqual([
      { type: 'connect', body: { channel: 'drive', id: 'c1' } },
      { type: 'disconnect', body: { id: 'c1' } },
      { type: 'connect', body: { channel: 'drive', id: 'c2' } },
    ]);
  });

  it('gives each non-shared handle its own instance', () => {
    const ws = startOpen(store);
    const a = store.connect('homeTimeline');
    store.connect('homeTimeline');
    a.dispose();
    expect(ws.frames).toEqual([
      { type: 'connect', body: { channel: 'homeTimeline', id: 'c1' } },
      { type: 'connect', body: { channel: 'homeTimeline', id: 'c2' } },
      { type: 'disconnect', body: { id: 'c1' } },
    ]);
  });
});

describe('the 32-instance limit', () => {
  it('throws a clear error past 32 instances; extra handles on a shared channel are free', () => {
    startOpen(store);
    const handles: { dispose(): void }[] = [store.connect('main')];
    for (let i = 1; i < MAX_CHANNELS_PER_SOCKET; i++) handles.push(store.connect('localTimeline'));
    expect(() => store.connect('homeTimeline')).toThrow(/at most 32 channel instances/);
    expect(() => store.connect('main')).not.toThrow();
    handles[1]!.dispose();
    expect(() => store.connect('homeTimeline')).not.toThrow();
  });
});

describe('channel messages and events', () => {
  it('sends ch frames under the current server id and drops them after dispose', () => {
    const ws = startOpen(store);
    const stats = store.connect('serverStats');
    stats.send('requestLog', { id: 'x', length: 50 });
    stats.send('ping', undefined);
    stats.dispose();
    stats.send('requestLog', { id: 'y', length: 1 });
    expect(ws.frames).toEqual([
      { type: 'connect', body: { channel: 'serverStats', id: 'c1' } },
      { type: 'ch', body: { id: 'c1', type: 'requestLog', body: { id: 'x', length: 50 } } },
      { type: 'ch', body: { id: 'c1', type: 'ping', body: null } },
      { type: 'disconnect', body: { id: 'c1' } },
    ]);
  });

  it("passes main's 2024.10 unread events through", () => {
    const ws = startOpen(store);
    const main = store.connect('main');
    const unreadMention = vi.fn();
    const readAll = vi.fn();
    main.on('unreadMention', unreadMention);
    main.on('readAllUnreadMentions', readAll);
    ws.serverSend(channelFrame('c1', 'unreadMention', 'atwft5y8etl0024q'));
    ws.serverSend(channelFrame('c1', 'readAllUnreadMentions', null));
    expect(unreadMention).toHaveBeenCalledWith('atwft5y8etl0024q');
    expect(readAll).toHaveBeenCalledTimes(1);
  });

  it('stops delivering to a listener after its unsubscribe', () => {
    const ws = startOpen(store);
    const home = store.connect('homeTimeline');
    const fn = vi.fn();
    const off = home.on('note', fn);
    ws.serverSend(channelFrame('c1', 'note', { id: 'a' }));
    off();
    ws.serverSend(channelFrame('c1', 'note', { id: 'b' }));
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ws = startOpen(store);
    const a = store.connect('main');
    const b = store.connect('main');
    const after = vi.fn();
    a.on('notification', () => {
      throw new Error('boom');
    });
    a.on('notification', after);
    b.on('notification', after);
    ws.serverSend(channelFrame('c1', 'notification', { id: 'n' }));
    expect(after).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledTimes(1);
    expect(store.state).toBe('open');
  });
});
