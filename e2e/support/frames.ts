import type { Page, WebSocket } from '@playwright/test';

// What the page said and heard on its stream sockets, read in the browser (Playwright's
// websocket events), so frames of sockets the server has already forgotten still count.

export interface Frame {
  type: string;
  body?: unknown;
}

export interface SocketLog {
  url: string;
  // Every text frame the client sent, parsed; non-JSON kept as the raw string.
  sent: unknown[];
  received: unknown[];
  closed: boolean;
}

export interface Channel {
  channel: string;
  params?: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(payload: string | Buffer): unknown {
  const text = typeof payload === 'string' ? payload : payload.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function asFrame(raw: unknown): Frame | null {
  return isObject(raw) && typeof raw.type === 'string' ? (raw as unknown as Frame) : null;
}

function bodyId(frame: Frame): string | null {
  return isObject(frame.body) && typeof frame.body.id === 'string' ? frame.body.id : null;
}

export class StreamLog {
  readonly sockets: SocketLog[] = [];

  // Starts recording; call before the page opens its socket (before goto).
  static attach(page: Page): StreamLog {
    const log = new StreamLog();
    page.on('websocket', (ws: WebSocket) => {
      if (!new URL(ws.url()).pathname.startsWith('/streaming')) return;
      const entry: SocketLog = { url: ws.url(), sent: [], received: [], closed: false };
      log.sockets.push(entry);
      ws.on('framesent', (f) => entry.sent.push(parse(f.payload)));
      ws.on('framereceived', (f) => entry.received.push(parse(f.payload)));
      ws.on('close', () => (entry.closed = true));
    });
    return log;
  }

  // The socket the page uses now (the last one it opened that is still open).
  current(): SocketLog | undefined {
    return [...this.sockets].reverse().find((s) => !s.closed);
  }

  // Every frame sent on every socket, oldest first, of one type (`s`/`un` count as subNote/unsubNote).
  sent(type?: string): Frame[] {
    const frames = this.sockets.flatMap((s) => s.sent.map(asFrame).filter((f): f is Frame => f !== null));
    return type === undefined ? frames : frames.filter((f) => normalType(f.type) === type);
  }

  // Note ids that got a subNote on any socket.
  subscribed(): Set<string> {
    return new Set(
      this.sent('subNote')
        .map(bodyId)
        .filter((id): id is string => id !== null),
    );
  }
}

function normalType(type: string): string {
  if (type === 's' || type === 'sr') return 'subNote';
  if (type === 'un') return 'unsubNote';
  return type;
}

function frames(sent: unknown[]): Frame[] {
  return sent.map(asFrame).filter((f): f is Frame => f !== null);
}

// The channels a socket has open after its frames: connect adds an id, disconnect removes it.
export function openChannels(sent: unknown[]): Map<string, Channel> {
  const open = new Map<string, Channel>();
  for (const f of frames(sent)) {
    const id = bodyId(f);
    if (id === null || !isObject(f.body)) continue;
    if (f.type === 'connect') {
      const params = isObject(f.body.params) ? f.body.params : undefined;
      open.set(id, { channel: String(f.body.channel), ...(params ? { params } : {}) });
    } else if (f.type === 'disconnect') {
      open.delete(id);
    }
  }
  return open;
}

// Ids a socket sent `connect` for more than once.
export function repeatedChannelIds(sent: unknown[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const f of frames(sent)) {
    const id = f.type === 'connect' ? bodyId(f) : null;
    if (id === null) continue;
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}

// subNote minus unsubNote per note on one socket; notes at zero are left out, so a negative
// count shows an unsubNote that had no subNote.
export function openCaptures(sent: unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of frames(sent)) {
    const id = bodyId(f);
    const type = normalType(f.type);
    if (id === null || (type !== 'subNote' && type !== 'unsubNote')) continue;
    const next = (counts.get(id) ?? 0) + (type === 'subNote' ? 1 : -1);
    if (next === 0) counts.delete(id);
    else counts.set(id, next);
  }
  return counts;
}
