// A stand-in for the browser WebSocket that records what the client sends and lets a test play the
// server: open the socket, push frames, drop it. Install with vi.stubGlobal('WebSocket', FakeWebSocket).
export class FakeWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;

  /** Every socket created since the last reset(), oldest first. */
  static instances: FakeWebSocket[] = [];

  static reset(): void {
    FakeWebSocket.instances = [];
  }

  static get latest(): FakeWebSocket {
    const ws = FakeWebSocket.instances.at(-1);
    if (!ws) throw new Error('no WebSocket was created');
    return ws;
  }

  readonly url: string;
  readyState = FakeWebSocket.CONNECTING;
  readonly sent: string[] = [];
  closedByClient = false;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(url: string | URL) {
    this.url = String(url);
    FakeWebSocket.instances.push(this);
  }

  /** What the client sent, parsed. */
  get frames(): unknown[] {
    return this.sent.map((text) => JSON.parse(text) as unknown);
  }

  // Like a browser: throws while connecting, silently discards once closing or closed.
  send(data: string): void {
    if (this.readyState === FakeWebSocket.CONNECTING) throw new DOMException('still connecting', 'InvalidStateError');
    if (this.readyState === FakeWebSocket.OPEN) this.sent.push(data);
  }

  close(): void {
    if (this.readyState >= FakeWebSocket.CLOSING) return;
    this.closedByClient = true;
    this.readyState = FakeWebSocket.CLOSED;
    this.onclose?.(new CloseEvent('close', { code: 1005, wasClean: true }));
  }

  // ---- the server's side ----

  serverOpen(): void {
    this.readyState = FakeWebSocket.OPEN;
    this.onopen?.(new Event('open'));
  }

  /** Delivers a frame: objects are sent as JSON, strings as they are. */
  serverSend(frame: unknown): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    this.onmessage?.(new MessageEvent('message', { data }));
  }

  /** What a browser reports for a refused handshake or a dropped connection: error, then 1006. */
  serverDrop(): void {
    this.readyState = FakeWebSocket.CLOSED;
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close', { code: 1006, wasClean: false }));
  }
}
