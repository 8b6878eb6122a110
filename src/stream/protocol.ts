import type * as Misskey from 'misskey-js';
import type { BroadcastEvents, NoteUpdatedEvent } from 'misskey-js/streaming.types.js';

// ---- server → client -------------------------------------------------------------------------

// noteUpdated has its own frame kind and listener API; these are the other top-level broadcasts.
export type BroadcastType = Exclude<keyof BroadcastEvents, 'noteUpdated'>;
export type BroadcastPayload<K extends BroadcastType> = Parameters<BroadcastEvents[K]>[0];

export type ApiReply = { res: unknown } | { error: Misskey.api.APIError };

export type IncomingFrame =
  | { kind: 'channel'; id: string; event: string; body: unknown }
  | { kind: 'noteUpdated'; event: NoteUpdatedEvent }
  | { [K in BroadcastType]: { kind: 'broadcast'; type: K; body: BroadcastPayload<K> } }[BroadcastType]
  | { kind: 'apiReply'; id: string; reply: ApiReply };

export type RejectReason = 'not-json' | 'bad-shape' | 'unknown-type';
export type ParseResult = { ok: true; frame: IncomingFrame } | { ok: false; reason: RejectReason };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const API_REPLY_PREFIX = 'api:';

// Each broadcast's body must carry the key its listeners read.
const BROADCAST_CHECKS: Record<BroadcastType, (body: Json) => boolean> = {
  emojiAdded: (b) => isObject(b.emoji),
  emojiUpdated: (b) => Array.isArray(b.emojis),
  emojiDeleted: (b) => Array.isArray(b.emojis),
  announcementCreated: (b) => isObject(b.announcement),
};

function isBroadcastType(type: string): type is BroadcastType {
  return Object.hasOwn(BROADCAST_CHECKS, type);
}

const NOTE_EVENT_CHECKS: Record<NoteUpdatedEvent['type'], (body: Json) => boolean> = {
  reacted: (b) => typeof b.reaction === 'string' && typeof b.userId === 'string' && (b.emoji == null || isObject(b.emoji)),
  unreacted: (b) => typeof b.reaction === 'string' && typeof b.userId === 'string',
  pollVoted: (b) => typeof b.choice === 'number' && typeof b.userId === 'string',
  deleted: (b) => typeof b.deletedAt === 'string',
};

function parseNoteUpdated(body: Json): ParseResult {
  if (typeof body.id !== 'string' || typeof body.type !== 'string' || !isObject(body.body)) {
    return { ok: false, reason: 'bad-shape' };
  }
  if (!Object.hasOwn(NOTE_EVENT_CHECKS, body.type)) return { ok: false, reason: 'unknown-type' };
  const check = NOTE_EVENT_CHECKS[body.type as NoteUpdatedEvent['type']];
  if (!check(body.body)) return { ok: false, reason: 'bad-shape' };
  return { ok: true, frame: { kind: 'noteUpdated', event: body as NoteUpdatedEvent } };
}

function parseApiReply(id: string, body: Json): ParseResult {
  if ('error' in body) {
    const error = body.error;
    if (!isObject(error) || typeof error.code !== 'string') return { ok: false, reason: 'bad-shape' };
    return { ok: true, frame: { kind: 'apiReply', id, reply: { error: error as Misskey.api.APIError } } };
  }
  return { ok: true, frame: { kind: 'apiReply', id, reply: { res: body.res } } };
}

/** Turns one text frame into a typed frame, or says why it was rejected. Never throws. */
export function parseFrame(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (!isObject(data) || typeof data.type !== 'string' || !isObject(data.body)) {
    return { ok: false, reason: 'bad-shape' };
  }
  const { type, body } = data;
  if (type === 'channel') {
    if (typeof body.id !== 'string' || typeof body.type !== 'string') return { ok: false, reason: 'bad-shape' };
    // Events without data arrive as `body: null` (protocol §3.1).
    return { ok: true, frame: { kind: 'channel', id: body.id, event: body.type, body: body.body ?? null } };
  }
  if (type === 'noteUpdated') return parseNoteUpdated(body);
  if (isBroadcastType(type)) {
    if (!BROADCAST_CHECKS[type](body)) return { ok: false, reason: 'bad-shape' };
    return { ok: true, frame: { kind: 'broadcast', type, body } as IncomingFrame };
  }
  if (type.startsWith(API_REPLY_PREFIX) && type.length > API_REPLY_PREFIX.length) {
    return parseApiReply(type.slice(API_REPLY_PREFIX.length), body);
  }
  return { ok: false, reason: 'unknown-type' };
}

// ---- client → server -------------------------------------------------------------------------

export type OutgoingFrame =
  | { type: 'connect'; body: { channel: string; id: string; params?: object } }
  | { type: 'disconnect'; body: { id: string } }
  | { type: 'ch'; body: { id: string; type: string; body: unknown } }
  | { type: 'subNote'; body: { id: string } }
  | { type: 'sr'; body: { id: string } }
  | { type: 'unsubNote'; body: { id: string } }
  | { type: 'readNotification'; body: Record<string, never> }
  | { type: 'api'; body: { id: string; endpoint: string; data: Record<string, unknown> } };

// `params: null` makes the server ignore the whole connect, so the key is left out (protocol §2).
export function connectFrame(channel: string, id: string, params?: object | null): OutgoingFrame {
  return { type: 'connect', body: params == null ? { channel, id } : { channel, id, params } };
}

export function disconnectFrame(id: string): OutgoingFrame {
  return { type: 'disconnect', body: { id } };
}

// The server drops a channel message whose body is undefined (a missing key), so send null instead.
export function channelMessageFrame(id: string, type: string, body: unknown): OutgoingFrame {
  return { type: 'ch', body: { id, type, body: body === undefined ? null : body } };
}

export function subNoteFrame(noteId: string): OutgoingFrame {
  return { type: 'subNote', body: { id: noteId } };
}

// A capture that also reads the note: [24.10] clears unread mention / direct state for a note this
// socket delivered and that is addressed to the reader; later servers treat it as a plain capture.
export function subNoteReadFrame(noteId: string): OutgoingFrame {
  return { type: 'sr', body: { id: noteId } };
}

export function unsubNoteFrame(noteId: string): OutgoingFrame {
  return { type: 'unsubNote', body: { id: noteId } };
}

// Marks all of the user's notifications read; `readAllNotifications` follows on main if any were unread.
export function readNotificationFrame(): OutgoingFrame {
  return { type: 'readNotification', body: {} };
}

export function apiFrame(id: string, endpoint: string, data: Record<string, unknown>): OutgoingFrame {
  return { type: 'api', body: { id, endpoint, data } };
}
