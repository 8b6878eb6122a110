import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONNECT_TIMEOUT_MS, STABLE_AFTER_MS, WAKE_TICK_MS, streamUrl, useStreamStore } from './store';
import { FakeWebSocket } from './testing/fakeWebSocket';
import {
  ORIGIN,
  TOKEN,
  advanceUntilNewSocket,
  reconnect,
  setOnline,
  setVisibility,
  setupStream,
  startOpen,
  teardownStream,
} from './testing/streamHarness';

let store: ReturnType<typeof useStreamStore>;

beforeEach(() => {
  store = setupStream();
});

afterEach(() => {
  teardownStream(store);
});

describe('stream URL', () => {
  it('uses wss with ?i= for an https origin with a token', () => {
    expect(streamUrl('https://misskey.io', 'abc')).toBe('wss://misskey.io/streaming?i=abc');
  });

  it('uses ws without ?i= for an anonymous http origin', () => {
    expect(streamUrl('http://127.0.0.1:38411', null)).toBe('ws://127.0.0.1:38411/streaming');
  });

  it('is what start() opens', () => {
    store.start({ origin: ORIGIN, token: TOKEN });
    expect(FakeWebSocket.latest.url).toBe(`wss://misskey.example/streaming?i=${TOKEN}`);
  });
});

describe('connection state', () => {
  it('goes idle → connecting → open → reconnecting → open', () => {
    expect(store.state).toBe('idle');
    store.start({ origin: ORIGIN, token: TOKEN });
    expect(store.state).toBe('connecting');
    FakeWebSocket.latest.serverOpen();
    expect(store.state).toBe('open');
    expect(store.downSince).toBeNull();

    FakeWebSocket.latest.serverDrop();
    expect(store.state).toBe('reconnecting');
    expect(store.downSince).toBe(Date.now());

    advanceUntilNewSocket();
    expect(store.state).toBe('reconnecting');
    FakeWebSocket.latest.serverOpen();
    expect(store.state).toBe('open');
    expect(store.stats.opens).toBe(2);
  });

  it('emits reconnected on every open after the first, not on the first', () => {
    const reconnected = vi.fn();
    store.onReconnected(reconnected);
    startOpen(store);
    expect(reconnected).not.toHaveBeenCalled();
    reconnect();
    expect(reconnected).toHaveBeenCalledTimes(1);
    reconnect();
    expect(reconnected).toHaveBeenCalledTimes(2);
  });

  it('does not count the first open of a new start() as a reconnect', () => {
    const reconnected = vi.fn();
    store.onReconnected(reconnected);
    startOpen(store);
    startOpen(store, { token: 'another-token-xy' });
    expect(reconnected).not.toHaveBeenCalled();
    expect(FakeWebSocket.instances[0]!.closedByClient).toBe(true);
  });

  it('stop() closes the socket, stays idle and never retries', () => {
    const ws = startOpen(store);
    store.stop();
    expect(ws.closedByClient).toBe(true);
    expect(store.state).toBe('idle');
    vi.advanceTimersByTime(10 * 60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});

describe('backoff', () => {
  it('waits longer after each failure, up to the cap', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    store.start({ origin: ORIGIN, token: TOKEN });
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      FakeWebSocket.latest.serverDrop();
      delays.push(advanceUntilNewSocket());
    }
    expect(delays).toEqual([499, 999, 1999, 3999, 7999, 9999, 9999, 9999, 9999]);
  });

  it('jitters each delay below its ceiling', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    store.start({ origin: ORIGIN, token: TOKEN });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      FakeWebSocket.latest.serverDrop();
      delays.push(advanceUntilNewSocket());
    }
    expect(delays).toEqual([250, 500, 1000]);
  });

  it('starts over once a socket stayed open a while', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    store.start({ origin: ORIGIN, token: TOKEN });
    for (let i = 0; i < 4; i++) {
      FakeWebSocket.latest.serverDrop();
      advanceUntilNewSocket();
    }
    FakeWebSocket.latest.serverOpen();
    vi.advanceTimersByTime(STABLE_AFTER_MS);
    FakeWebSocket.latest.serverDrop();
    expect(advanceUntilNewSocket()).toBe(499);
  });

  it('keeps growing when sockets open but drop at once (a flapping server)', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    startOpen(store);
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      FakeWebSocket.latest.serverDrop();
      delays.push(advanceUntilNewSocket());
      FakeWebSocket.latest.serverOpen();
    }
    expect(delays).toEqual([499, 999, 1999]);
  });

  it('gives up on a socket stuck connecting and retries', () => {
    store.start({ origin: ORIGIN, token: TOKEN });
    const stuck = FakeWebSocket.latest;
    vi.advanceTimersByTime(CONNECT_TIMEOUT_MS);
    expect(stuck.closedByClient).toBe(true);
    expect(store.state).toBe('reconnecting');
    advanceUntilNewSocket();
    expect(FakeWebSocket.instances).toHaveLength(2);
  });
});

describe('offline and waking up', () => {
  it('starts offline when the browser is offline, and connects when it comes online', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    store.start({ origin: ORIGIN, token: TOKEN });
    expect(store.state).toBe('offline');
    expect(FakeWebSocket.instances).toHaveLength(0);
    setOnline(true);
    expect(store.state).toBe('connecting');
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('goes offline on the offline event, waits without retrying, then reconnects at once when online', () => {
    const reconnected = vi.fn();
    store.onReconnected(reconnected);
    const ws = startOpen(store);
    setOnline(false);
    expect(ws.closedByClient).toBe(true);
    expect(store.state).toBe('offline');
    expect(store.downSince).toBe(Date.now());

    vi.advanceTimersByTime(5 * 60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);

    setOnline(true);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(store.state).toBe('reconnecting');
    FakeWebSocket.latest.serverOpen();
    expect(store.state).toBe('open');
    expect(reconnected).toHaveBeenCalledTimes(1);
  });

  it('reports offline, not reconnecting, when a socket drops while the browser is offline', () => {
    startOpen(store);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    FakeWebSocket.latest.serverDrop();
    expect(store.state).toBe('offline');
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it.each([
    ['visibilitychange', () => setVisibility('visible')],
    ['pageshow', () => window.dispatchEvent(new Event('pageshow'))],
  ])('skips the backoff wait on %s', (_name, trigger) => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    store.start({ origin: ORIGIN, token: TOKEN });
    for (let i = 0; i < 6; i++) {
      FakeWebSocket.latest.serverDrop();
      advanceUntilNewSocket();
    }
    FakeWebSocket.latest.serverDrop();
    const count = FakeWebSocket.instances.length;
    trigger();
    expect(FakeWebSocket.instances).toHaveLength(count + 1);
  });

  it('leaves an open socket alone when the page becomes visible', () => {
    const ws = startOpen(store);
    setVisibility('visible');
    expect(ws.closedByClient).toBe(false);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('replaces a socket that looks open after the machine slept, and reports a reconnect', () => {
    const reconnected = vi.fn();
    store.onReconnected(reconnected);
    const ws = startOpen(store);
    vi.setSystemTime(Date.now() + 20 * 60_000); // wall clock jumps, timers did not run
    vi.advanceTimersByTime(WAKE_TICK_MS);
    expect(ws.closedByClient).toBe(true);
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.latest.serverOpen();
    expect(reconnected).toHaveBeenCalledTimes(1);
  });

  it('retries at once after sleep when the socket was already down', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    store.start({ origin: ORIGIN, token: TOKEN });
    for (let i = 0; i < 6; i++) {
      FakeWebSocket.latest.serverDrop();
      advanceUntilNewSocket();
    }
    FakeWebSocket.latest.serverDrop(); // next retry is ~10 s away
    const count = FakeWebSocket.instances.length;
    vi.setSystemTime(Date.now() + 20 * 60_000);
    vi.advanceTimersByTime(WAKE_TICK_MS);
    expect(FakeWebSocket.instances).toHaveLength(count + 1);
  });

  it('does not mistake throttled timers of a hidden tab for sleep', () => {
    const ws = startOpen(store);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    vi.setSystemTime(Date.now() + 60_000);
    vi.advanceTimersByTime(WAKE_TICK_MS);
    expect(ws.closedByClient).toBe(false);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});

describe('token check', () => {
  it('stops retrying when the token is rejected, until start() is called again', async () => {
    const checkToken = vi.fn(async () => 'rejected' as const);
    store.start({ origin: ORIGIN, token: TOKEN, checkToken });
    FakeWebSocket.latest.serverDrop();
    await vi.advanceTimersByTimeAsync(0);
    expect(checkToken).toHaveBeenCalledTimes(1);
    expect(store.state).toBe('auth-failed');

    const count = FakeWebSocket.instances.length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    setOnline(true);
    window.dispatchEvent(new Event('pageshow'));
    expect(FakeWebSocket.instances).toHaveLength(count);
    expect(store.state).toBe('auth-failed');

    store.start({ origin: ORIGIN, token: 'a-fresh-token-16' });
    expect(store.state).toBe('connecting');
    expect(FakeWebSocket.instances).toHaveLength(count + 1);
  });

  it('keeps retrying on "unknown" and checks only on the 1st, 6th and 11th failed open', async () => {
    const checkToken = vi.fn(async () => 'unknown' as const);
    store.start({ origin: ORIGIN, token: TOKEN, checkToken });
    for (let i = 0; i < 12; i++) {
      FakeWebSocket.latest.serverDrop();
      await vi.advanceTimersByTimeAsync(0);
      advanceUntilNewSocket();
    }
    expect(checkToken).toHaveBeenCalledTimes(3);
    expect(store.state).toBe('reconnecting');
  });

  it('treats a failing check as unknown', async () => {
    const checkToken = vi.fn(async (): Promise<'ok'> => {
      throw new TypeError('Failed to fetch');
    });
    store.start({ origin: ORIGIN, token: TOKEN, checkToken });
    FakeWebSocket.latest.serverDrop();
    await vi.advanceTimersByTimeAsync(0);
    expect(checkToken).toHaveBeenCalledTimes(1);
    expect(store.state).toBe('reconnecting');
  });

  it('does not check when the socket had opened, or when there is no token', async () => {
    const checkToken = vi.fn(async () => 'rejected' as const);
    startOpen(store, { checkToken });
    FakeWebSocket.latest.serverDrop();
    await vi.advanceTimersByTimeAsync(0);
    store.start({ origin: ORIGIN, token: null, checkToken });
    FakeWebSocket.latest.serverDrop();
    await vi.advanceTimersByTimeAsync(0);
    expect(checkToken).not.toHaveBeenCalled();
    expect(store.state).toBe('reconnecting');
  });

  it('ignores a verdict that arrives after start() retargeted the store', async () => {
    let answer: (v: 'rejected') => void = () => {};
    const checkToken = vi.fn(() => new Promise<'rejected'>((resolve) => (answer = resolve)));
    store.start({ origin: ORIGIN, token: TOKEN, checkToken });
    FakeWebSocket.latest.serverDrop();
    store.start({ origin: ORIGIN, token: 'another-token-xy' });
    answer('rejected');
    await vi.advanceTimersByTimeAsync(0);
    expect(store.state).toBe('connecting');
  });
});
