import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { REFUSED_AFTER_MS, useStreamStore } from './store';
import { POLL_HIDDEN_MS, POLL_INTERVAL_MS } from './poller';
import { dataSaver } from './dataSaver';
import { FakeWebSocket } from './testing/fakeWebSocket';
import { ORIGIN, TOKEN, setOnline, setVisibility, setupStream, startOpen, teardownStream } from './testing/streamHarness';

let store: ReturnType<typeof useStreamStore>;

beforeEach(() => {
  store = setupStream();
});

afterEach(() => {
  dataSaver.value = false;
  teardownStream(store);
});

// Every socket the client opens is refused (a proxy that will not upgrade) for `ms`.
async function refuseFor(ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ws = FakeWebSocket.instances.at(-1);
    if (ws?.readyState === FakeWebSocket.CONNECTING) ws.serverDrop();
    await vi.advanceTimersByTimeAsync(Math.min(100, until - Date.now()));
  }
}

describe('polling when sockets are refused', () => {
  it('polls once sockets have failed to open for a while although REST answers, until one opens', async () => {
    const polls = vi.fn();
    const reconnected = vi.fn();
    store.onPoll(polls);
    store.onReconnected(reconnected);
    store.start({ origin: ORIGIN, token: TOKEN, checkToken: async () => 'ok' });
    await refuseFor(REFUSED_AFTER_MS - 1000);
    expect(store.polling).toBe(false);
    expect(polls).not.toHaveBeenCalled();

    await refuseFor(2000);
    await nextTick();
    expect(store.polling).toBe(true);
    expect(store.state).toBe('reconnecting');
    // The first poll at once, the next ones every interval.
    expect(polls).toHaveBeenCalledTimes(1);
    await refuseFor(POLL_INTERVAL_MS);
    expect(polls).toHaveBeenCalledTimes(2);

    // A socket opens: back to streaming, with a catch-up, and no more polls.
    for (let i = 0; i < 20 && FakeWebSocket.latest.readyState !== FakeWebSocket.CONNECTING; i++)
      await vi.advanceTimersToNextTimerAsync();
    FakeWebSocket.latest.serverOpen();
    await nextTick();
    expect(store.polling).toBe(false);
    expect(reconnected).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    expect(polls).toHaveBeenCalledTimes(2);
  });

  it('does not poll when REST fails too (the server is down), nor while offline', async () => {
    const polls = vi.fn();
    store.onPoll(polls);
    store.start({ origin: ORIGIN, token: TOKEN, checkToken: async () => 'unknown' });
    await refuseFor(REFUSED_AFTER_MS * 2);
    expect(store.polling).toBe(false);
    expect(polls).not.toHaveBeenCalled();

    store.start({ origin: ORIGIN, token: TOKEN, checkToken: async () => 'ok' });
    await refuseFor(REFUSED_AFTER_MS + 1000);
    await nextTick();
    expect(store.polling).toBe(true);
    setOnline(false);
    await nextTick();
    expect(store.state).toBe('offline');
    expect(store.polling).toBe(false);
    const count = polls.mock.calls.length;
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    expect(polls).toHaveBeenCalledTimes(count);
  });

  it('asks a guest session whether REST answers', async () => {
    const probeRest = vi.fn(async () => true);
    store.start({ origin: ORIGIN, token: null, probeRest });
    await refuseFor(REFUSED_AFTER_MS + 1000);
    await nextTick();
    expect(probeRest).toHaveBeenCalled();
    expect(store.polling).toBe(true);
  });

  it('polls more slowly while the tab is hidden, and at once when it is shown after a while', async () => {
    const polls = vi.fn();
    store.onPoll(polls);
    store.start({ origin: ORIGIN, token: TOKEN, checkToken: async () => 'ok' });
    await refuseFor(REFUSED_AFTER_MS + 1000);
    await nextTick();
    expect(polls).toHaveBeenCalledTimes(1);
    setVisibility('hidden');
    await refuseFor(POLL_INTERVAL_MS + 1000);
    expect(polls).toHaveBeenCalledTimes(2);
    await refuseFor(POLL_INTERVAL_MS * 2);
    expect(polls).toHaveBeenCalledTimes(2);
    await refuseFor(POLL_HIDDEN_MS - POLL_INTERVAL_MS * 2);
    expect(polls).toHaveBeenCalledTimes(3);
    await refuseFor(POLL_INTERVAL_MS + 1000);
    setVisibility('visible');
    expect(polls).toHaveBeenCalledTimes(4);
  });
});

describe('Data saver', () => {
  it('keeps no socket and polls; turned off, a socket opens and what was missed is read', async () => {
    dataSaver.value = true;
    const polls = vi.fn();
    const reconnected = vi.fn();
    store.onPoll(polls);
    store.onReconnected(reconnected);
    store.start({ origin: ORIGIN, token: TOKEN });
    await nextTick();
    expect(FakeWebSocket.instances).toHaveLength(0);
    expect(store.state).toBe('paused');
    expect(store.polling).toBe(true);
    expect(polls).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(polls).toHaveBeenCalledTimes(2);

    dataSaver.value = false;
    await nextTick();
    expect(FakeWebSocket.instances).toHaveLength(1);
    FakeWebSocket.latest.serverOpen();
    await nextTick();
    expect(store.polling).toBe(false);
    expect(reconnected).toHaveBeenCalledTimes(1);
  });

  it('closes an open socket when turned on', async () => {
    const ws = startOpen(store);
    dataSaver.value = true;
    await nextTick();
    expect(ws.closedByClient).toBe(true);
    expect(store.state).toBe('paused');
    expect(store.polling).toBe(true);
    // Coming back online, or the tab shown again, does not open one either.
    setOnline(true);
    setVisibility('visible');
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});
