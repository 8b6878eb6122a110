import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Misskey from 'misskey-js';
import { createAnnouncement, packAnnouncement } from './announcements.ts';
import { ApiError } from './errors.ts';
import type { Fault, FaultMode, Faults } from './faults.ts';
import { CORS, readBody, sendJson } from './http.ts';
import { emojiSvg } from './images.ts';
import { packEmojiDetailed } from './pack.ts';
import { invoke } from './invoke.ts';
import { vapidPublicKey } from './push.ts';
import type { Params } from './params.ts';
import type { SeedUser } from './seed.ts';
import type { Db } from './db.ts';
import type { StreamHub } from './stream.ts';

// The control API for the e2e suite, mounted under /__test/ only with --test.

export interface ControlTarget {
  db(): Db;
  users(): Record<string, SeedUser>;
  notes(): Record<string, string>;
  reset(): void;
  stream: StreamHub;
  faults: Faults;
}

const FAULT_MODES: FaultMode[] = ['500', '429', '502-html', 'delay'];

function bad(res: ServerResponse, message: string): void {
  sendJson(res, 400, { error: message }, CORS);
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, target: ControlTarget): Promise<void> {
  const route = url.pathname.slice('/__test/'.length);
  if (req.method === 'GET' && route === 'state') {
    sendJson(res, 200, { users: target.users(), notes: target.notes() }, CORS);
    return;
  }
  if (req.method === 'GET' && route === 'sockets') {
    sendJson(res, 200, target.stream.describe(), CORS);
    return;
  }
  if (req.method === 'GET' && route === 'push') {
    const db = target.db();
    sendJson(res, 200, { registrations: db.swSubscriptions, pushes: db.pushes }, CORS);
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 404, { error: 'unknown control route' }, CORS);
    return;
  }
  const raw = await readBody(req);
  let body: Params;
  try {
    body = raw.length ? (JSON.parse(raw.toString('utf8')) as Params) : {};
  } catch {
    bad(res, 'body is not JSON');
    return;
  }
  const db = target.db();
  switch (route) {
    case 'reset':
      target.reset();
      sendJson(res, 200, { ok: true, users: target.users() }, CORS);
      return;
    case 'act': {
      const user = typeof body.as === 'string' ? db.userByName(body.as) : undefined;
      if (!user || typeof body.endpoint !== 'string') return bad(res, 'need {as: username, endpoint, params?}');
      const params = (typeof body.params === 'object' && body.params !== null ? body.params : {}) as Params;
      try {
        const result = await invoke(db, body.endpoint, params, { user, permissions: null });
        sendJson(res, 200, { status: result === undefined ? 204 : 200, body: result ?? null }, CORS);
      } catch (error) {
        if (error instanceof ApiError) sendJson(res, 200, { status: error.status, body: error.body() }, CORS);
        else throw error;
      }
      return;
    }
    case 'post-notes': {
      // Many notes in one request (a long timeline for a test), each through notes/create.
      const user = typeof body.as === 'string' ? db.userByName(body.as) : undefined;
      const texts = Array.isArray(body.texts) ? body.texts.filter((t): t is string => typeof t === 'string') : [];
      if (!user || !texts.length) return bad(res, 'need {as: username, texts: string[]}');
      const ids: string[] = [];
      for (const text of texts) {
        const created = (await invoke(db, 'notes/create', { text }, { user, permissions: null })) as {
          createdNote: { id: string };
        };
        ids.push(created.createdNote.id);
      }
      sendJson(res, 200, { ids }, CORS);
      return;
    }
    case 'run-later':
      // What the server set for later (scheduled notes, delayed events) happens now.
      sendJson(res, 200, { ran: db.runLater() }, CORS);
      return;
    case 'drop-sockets':
      target.stream.dropAll();
      sendJson(res, 200, { ok: true }, CORS);
      return;
    case 'refuse-upgrades':
      if (typeof body.seconds !== 'number') return bad(res, 'need {seconds}');
      target.stream.refuseFor(body.seconds);
      sendJson(res, 200, { ok: true }, CORS);
      return;
    case 'send-raw': {
      if (typeof body.frame !== 'string') return bad(res, 'need {frame: string, user?}');
      const user = typeof body.user === 'string' ? db.userByName(body.user) : undefined;
      if (typeof body.user === 'string' && !user) return bad(res, 'unknown user');
      sendJson(res, 200, { sent: target.stream.sendRaw(body.frame, user?.id) }, CORS);
      return;
    }
    case 'fault': {
      if (typeof body.endpoint !== 'string' || !FAULT_MODES.includes(body.mode as FaultMode))
        return bad(res, 'need {endpoint, mode}');
      const fault: Fault = {
        endpoint: body.endpoint,
        mode: body.mode as FaultMode,
        delayMs: typeof body.delayMs === 'number' ? body.delayMs : 1000,
        retryAfter: typeof body.retryAfter === 'number' ? body.retryAfter : 1,
        remaining: typeof body.times === 'number' ? body.times : Infinity,
      };
      target.faults.add(fault);
      sendJson(res, 200, { ok: true }, CORS);
      return;
    }
    case 'fault/clear':
      target.faults.clear();
      sendJson(res, 200, { ok: true }, CORS);
      return;
    case 'revoke-token':
    case 'regenerate-token': {
      const user = typeof body.user === 'string' ? db.userByName(body.user) : undefined;
      if (!user) return bad(res, 'need {user}');
      for (const [token, record] of db.tokens) if (record.userId === user.id) db.tokens.delete(token);
      // As i/regenerate-token does: open sockets stay up and hear that their token is dead.
      if (route === 'regenerate-token') db.events.emit('main', user.id, 'myTokenRegenerated', null);
      sendJson(res, 200, { ok: true }, CORS);
      return;
    }
    case 'announcement': {
      const result = postAnnouncement(db, body);
      if (typeof result === 'string') return bad(res, result);
      sendJson(res, 200, result, CORS);
      return;
    }
    case 'service-worker': {
      // What admin/update-meta does to enableServiceWorker (turned off here, the key goes too, as
      // on a server that never set one up).
      if (typeof body.enabled !== 'boolean') return bad(res, 'need {enabled: boolean}');
      db.serviceWorker = body.enabled
        ? { enabled: true, publicKey: db.serviceWorker.publicKey ?? vapidPublicKey() }
        : { enabled: false, publicKey: null };
      sendJson(res, 200, { ok: true, publicKey: db.serviceWorker.publicKey }, CORS);
      return;
    }
    case 'policies': {
      const user = typeof body.user === 'string' ? db.userByName(body.user) : undefined;
      if (!user || typeof body.policies !== 'object' || body.policies === null) return bad(res, 'need {user, policies}');
      user.policyOverrides = { ...user.policyOverrides, ...(body.policies as Params) };
      sendJson(res, 200, { ok: true }, CORS);
      return;
    }
    case 'emoji': {
      const result = changeEmoji(db, body);
      if (typeof result === 'string') return bad(res, result);
      sendJson(res, 200, result, CORS);
      return;
    }
    default:
      sendJson(res, 404, { error: 'unknown control route' }, CORS);
  }
}

// Adds, updates or deletes a custom emoji and broadcasts it like the admin endpoints do.
function changeEmoji(db: Db, body: Params): Misskey.entities.EmojiDetailed | string {
  const name = typeof body.name === 'string' && /^[\w+-]+$/.test(body.name) ? body.name : null;
  if (!name) return 'need {action, name}';
  const category = typeof body.category === 'string' ? body.category : null;
  const aliases = Array.isArray(body.aliases) ? body.aliases.filter((a): a is string => typeof a === 'string') : [];
  const existing = db.emojis.get(name);
  switch (body.action) {
    case 'add': {
      if (existing) return 'emoji exists';
      const fileName = `emoji-${name}.svg`;
      db.assets.set(fileName, { type: 'image/svg+xml', data: emojiSvg('#c58af9', 'open') });
      const emoji = { id: db.ids.next(), name, category, aliases, fileName, isSensitive: false };
      db.emojis.set(name, emoji);
      const packed = packEmojiDetailed(db, emoji);
      db.events.emit('broadcast', 'emojiAdded', { emoji: packed });
      return packed;
    }
    case 'update': {
      if (!existing) return 'no such emoji';
      existing.category = category;
      existing.aliases = aliases;
      const packed = packEmojiDetailed(db, existing);
      db.events.emit('broadcast', 'emojiUpdated', { emojis: [packed] });
      return packed;
    }
    case 'delete': {
      if (!existing) return 'no such emoji';
      db.emojis.delete(name);
      const packed = packEmojiDetailed(db, existing);
      db.events.emit('broadcast', 'emojiDeleted', { emojis: [packed] });
      return packed;
    }
    default:
      return "action must be 'add', 'update' or 'delete'";
  }
}

// Posts an announcement as admin/announcements/create would, for everyone or for one user.
function postAnnouncement(db: Db, body: Params): Misskey.entities.Announcement | string {
  const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T | null =>
    value === undefined ? fallback : allowed.includes(value as T) ? (value as T) : null;
  if (typeof body.title !== 'string' || typeof body.text !== 'string') return 'need {title, text}';
  const display = oneOf(body.display, ['normal', 'banner', 'dialog'] as const, 'normal');
  const icon = oneOf(body.icon, ['info', 'warning', 'error', 'success'] as const, 'info');
  if (!display || !icon) return "display is 'normal', 'banner' or 'dialog'; icon is 'info', 'warning', 'error' or 'success'";
  const user = typeof body.user === 'string' ? db.userByName(body.user) : undefined;
  if (typeof body.user === 'string' && !user) return 'unknown user';
  const record = createAnnouncement(db, {
    title: body.title,
    text: body.text,
    display,
    icon,
    imageUrl: typeof body.imageUrl === 'string' ? body.imageUrl : null,
    needConfirmationToRead: body.needConfirmationToRead === true,
    silence: body.silence === true,
    userId: user?.id ?? null,
  });
  return packAnnouncement(record, null);
}
