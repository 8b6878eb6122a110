import { notificationTypes } from 'misskey-js/consts.js';
import { pinNote, unpinNote } from '../actions.ts';
import type { Db, NotificationRecord } from '../db.ts';
import { signedIn, type Endpoint, type EndpointContext } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { idToDate } from '../ids.ts';
import { readAllNotifications } from '../notify.ts';
import { packMe, packNotification, packUserLiteById, rolePolicies } from '../pack.ts';
import { optionalBoolean, requiredId, type Params } from '../params.ts';
import { readProfileUpdate } from '../profileUpdate.ts';
import { page, readPaging } from '../paging.ts';

// 2026 checks each type against its enum, which has no `:grouped` kinds (they are output only).
function typeList(db: Db, params: Params, name: 'includeTypes' | 'excludeTypes'): string[] | null {
  const value = params[name];
  if (!Array.isArray(value)) return null;
  if (db.modern && value.some((t) => !(notificationTypes as readonly unknown[]).includes(t)))
    throw errors.invalidParam(`#/properties/${name}/items/enum`, 'must be equal to one of the allowed values');
  return value as string[];
}

function typeFilter(db: Db, params: Params): (n: NotificationRecord) => boolean {
  const include = typeList(db, params, 'includeTypes');
  const exclude = typeList(db, params, 'excludeTypes') ?? [];
  return (n) => (include === null || include.includes(n.type)) && !exclude.includes(n.type);
}

function notificationsOf(db: Db, userId: string): NotificationRecord[] {
  return db.notifications.filter((n) => n.userId === userId).sort((a, b) => (a.id < b.id ? 1 : -1));
}

// i/update's mutedWords: arrays of words, or "/regex/flags" strings that compile; the whole list
// may not exceed the role's wordMuteLimit characters as JSON.
function readMutedWords(params: Params, limit: number): (string[] | string)[] | undefined {
  const value = params.mutedWords;
  if (value === undefined) return undefined;
  const ok =
    Array.isArray(value) &&
    value.every((f) => typeof f === 'string' || (Array.isArray(f) && f.every((w) => typeof w === 'string')));
  if (!ok) throw errors.invalidParam('#/properties/mutedWords/type', 'must be array');
  const filters = value as (string[] | string)[];
  if (JSON.stringify(filters).length > limit) throw errors.tooManyMutedWords();
  for (const f of filters) {
    if (typeof f !== 'string') continue;
    const match = /^\/(.+)\/(.*)$/.exec(f);
    try {
      if (!match) throw new Error('not a regex');
      new RegExp(match[1]!, match[2]);
    } catch {
      throw errors.invalidRegexp();
    }
  }
  return filters;
}

// The caller's notifications as `read` gives them; marks them all read unless told not to.
function readNotifications<T>(ctx: EndpointContext, read: (all: NotificationRecord[]) => T): T {
  const me = signedIn(ctx);
  const packed = read(notificationsOf(ctx.db, me.id));
  if (optionalBoolean(ctx.params, 'markAsRead', true)) readAllNotifications(ctx.db, me.id);
  return packed;
}

// 2024.10's i/notifications-grouped: up to 100 more than asked are read, newest first whatever
// the cursor; consecutive reactions to one note (or renotes of one note) become one entry; the
// first `limit` entries are answered.
function groupedPage(ctx: EndpointContext, all: NotificationRecord[]): unknown[] {
  const { limit, untilId, sinceId } = readPaging(ctx.params);
  const filter = typeFilter(ctx.db, ctx.params);
  const newest = page(
    all,
    { limit: limit + 100, ...(untilId ? { untilId } : {}) },
    (n) => filter(n) && (!sinceId || n.id > sinceId),
  );
  return groupNotifications(ctx.db, newest).slice(0, limit);
}

function groupNotifications(db: Db, list: NotificationRecord[]): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  while (i < list.length) {
    const first = list[i]!;
    let j = i + 1;
    if (first.type === 'reaction' || first.type === 'renote') {
      while (j < list.length && list[j]!.type === first.type && groupKey(db, list[j]!) === groupKey(db, first)) j++;
    }
    const members = list.slice(i, j);
    i = j;
    if (members.length === 1) {
      out.push(packNotification(db, first));
      continue;
    }
    const oldest = members[members.length - 1]!;
    if (first.type === 'reaction') {
      out.push({
        id: oldest.id,
        createdAt: idToDate(first.id).toISOString(),
        type: 'reaction:grouped',
        note: (packNotification(db, first) as { note?: unknown }).note,
        reactions: members.map((m) => ({ user: packUserLiteById(db, m.notifierId!), reaction: m.reaction })),
      });
    } else {
      const renoteNote = (packNotification(db, first) as { note?: unknown }).note;
      out.push({
        id: oldest.id,
        createdAt: idToDate((members[1] ?? first).id).toISOString(),
        type: 'renote:grouped',
        note: renoteNote,
        users: members.map((m) => packUserLiteById(db, m.notifierId!)),
      });
    }
  }
  return out;
}

// Renote notifications group by the renoted note; reactions by the reacted note.
function groupKey(db: Db, n: NotificationRecord): string | null {
  if (n.type === 'renote') return db.notes.get(n.noteId ?? '')?.renoteId ?? null;
  return n.noteId;
}

export const accountEndpoints: Record<string, Endpoint> = {
  i: {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => packMe(ctx.db, signedIn(ctx)),
  },
  'i/notifications': {
    requireCredential: true,
    kind: 'read:notifications',
    handler: (ctx) =>
      readNotifications(ctx, (all) =>
        page(all, readPaging(ctx.params), typeFilter(ctx.db, ctx.params)).map((n) => packNotification(ctx.db, n)),
      ),
  },
  'i/notifications-grouped': {
    // Grouping came with the 2023 releases; the legacy stand-in (12.110) answers as for an unknown endpoint.
    since: '2023.1.0',
    requireCredential: true,
    kind: 'read:notifications',
    handler: (ctx) => readNotifications(ctx, (all) => groupedPage(ctx, all)),
  },
  'i/update': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const applyProfile = readProfileUpdate(ctx.db, me, ctx.params);
      const mutedWords = readMutedWords(ctx.params, rolePolicies(ctx.db, me).wordMuteLimit);
      applyProfile();
      if (mutedWords !== undefined) me.mutedWords = mutedWords;
      me.updatedAt = new Date().toISOString();
      const packed = packMe(ctx.db, me);
      ctx.db.events.emit('main', me.id, 'meUpdated', packed);
      return packed;
    },
  },
  'notifications/mark-all-as-read': {
    requireCredential: true,
    kind: 'write:notifications',
    handler: (ctx) => {
      readAllNotifications(ctx.db, signedIn(ctx).id, true);
      return undefined;
    },
  },
  'i/pin': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      pinNote(ctx.db, me, requiredId(ctx.params, 'noteId'), rolePolicies(ctx.db, me).pinLimit);
      return packMe(ctx.db, me);
    },
  },
  'i/unpin': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      unpinNote(ctx.db, me, requiredId(ctx.params, 'noteId'));
      return packMe(ctx.db, me);
    },
  },
};
