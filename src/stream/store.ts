import { computed, reactive, readonly, ref, watch } from 'vue';
import type { NoteUpdatedEvent } from 'misskey-js/streaming.types.js';
import { defineScopedStore } from '@/stores/scope';
import { createApiOverStream, DEFAULT_API_TIMEOUT_MS } from './apiOverStream';
import { backoffDelay } from './backoff';
import { createCaptureRegistry } from './captureRegistry';
import { createChannelRegistry } from './channelRegistry';
import { dataSaver } from './dataSaver';
import { createPoller } from './poller';
import { callSafely, type Listener } from './listeners';
import {
  parseFrame,
  readNotificationFrame,
  type BroadcastPayload,
  type BroadcastType,
  type IncomingFrame,
  type OutgoingFrame,
} from './protocol';

export type { ChannelHandle } from './channelRegistry';

// 'paused': no socket on purpose (Data saver); what is on screen is polled instead.
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline' | 'auth-failed' | 'paused';

export interface StreamStartOptions {
  origin: string;
  token: string | null;
  /**
   * Called when sockets close before ever opening (possibly a bad token). 'rejected' stops retrying
   * (state 'auth-failed'); 'ok' and 'unknown' keep retrying.
   */
  checkToken?: () => Promise<'ok' | 'rejected' | 'unknown'>;
  /** Without a token: whether REST answers (sockets refused while REST works means: poll). */
  probeRest?: () => Promise<boolean>;
  /** The server is older than 12.111.0 and still answers API calls over the stream. */
  legacyApi?: boolean;
}

// A socket stuck in CONNECTING this long is given up and retried.
export const CONNECT_TIMEOUT_MS = 10_000;
// Backoff starts over only once a socket has stayed open this long, so a flapping server stays slowed.
export const STABLE_AFTER_MS = 5_000;
// checkToken runs on the 1st failed open and then every this many, never on each retry.
export const TOKEN_CHECK_EVERY = 5;
// A periodic tick that finds far more time passed than its period means the machine slept.
export const WAKE_TICK_MS = 5_000;
export const WAKE_GAP_MS = 30_000;
// Sockets that keep failing to open this long while REST answers (a proxy refusing upgrades):
// what is on screen is polled until a socket opens again.
export const REFUSED_AFTER_MS = 15_000;

/** The stream URL; the token goes in `?i=` because browsers cannot set headers on a WebSocket. */
export function streamUrl(origin: string, token: string | null): string {
  const url = new URL('/streaming', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token !== null) url.searchParams.set('i', token);
  return url.toString();
}

/**
 * The one stream socket of an account (protocol §13), one per account scope (see stores/scope.ts). Components ask for channels and
 * note captures; the store keeps that desired state and sends all of it on every open, so nothing
 * is ever queued while the socket is down. Listen to onReconnected to backfill what was missed.
 * With no stream (Data saver, or sockets refused while REST works) `polling` is true and onPoll
 * listeners are called every POLL_INTERVAL_MS (slower while the tab is hidden, never offline).
 */
export const useStreamStore = defineScopedStore('stream', () => {
  const state = ref<ConnectionState>('idle');
  const downSince = ref<number | null>(null);
  const stats = reactive({ framesIn: 0, garbage: 0, unknown: 0, opens: 0 });

  let options: StreamStartOptions | null = null;
  let socket: WebSocket | null = null;
  let openedAt: number | null = null; // when the current socket opened
  let openedThisStart = false;
  let attempt = 0; // retries since the last stable connection, drives the backoff
  let failedOpens = 0; // sockets in a row that closed before opening
  let tokenCheckInFlight = false;
  let session = 0; // bumped by start/stop so late answers from an earlier session are ignored
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let connectTimer: ReturnType<typeof setTimeout> | null = null;
  let wakeTimer: ReturnType<typeof setInterval> | null = null;
  let lastTick = 0;
  // Something may have been missed since the last open (a socket lost, failed or paused).
  let missed = false;
  // Sockets fail to open while REST answers: since when, and whether that has lasted.
  let failingSince: number | null = null;
  let restAnswers = false;
  let refusedTimer: ReturnType<typeof setTimeout> | null = null;
  const refused = ref(false);

  const noteListeners = new Set<(e: NoteUpdatedEvent) => void>();
  const broadcastListeners = new Map<BroadcastType, Set<Listener>>();
  const reconnectedListeners = new Set<() => void>();

  const api = createApiOverStream(send);
  const channels = createChannelRegistry(send, isOpen);
  const captures = createCaptureRegistry(send);

  function setState(next: ConnectionState): void {
    if (state.value === 'open' && next !== 'open') downSince.value = Date.now();
    state.value = next;
  }

  function isOpen(): boolean {
    return socket !== null && socket.readyState === WebSocket.OPEN;
  }

  // Frames are only ever written to an open socket: the desired state is re-sent on each open.
  function send(frame: OutgoingFrame): void {
    if (isOpen()) socket!.send(JSON.stringify(frame));
  }

  // ---- socket lifecycle -----------------------------------------------------------------------

  function clearRetry(): void {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  }

  /** Forgets the current socket without letting its late events reach the store. */
  function dropSocket(): void {
    if (connectTimer !== null) clearTimeout(connectTimer);
    connectTimer = null;
    const ws = socket;
    socket = null;
    openedAt = null;
    channels.detachAll();
    api.rejectAll('the stream closed before the answer came');
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    try {
      ws.close();
    } catch {
      // Closing an already-broken socket has nothing left to do.
    }
  }

  function openSocket(): void {
    clearRetry();
    if (!options) return;
    if (dataSaver.value) {
      setState('paused');
      return;
    }
    const ws = new WebSocket(streamUrl(options.origin, options.token));
    socket = ws;
    setState(openedThisStart || failedOpens > 0 ? 'reconnecting' : 'connecting');
    ws.onopen = () => {
      if (ws === socket) onOpen();
    };
    ws.onmessage = (event: MessageEvent) => {
      if (ws === socket) onMessage(event.data);
    };
    ws.onclose = () => {
      if (ws === socket) onSocketGone();
    };
    connectTimer = setTimeout(() => {
      if (ws === socket && ws.readyState === WebSocket.CONNECTING) onSocketGone();
    }, CONNECT_TIMEOUT_MS);
  }

  function onOpen(): void {
    if (connectTimer !== null) clearTimeout(connectTimer);
    connectTimer = null;
    openedAt = Date.now();
    failedOpens = 0;
    clearRefused();
    stats.opens++;
    setState('open');
    channels.attachAll();
    captures.resendAll();
    const isReconnect = openedThisStart || missed;
    openedThisStart = true;
    missed = false;
    if (isReconnect) for (const fn of [...reconnectedListeners]) callSafely(fn, undefined);
  }

  function onSocketGone(): void {
    const openedFor = openedAt === null ? null : Date.now() - openedAt;
    dropSocket();
    missed = true;
    if (openedFor === null) {
      failedOpens++;
      checkTokenNow();
      watchRefusal();
    } else if (openedFor >= STABLE_AFTER_MS) {
      attempt = 0;
    }
    if (!navigator.onLine) {
      setState('offline');
      return;
    }
    setState('reconnecting');
    retryTimer = setTimeout(openSocket, backoffDelay(attempt++));
  }

  function checkTokenNow(): void {
    const probe = options?.probeRest;
    const check =
      options?.token == null ? (probe ? async () => ((await probe()) ? 'ok' : 'unknown') : undefined) : options.checkToken;
    if (!check || tokenCheckInFlight) return;
    if ((failedOpens - 1) % TOKEN_CHECK_EVERY !== 0) return;
    tokenCheckInFlight = true;
    const checkedIn = session;
    // Fire and forget: a failed check already counts as 'unknown' below.
    void Promise.resolve()
      .then(check)
      .catch(() => 'unknown' as const)
      .then((verdict) => {
        if (checkedIn !== session) return;
        tokenCheckInFlight = false;
        restAnswers = verdict === 'ok';
        updateRefused();
        // A socket that opened meanwhile proves the token works.
        if (verdict === 'rejected' && state.value !== 'open') {
          dropSocket();
          clearRetry();
          setState('auth-failed');
        }
      });
  }

  /** Skips the backoff wait when there is reason to think the server is reachable now. */
  function retryNow(): void {
    if (!options || socket !== null || state.value === 'auth-failed' || !navigator.onLine) return;
    openSocket();
  }

  // ---- without a stream: polling ------------------------------------------------------------------

  function watchRefusal(): void {
    if (failingSince !== null) return;
    failingSince = Date.now();
    refusedTimer = setTimeout(() => {
      refusedTimer = null;
      updateRefused();
    }, REFUSED_AFTER_MS);
  }

  function updateRefused(): void {
    refused.value = restAnswers && failingSince !== null && Date.now() - failingSince >= REFUSED_AFTER_MS && !isOpen();
  }

  function clearRefused(): void {
    if (refusedTimer !== null) clearTimeout(refusedTimer);
    refusedTimer = null;
    failingSince = null;
    restAnswers = false;
    refused.value = false;
  }

  // What is on screen is polled: Data saver, or sockets refused while REST answers; never offline.
  const polling = computed(
    () => state.value === 'paused' || (refused.value && (state.value === 'reconnecting' || state.value === 'connecting')),
  );

  const poller = createPoller(polling);

  // Data saver turned on: the socket closes (what it would bring is polled); off: it opens again.
  watch(dataSaver, (on) => {
    if (!options || state.value === 'auth-failed') return;
    if (on) {
      const wasOpen = isOpen();
      dropSocket();
      clearRetry();
      if (wasOpen) missed = true;
      setState('paused');
    } else if (state.value === 'paused') {
      attempt = 0;
      missed = true;
      retryNow();
    }
  });

  function onOnline(): void {
    attempt = 0;
    retryNow();
  }

  function onOffline(): void {
    if (!options || state.value === 'auth-failed') return;
    dropSocket();
    clearRetry();
    setState('offline');
  }

  function onVisibilityChange(): void {
    if (document.visibilityState !== 'visible') return;
    // Timers of hidden tabs are throttled; that gap is not a sleep.
    lastTick = Date.now();
    retryNow();
    poller.shown();
  }

  function onWakeTick(): void {
    const now = Date.now();
    const gap = now - lastTick;
    lastTick = now;
    if (gap < WAKE_GAP_MS) return;
    // After a sleep an "open" socket is usually dead without knowing it yet.
    if (isOpen() && document.visibilityState === 'visible') {
      dropSocket();
      setState('reconnecting');
      openSocket();
      return;
    }
    retryNow();
  }

  function watchEnvironment(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('online', onOnline);
    window[method]('offline', onOffline);
    window[method]('pageshow', retryNow);
    document[method]('visibilitychange', onVisibilityChange);
    if (wakeTimer !== null) clearInterval(wakeTimer);
    wakeTimer = null;
    if (on) {
      lastTick = Date.now();
      wakeTimer = setInterval(onWakeTick, WAKE_TICK_MS);
    }
  }

  /** Ends the current session's socket, timers and pending calls; keeps channels and captures. */
  function halt(): void {
    session++;
    dropSocket();
    clearRetry();
    clearRefused();
    watchEnvironment(false);
    options = null;
  }

  function start(opts: StreamStartOptions): void {
    halt();
    state.value = 'idle';
    downSince.value = null;
    options = opts;
    openedThisStart = false;
    missed = false;
    attempt = 0;
    failedOpens = 0;
    tokenCheckInFlight = false;
    watchEnvironment(true);
    if (navigator.onLine) openSocket();
    else setState('offline');
  }

  function stop(): void {
    halt();
    setState('idle');
  }

  function reset(): void {
    stop();
    channels.clear();
    captures.clear();
  }

  // ---- incoming frames --------------------------------------------------------------------------

  function onMessage(data: unknown): void {
    stats.framesIn++;
    const parsed = typeof data === 'string' ? parseFrame(data) : null;
    if (!parsed || !parsed.ok) {
      if (parsed?.reason === 'unknown-type') stats.unknown++;
      else stats.garbage++;
      return;
    }
    route(parsed.frame);
  }

  function route(frame: IncomingFrame): void {
    switch (frame.kind) {
      case 'channel':
        if (!channels.deliver(frame.id, frame.event, frame.body)) stats.unknown++;
        return;
      case 'noteUpdated':
        for (const fn of [...noteListeners]) callSafely(fn, frame.event);
        return;
      case 'broadcast':
        for (const fn of [...(broadcastListeners.get(frame.type) ?? [])]) callSafely(fn, frame.body);
        return;
      case 'apiReply':
        if (!api.settle(frame.id, frame.reply)) stats.unknown++;
        return;
    }
  }

  /** Marks every notification read; dropped while down, and on anonymous sockets (the server throws). */
  function readNotification(): void {
    if (options?.token != null) send(readNotificationFrame());
  }

  // ---- listeners --------------------------------------------------------------------------------

  function onNoteUpdated(fn: (e: NoteUpdatedEvent) => void): () => void {
    noteListeners.add(fn);
    return () => noteListeners.delete(fn);
  }

  function onBroadcast<K extends BroadcastType>(type: K, fn: (payload: BroadcastPayload<K>) => void): () => void {
    const set = broadcastListeners.get(type) ?? new Set<Listener>();
    broadcastListeners.set(type, set);
    const listener = fn as Listener;
    set.add(listener);
    return () => set.delete(listener);
  }

  function onReconnected(fn: () => void): () => void {
    reconnectedListeners.add(fn);
    return () => reconnectedListeners.delete(fn);
  }

  // ---- API over the stream (servers older than 12.111.0) ----------------------------------------

  function apiOverStream(endpoint: string, data: Record<string, unknown>, timeoutMs = DEFAULT_API_TIMEOUT_MS): Promise<unknown> {
    if (!options?.legacyApi) {
      return Promise.reject(
        new Error(`${endpoint}: API over the stream is off (servers since 12.111.0 never answer it); use REST`),
      );
    }
    if (!isOpen()) return Promise.reject(new TypeError(`${endpoint}: the stream is not open`));
    return api.call(endpoint, data, timeoutMs);
  }

  return {
    state: computed(() => state.value),
    downSince: computed(() => downSince.value),
    polling,
    stats: readonly(stats),
    captureCount: captures.count,
    isCaptured: captures.has,
    start,
    stop,
    reset,
    connect: channels.connect,
    capture: captures.capture,
    release: captures.release,
    readNotification,
    onNoteUpdated,
    onBroadcast,
    onReconnected,
    onPoll: poller.onPoll,
    apiOverStream,
  };
});
