import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { authenticate, hasPermission, type Caller } from './auth.ts';
import { CHANNELS } from './channels.ts';
import { readRoomChat, readUserChat } from './chat.ts';
import type { Db, NoteRecord } from './db.ts';
import { ApiError } from './errors.ts';
import { invoke } from './invoke.ts';
import { readAllNotifications } from './notify.ts';
import { packNote } from './pack.ts';
import type { Params } from './params.ts';
import { isPureRenote } from './visibility.ts';

// /streaming: Misskey's WebSocket protocol (handshake, channels, note captures, main events).

const MAX_CHANNELS = 32;
const PING_INTERVAL_MS = 60_000;
const PONG_TIMEOUT_MS = 120_000;

export interface ChannelInstance {
  id: string;
  channel: string;
  params: Record<string, unknown>;
}

export interface SocketInfo {
  user: string | null;
  channels: ChannelInstance[];
  captures: Record<string, number>;
  frames: unknown[];
}

class Connection {
  readonly channels: ChannelInstance[] = [];
  readonly captures = new Map<string, number>();
  /** every frame the client sent, parsed when it was JSON (for the control API) */
  readonly frames: unknown[] = [];
  /** ids of the last 32 notes (with their reply and renote) this socket delivered on a channel: `sr` reads only these */
  readonly delivered: string[] = [];
  lastPong = Date.now();

  constructor(
    readonly ws: WebSocket,
    readonly caller: Caller | undefined,
  ) {}

  get userId(): string | null {
    return this.caller?.user.id ?? null;
  }

  send(type: string, body: unknown): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type, body }));
  }

  sendChannel(id: string, type: string, body: unknown): void {
    this.send('channel', { id, type, body });
  }

  rememberDelivered(note: NoteRecord): void {
    for (const id of [note.id, note.replyId, note.renoteId]) {
      if (id === null || this.delivered.includes(id)) continue;
      this.delivered.unshift(id);
      this.delivered.splice(32);
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class StreamHub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private refuseUntil = 0;
  private readonly pinger: NodeJS.Timeout;
  private db!: Db;

  constructor(
    db: Db,
    private readonly legacyApi: boolean,
  ) {
    this.attach(db);
    this.pinger = setInterval(() => this.ping(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  /** Listens to a (new) database; called again after a reset. */
  attach(db: Db): void {
    this.db = db;
    db.events.on('note', (note) => this.onNote(note));
    db.events.on('noteUpdated', (noteId, type, body) => {
      for (const c of this.connections) if (c.captures.has(noteId)) c.send('noteUpdated', { id: noteId, type, body });
    });
    db.events.on('main', (userId, type, body) => this.onMain(userId, type, body));
    db.events.on('drive', (userId, type, body) => {
      for (const c of this.connections) {
        const drive = c.userId === userId ? c.channels.find((ch) => ch.channel === 'drive') : undefined;
        if (drive) c.sendChannel(drive.id, type, body);
      }
    });
    db.events.on('broadcast', (type, body) => {
      for (const c of this.connections) c.send(type, body);
    });
    db.events.on('userList', (listId, type, body) => {
      for (const c of this.connections)
        for (const ch of c.channels)
          if (ch.channel === 'userList' && ch.params.listId === listId) c.sendChannel(ch.id, type, body);
    });
    db.events.on('chatUser', (userId, otherId, type, body) => {
      for (const c of this.connections) {
        if (c.userId !== userId) continue;
        for (const ch of c.channels)
          if (ch.channel === 'chatUser' && ch.params.otherId === otherId) c.sendChannel(ch.id, type, body);
      }
    });
    db.events.on('chatRoom', (roomId, type, body) => {
      for (const c of this.connections) {
        for (const ch of c.channels)
          if (ch.channel === 'chatRoom' && ch.params.roomId === roomId) c.sendChannel(ch.id, type, body);
      }
    });
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (Date.now() < this.refuseUntil) {
      socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : (url.searchParams.get('i') ?? undefined);
    const caller = authenticate(this.db, token);
    if (caller === null || (caller && !hasPermission(caller, 'read:account'))) {
      const response =
        'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="Misskey", error="invalid_token", error_description="Failed to authenticate"\r\nContent-Length: 0\r\n\r\n';
      socket.end(response, () => socket.destroy());
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, caller));
  }

  private accept(ws: WebSocket, caller: Caller | undefined): void {
    const connection = new Connection(ws, caller);
    this.connections.add(connection);
    const userId = connection.userId;
    if (userId) this.db.online.set(userId, (this.db.online.get(userId) ?? 0) + 1);
    ws.on('pong', () => {
      connection.lastPong = Date.now();
    });
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onFrame(connection, data.toString());
    });
    ws.on('close', () => {
      this.connections.delete(connection);
      if (userId) this.db.online.set(userId, Math.max(0, (this.db.online.get(userId) ?? 1) - 1));
    });
    ws.on('error', () => ws.terminate());
  }

  private ping(): void {
    for (const c of this.connections) {
      if (Date.now() - c.lastPong > PONG_TIMEOUT_MS) c.ws.terminate();
      else c.ws.ping();
    }
  }

  // Bad input never closes the socket and never gets an answer: it is dropped.
  private onFrame(c: Connection, text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      c.frames.push(text);
      return;
    }
    c.frames.push(frame);
    if (!isObject(frame) || typeof frame.type !== 'string') return;
    const body = frame.body;
    switch (frame.type) {
      case 'connect':
        return this.onConnect(c, body);
      case 'disconnect':
        if (isObject(body) && typeof body.id === 'string') {
          for (let i = c.channels.length - 1; i >= 0; i--) if (c.channels[i]!.id === body.id) c.channels.splice(i, 1);
        }
        return;
      case 'subNote':
      case 's':
      case 'sr':
        if (isObject(body) && typeof body.id === 'string') {
          c.captures.set(body.id, (c.captures.get(body.id) ?? 0) + 1);
          if (frame.type === 'sr') this.markRead(c, body.id);
        }
        return;
      case 'unsubNote':
      case 'un':
        if (isObject(body) && typeof body.id === 'string') {
          const count = c.captures.get(body.id) ?? 0;
          if (count <= 1) c.captures.delete(body.id);
          else c.captures.set(body.id, count - 1);
        }
        return;
      case 'readNotification':
        if (c.userId) readAllNotifications(this.db, c.userId);
        return;
      case 'api':
        if (this.legacyApi && isObject(body)) void this.onApi(c, body);
        return;
      case 'channel':
      case 'ch':
        return this.onChannelMessage(c, body);
      default:
        return;
    }
  }

  // Only the chat channels accept messages: `read` marks the conversation read (the id is not looked at).
  private onChannelMessage(c: Connection, body: unknown): void {
    if (!isObject(body) || typeof body.id !== 'string' || typeof body.type !== 'string' || body.body === undefined) return;
    const instance = c.channels.find((ch) => ch.id === body.id);
    if (!instance || !c.userId || body.type !== 'read') return;
    if (instance.channel === 'chatUser') readUserChat(this.db, c.userId, String(instance.params.otherId));
    if (instance.channel === 'chatRoom') readRoomChat(this.db, c.userId, String(instance.params.roomId));
  }

  private onConnect(c: Connection, body: unknown): void {
    if (!isObject(body) || typeof body.id !== 'string' || typeof body.channel !== 'string') return;
    if (body.params !== undefined && !isObject(body.params)) return;
    if (body.pong !== undefined && body.pong !== null && typeof body.pong !== 'boolean') return;
    const spec = CHANNELS[body.channel];
    if (!spec || (spec.modernOnly && !this.db.modern)) return;
    if (spec.requireLogin && !c.caller) return;
    if (c.caller && spec.kind && !hasPermission(c.caller, spec.kind)) return;
    if (spec.shared && c.channels.some((ch) => ch.channel === body.channel)) return;
    if (c.channels.length >= MAX_CHANNELS) return;
    const params = (body.params ?? {}) as Record<string, unknown>;
    // 2024.10 acknowledges before its async setup, so a channel that then refuses its params still gets `connected`.
    if (body.pong === true) c.send('connected', { id: body.id });
    if (spec.validParams && !spec.validParams(this.db, c.userId, params)) return;
    c.channels.push({ id: body.id, channel: body.channel, params });
  }

  private markRead(c: Connection, noteId: string): void {
    const user = c.caller?.user;
    const note = this.db.notes.get(noteId);
    // 2026 (like upstream since 2025.4) treats sr exactly as s.
    if (this.db.modern) return;
    // 2024.10 reads only a note among the last 32 this socket delivered, addressed to the reader.
    if (!user || !note || !c.delivered.includes(noteId) || note.userId === user.id) return;
    if (!note.mentions.includes(user.id) && !note.visibleUserIds.includes(user.id)) return;
    if (user.unreadMentions.delete(noteId) && user.unreadMentions.size === 0)
      this.db.events.emit('main', user.id, 'readAllUnreadMentions', null);
    if (user.unreadSpecified.delete(noteId) && user.unreadSpecified.size === 0)
      this.db.events.emit('main', user.id, 'readAllUnreadSpecifiedNotes', null);
  }

  private mainId(c: Connection): string | undefined {
    return c.channels.find((ch) => ch.channel === 'main')?.id;
  }

  private async onApi(c: Connection, body: Record<string, unknown>): Promise<void> {
    if (typeof body.id !== 'string' || typeof body.endpoint !== 'string') return;
    const params = isObject(body.data) ? (body.data as Params) : {};
    try {
      const res = await invoke(this.db, body.endpoint, params, c.caller);
      c.send(`api:${body.id}`, { res: res ?? null });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      c.send(`api:${body.id}`, { error: apiError ? apiError.body().error : { message: String(error) } });
    }
  }

  private onNote(note: NoteRecord): void {
    let packed: ReturnType<typeof packNote> | undefined;
    for (const c of this.connections) {
      for (const instance of c.channels) {
        const accepts = CHANNELS[instance.channel]?.accepts;
        if (!accepts || !accepts(this.db, note, c.userId, instance.params)) continue;
        packed ??= packNote(this.db, note, null, { detail: true, forStream: true });
        c.rememberDelivered(note);
        // The antenna channel packs for its owner and leaves out reactionAndUserPairCache (stream-antenna.json).
        const body =
          instance.channel === 'antenna'
            ? packNote(this.db, note, c.userId, { detail: true })
            : this.withMyRenoteReaction(packed, note, c.userId);
        c.sendChannel(instance.id, 'note', body);
      }
    }
  }

  // For a pure renote the server fills in renote.myReaction for the receiver.
  private withMyRenoteReaction(packed: ReturnType<typeof packNote>, note: NoteRecord, userId: string | null) {
    if (!userId || !isPureRenote(note) || !packed.renote) return packed;
    const mine = this.db.notes.get(note.renoteId!)?.reactions.find((r) => r.userId === userId);
    return mine ? { ...packed, renote: { ...packed.renote, myReaction: mine.key } } : packed;
  }

  private onMain(userId: string, type: string, body: unknown): void {
    for (const c of this.connections) {
      if (c.userId !== userId) continue;
      const main = this.mainId(c);
      if (main !== undefined) c.sendChannel(main, type, body);
      const drive = c.channels.find((ch) => ch.channel === 'drive');
      if (drive && type === 'driveFileCreated') c.sendChannel(drive.id, 'fileCreated', body);
    }
  }

  dropAll(): void {
    for (const c of this.connections) c.ws.terminate();
  }

  refuseFor(seconds: number): void {
    this.refuseUntil = Date.now() + seconds * 1000;
  }

  /** Sends the exact text to every socket, or to one user's sockets. */
  sendRaw(frame: string, userId?: string): number {
    let sent = 0;
    for (const c of this.connections) {
      if (userId !== undefined && c.userId !== userId) continue;
      if (c.ws.readyState === WebSocket.OPEN) {
        c.ws.send(frame);
        sent++;
      }
    }
    return sent;
  }

  describe(): SocketInfo[] {
    return [...this.connections].map((c) => ({
      user: c.caller?.user.username ?? null,
      channels: c.channels,
      captures: Object.fromEntries(c.captures),
      frames: c.frames,
    }));
  }

  close(): void {
    clearInterval(this.pinger);
    this.dropAll();
    this.wss.close();
  }
}
