import { createPinia, setActivePinia } from 'pinia';
import { vi } from 'vitest';
import { useStreamStore, type StreamStartOptions } from '../store';
import { FakeWebSocket } from './fakeWebSocket';

export const ORIGIN = 'https://misskey.example';
export const TOKEN = 'TOKEN1234567890a';

/** A fresh stream store on fake timers and a fake WebSocket; call teardownStream() after each test. */
export function setupStream() {
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeWebSocket);
  FakeWebSocket.reset();
  setActivePinia(createPinia());
  return useStreamStore();
}

export function teardownStream(store: ReturnType<typeof useStreamStore>): void {
  store.reset();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
}

/** Starts the store and lets the server accept the socket. */
export function startOpen(store: ReturnType<typeof useStreamStore>, opts: Partial<StreamStartOptions> = {}): FakeWebSocket {
  store.start({ origin: ORIGIN, token: TOKEN, ...opts });
  const ws = FakeWebSocket.latest;
  ws.serverOpen();
  return ws;
}

/** Drops the current socket, waits out the backoff and opens the replacement. */
export function reconnect(): FakeWebSocket {
  const before = FakeWebSocket.instances.length;
  FakeWebSocket.latest.serverDrop();
  advanceUntilNewSocket(before);
  const ws = FakeWebSocket.latest;
  ws.serverOpen();
  return ws;
}

/** Runs timers one by one until a new socket exists; returns how long that took. */
export function advanceUntilNewSocket(countBefore = FakeWebSocket.instances.length): number {
  const startedAt = Date.now();
  for (let i = 0; i < 100 && FakeWebSocket.instances.length === countBefore; i++) vi.advanceTimersToNextTimer();
  if (FakeWebSocket.instances.length === countBefore) throw new Error('no new socket was created');
  return Date.now() - startedAt;
}

export function setOnline(online: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

export function setVisibility(state: DocumentVisibilityState): void {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
  document.dispatchEvent(new Event('visibilitychange'));
}
