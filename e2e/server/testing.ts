import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { WebSocket } from 'ws';
import type { MisskeyProfile } from './db.ts';
import { startServer, type RunningServer } from './index.ts';

// Helpers for the conformance tests: REST calls, a recording WebSocket client, and a way
// to prove that the server ignored a frame (the server handles frames in order, so a
// later frame's answer arriving first proves the earlier one produced nothing).

/**
 * A stand-in for one test file, with the control API: started before its tests, reset to the
 * seed after each, closed at the end. `server` forwards to the running instance.
 */
export function standInForTests(misskey: MisskeyProfile = '2024.10') {
  let running: RunningServer | undefined;
  const current = (): RunningServer => {
    if (!running) throw new Error('the stand-in is not started yet (use it inside a test)');
    return running;
  };
  beforeAll(async () => {
    running = await startServer({ port: 0, test: true, misskey });
  });
  afterEach(() => current().reset());
  afterAll(() => current().close());
  const server = new Proxy({} as RunningServer, { get: (_, key) => Reflect.get(current(), key) });
  return {
    server,
    token: (name: string) => current().users[name]!.token,
    userId: (name: string) => current().users[name]!.id,
  };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

export async function api(
  server: RunningServer,
  endpoint: string,
  params: Record<string, unknown> = {},
  token?: string,
): Promise<ApiResponse> {
  const res = await fetch(`${server.url}/api/${endpoint}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(token === undefined ? params : { ...params, i: token }),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, text, body };
}

export type Frame = { type: string; body: any };

export class TestSocket {
  readonly frames: Frame[] = [];
  private waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  private syncCounter = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      let frame: Frame;
      try {
        frame = JSON.parse(text) as Frame;
      } catch {
        // raw text sent by the control API's send-raw
        frame = { type: '(raw)', body: text };
      }
      this.frames.push(frame);
      for (const w of [...this.waiters]) {
        if (w.match(frame)) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(frame);
        }
      }
    });
  }

  static open(server: RunningServer, token?: string): Promise<TestSocket> {
    const url = `${server.url.replace('http', 'ws')}/streaming${token === undefined ? '' : `?i=${encodeURIComponent(token)}`}`;
    const ws = new WebSocket(url);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestSocket(ws)));
      ws.once('error', reject);
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  connect(channel: string, id: string, params?: Record<string, unknown>, pong = false): void {
    this.send({ type: 'connect', body: { channel, id, ...(params ? { params } : {}), ...(pong ? { pong: true } : {}) } });
  }

  /** The first frame (already received or future) that matches. */
  next(match: (f: Frame) => boolean, timeoutMs = 4000): Promise<Frame> {
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching frame')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  channelEvent(id: string, type: string): Promise<Frame> {
    return this.next((f) => f.type === 'channel' && f.body.id === id && f.body.type === type);
  }

  /**
   * Round-trips a connect with pong on a throwaway localTimeline and returns every frame
   * received before its answer. Needs a free channel slot.
   */
  async sync(): Promise<Frame[]> {
    const id = `sync-${this.syncCounter++}`;
    const before = this.frames.length;
    this.connect('localTimeline', id, {}, true);
    const answer = await this.next((f) => f.type === 'connected' && f.body.id === id);
    this.send({ type: 'disconnect', body: { id } });
    return this.frames.slice(before, this.frames.indexOf(answer));
  }

  close(): void {
    this.ws.close();
  }
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when it is accepted. */
export function upgradeStatus(
  server: RunningServer,
  query: string,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/streaming${query}`);
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      ws.terminate();
    });
    ws.once('open', () => {
      resolve({ status: 101, headers: {} });
      ws.close();
    });
    ws.once('error', () => undefined);
  });
}

/** POST to the test-mode control API. */
export async function control(server: RunningServer, route: string, body: Record<string, unknown> = {}): Promise<unknown> {
  const res = await fetch(`${server.url}/__test/${route}`, { method: 'POST', body: JSON.stringify(body) });
  return res.json();
}

// Shape comparison against recorded traffic (absent vs null included).

type Shape = Record<string, string>;
const NESTED = [
  'user',
  'reply',
  'renote',
  'poll',
  'note',
  // 2026 chat and drafts
  'fromUser',
  'toUser',
  'toRoom',
  'room',
  'owner',
  'file',
  'invitation',
  'noteDraft',
  'createdDraft',
  'updatedDraft',
];

/** key → 'null' | 'array' | 'object' | typeof, recursing into the nested entities. */
function shape(value: unknown, prefix = ''): Shape {
  const out: Shape = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    const path = prefix + key;
    out[path] = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
    if (NESTED.includes(key) && v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, shape(v, `${path}.`));
    if (key === 'files' && Array.isArray(v) && v.length > 0) Object.assign(out, shape(v[0], `${path}[].`));
  }
  return out;
}

// Same keys present (absent stays absent, null stays present); where both values are
// non-null their kinds agree. Whether a nullable field is null depends on the data.
export function expectSameShape(actual: unknown, recorded: unknown): void {
  const ours = shape(actual);
  const theirs = shape(recorded);
  expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
  const differing = Object.keys(ours).filter((k) => ours[k] !== 'null' && theirs[k] !== 'null' && ours[k] !== theirs[k]);
  expect(differing.map((k) => `${k}: ${ours[k]} vs ${theirs[k]}`)).toEqual([]);
}
