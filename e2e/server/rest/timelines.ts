import type { Db, NoteRecord } from '../db.ts';
import { type Endpoint, type EndpointContext, signedIn } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { packNote, rolePolicies } from '../pack.ts';
import { optionalBoolean, optionalEnum, optionalId, optionalString, requiredString, type Params } from '../params.ts';
import { page, readPaging } from '../paging.ts';
import { canSee, inTimeline, isPureRenote, mutedFor, type TimelineFilter, type TimelineKind } from '../visibility.ts';

export function readTimelineFilter(params: Params, allowReplies: boolean): TimelineFilter {
  const filter = {
    withRenotes: optionalBoolean(params, 'withRenotes', true),
    withReplies: allowReplies ? optionalBoolean(params, 'withReplies', false) : false,
    withFiles: optionalBoolean(params, 'withFiles', false),
  };
  if (filter.withReplies && filter.withFiles) throw errors.bothWithRepliesAndWithFiles();
  return filter;
}

function packAll(db: Db, notes: NoteRecord[], viewerId: string | null) {
  return notes.map((n) => packNote(db, n, viewerId, { detail: true }));
}

function timeline(kind: TimelineKind, allowReplies: boolean) {
  return (ctx: EndpointContext) => {
    const viewerId = ctx.me?.id ?? null;
    const filter = readTimelineFilter(ctx.params, allowReplies);
    const notes = page(ctx.db.notesNewestFirst(), readPaging(ctx.params), (n) => inTimeline(ctx.db, kind, n, viewerId, filter));
    return packAll(ctx.db, notes, viewerId);
  };
}

export const timelineEndpoints: Record<string, Endpoint> = {
  'notes/timeline': { requireCredential: true, kind: 'read:account', handler: timeline('home', false) },
  'notes/local-timeline': { handler: timeline('local', true) },
  'notes/hybrid-timeline': { requireCredential: true, kind: 'read:account', handler: timeline('hybrid', true) },
  'notes/global-timeline': { handler: timeline('global', false) },
  'notes/mentions': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const following = optionalBoolean(ctx.params, 'following', false);
      const visibility =
        ctx.params.visibility === undefined
          ? null
          : optionalEnum(ctx.params, 'visibility', ['public', 'home', 'followers', 'specified'], 'public');
      const notes = page(
        ctx.db.notesNewestFirst(),
        readPaging(ctx.params),
        (n) =>
          n.mentions.includes(me.id) &&
          canSee(ctx.db, n, me.id) &&
          !mutedFor(ctx.db, n, me.id) &&
          (visibility === null || n.visibility === visibility) &&
          (!following || ctx.db.isFollowing(me.id, n.userId)),
      );
      return packAll(ctx.db, notes, me.id);
    },
  },
  'users/notes': {
    handler: (ctx) => {
      const userId = optionalId(ctx.params, 'userId');
      if (!userId) throw errors.invalidParam('#/required', "must have required property 'userId'");
      if (!ctx.db.users.has(userId)) throw errors.noSuchUser();
      const viewerId = ctx.me?.id ?? null;
      const withReplies = optionalBoolean(ctx.params, 'withReplies', false);
      const withRenotes = optionalBoolean(ctx.params, 'withRenotes', true);
      const withFiles = optionalBoolean(ctx.params, 'withFiles', false);
      const notes = page(
        ctx.db.notesNewestFirst(),
        readPaging(ctx.params),
        (n) =>
          n.userId === userId &&
          canSee(ctx.db, n, viewerId) &&
          (withReplies || n.replyId === null) &&
          (withRenotes || n.renoteId === null || n.text !== null) &&
          (!withFiles || n.fileIds.length > 0),
      );
      return packAll(ctx.db, notes, viewerId);
    },
  },
  'notes/search': {
    handler: (ctx) => {
      const query = requiredString(ctx.params, 'query').toLowerCase();
      const viewerId = ctx.me?.id ?? null;
      if (!rolePolicies(ctx.db, ctx.me).canSearchNotes) throw errors.searchUnavailable();
      const userId = optionalId(ctx.params, 'userId');
      // Every note here is local: '.' (or no host) finds them, any other host finds nothing.
      const host = optionalString(ctx.params, 'host');
      const words = query.split(/\s+/).filter(Boolean);
      const notes = page(
        ctx.db.notesNewestFirst(),
        readPaging(ctx.params),
        (n) =>
          (host === undefined || host === '.') &&
          (userId === undefined || n.userId === userId) &&
          !isPureRenote(n) &&
          canSee(ctx.db, n, viewerId) &&
          !mutedFor(ctx.db, n, viewerId) &&
          words.every((w) => `${n.cw ?? ''} ${n.text ?? ''}`.toLowerCase().includes(w)),
      );
      return packAll(ctx.db, notes, viewerId);
    },
  },
  'notes/search-by-tag': {
    handler: (ctx) => {
      const viewerId = ctx.me?.id ?? null;
      const tag = typeof ctx.params.tag === 'string' ? requiredString(ctx.params, 'tag').toLowerCase() : null;
      const query = Array.isArray(ctx.params.query) ? (ctx.params.query as unknown[]) : null;
      if (tag === null && query === null) throw errors.invalidParam('#/anyOf', 'must match a schema in anyOf');
      const groups = query
        ? query
            .filter(Array.isArray)
            .map((g) => (g as unknown[]).filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase()))
        : [[tag!]];
      const notes = page(
        ctx.db.notesNewestFirst(),
        readPaging(ctx.params),
        (n) =>
          n.visibility === 'public' &&
          !mutedFor(ctx.db, n, viewerId) &&
          groups.some((g) => g.length > 0 && g.every((t) => n.tags.includes(t))),
      );
      return packAll(ctx.db, notes, viewerId);
    },
  },
};
