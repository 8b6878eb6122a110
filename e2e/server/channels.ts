import { isRoomMember } from './chat.ts';
import type { Db, NoteRecord } from './db.ts';
import { inList, inTimeline, mutedFor, type TimelineKind } from './visibility.ts';

// The stream channels this server offers, with Misskey's rules for each (§4 of the protocol doc).

export interface ChannelSpec {
  shared: boolean;
  requireLogin: boolean;
  /** the permission an access token needs; a connect without it is ignored */
  kind?: string;
  /** for timeline-like channels: does a new note belong on this instance? */
  accepts?: (db: Db, note: NoteRecord, userId: string | null, params: Record<string, unknown>) => boolean;
  /** checked on connect; a false answer makes the connect a no-op */
  validParams?: (db: Db, userId: string | null, params: Record<string, unknown>) => boolean;
  /** only on the 2026 profile (chat); 2024.10 does not know the channel */
  modernOnly?: boolean;
}

// Params are read with "truthy" logic, as Misskey does.
const flag = (params: Record<string, unknown>, key: string, fallback: boolean) =>
  params[key] === undefined ? fallback : Boolean(params[key]);

function timeline(kind: TimelineKind, allowReplies: boolean): ChannelSpec['accepts'] {
  return (db, note, userId, params) =>
    inTimeline(db, kind, note, userId, {
      withRenotes: flag(params, 'withRenotes', true),
      withReplies: allowReplies && flag(params, 'withReplies', false),
      withFiles: flag(params, 'withFiles', false),
    });
}

function hashtagGroups(params: Record<string, unknown>): string[][] | null {
  const q = params.q;
  if (!Array.isArray(q) || !q.every((g) => Array.isArray(g) && g.every((t) => typeof t === 'string'))) return null;
  return (q as string[][]).map((g) => g.map((t) => t.toLowerCase()));
}

export const CHANNELS: Record<string, ChannelSpec> = {
  // Chat (2026): events come from chat.ts through the hub; the client sends `read`.
  chatUser: {
    shared: false,
    requireLogin: true,
    kind: 'read:chat',
    modernOnly: true,
    validParams: (db, userId, params) =>
      typeof params.otherId === 'string' && db.users.has(params.otherId) && params.otherId !== userId,
  },
  chatRoom: {
    shared: false,
    requireLogin: true,
    kind: 'read:chat',
    modernOnly: true,
    validParams: (db, userId, params) => {
      const room = typeof params.roomId === 'string' ? db.chatRooms.get(params.roomId) : undefined;
      return room !== undefined && userId !== null && isRoomMember(db, room, userId);
    },
  },
  main: { shared: true, requireLogin: true, kind: 'read:account' },
  drive: { shared: true, requireLogin: true, kind: 'read:account' },
  homeTimeline: { shared: false, requireLogin: true, kind: 'read:account', accepts: timeline('home', false) },
  localTimeline: { shared: false, requireLogin: false, accepts: timeline('local', true) },
  hybridTimeline: { shared: false, requireLogin: true, kind: 'read:account', accepts: timeline('hybrid', true) },
  globalTimeline: { shared: false, requireLogin: false, accepts: timeline('global', false) },
  hashtag: {
    shared: false,
    requireLogin: false,
    validParams: (_db, _userId, params) => hashtagGroups(params) !== null,
    accepts: (db, note, userId, params) =>
      note.visibility === 'public' &&
      !mutedFor(db, note, userId) &&
      (hashtagGroups(params) ?? []).some((g) => g.length > 0 && g.every((t) => note.tags.includes(t))),
  },
  // Marked "no login needed" upstream, but its setup reads the user, so anonymous sockets get nothing.
  userList: {
    shared: false,
    requireLogin: true,
    validParams: (db, userId, params) => typeof params.listId === 'string' && db.lists.get(params.listId)?.userId === userId,
    accepts: (db, note, _userId, params) => {
      const list = db.lists.get(String(params.listId));
      return (
        list !== undefined &&
        inList(db, list, note, { withRenotes: flag(params, 'withRenotes', true), withFiles: flag(params, 'withFiles', false) })
      );
    },
  },
};
