import type { UserRecord } from '../db.ts';
import type { Endpoint } from '../endpoint.ts';
import { idToDate } from '../ids.ts';
import { packNote, packUserDetailed, packUserLite } from '../pack.ts';
import { optionalEnum, optionalId, optionalInteger, requiredString } from '../params.ts';
import { isPureRenote, mutedFor } from '../visibility.ts';

// What an explore page reads: featured notes, trending tags, user search, popular and pinned users.

const MINUTE = 60_000;
const FEATURED_WINDOW_MS = 3 * 24 * 60 * MINUTE;
const TREND_INTERVAL_MS = 10 * MINUTE;
const TREND_POINTS = 20;

const byUpdated = (a: UserRecord, b: UserRecord) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '');

export const exploreEndpoints: Record<string, Endpoint> = {
  // The most reacted public notes of the last three days, then listed newest first.
  'notes/featured': {
    allowGet: true,
    cacheSec: 3600,
    handler: (ctx) => {
      const limit = optionalInteger(ctx.params, 'limit', 10, 1, 100);
      const untilId = optionalId(ctx.params, 'untilId');
      const viewerId = ctx.me?.id ?? null;
      const since = Date.now() - FEATURED_WINDOW_MS;
      const ranked = [...ctx.db.notes.values()]
        .filter(
          (n) =>
            n.visibility === 'public' &&
            n.channelId === null &&
            n.replyId === null &&
            !isPureRenote(n) &&
            n.reactions.length > 0 &&
            idToDate(n.id).getTime() > since,
        )
        .sort((a, b) => b.reactions.length - a.reactions.length)
        .slice(0, 100);
      return ranked
        .filter((n) => (untilId === undefined || n.id < untilId) && !mutedFor(ctx.db, n, viewerId))
        .sort((a, b) => (a.id < b.id ? 1 : -1))
        .slice(0, limit)
        .map((n) => packNote(ctx.db, n, viewerId, { detail: true }));
    },
  },
  // Tags of public notes by how many people used them lately; chart[0] is the latest ten minutes.
  'hashtags/trend': {
    allowGet: true,
    cacheSec: 60,
    handler: (ctx) => {
      const now = Date.now();
      const users = new Map<string, Set<string>[]>();
      for (const note of ctx.db.notes.values()) {
        if (note.visibility !== 'public' || note.tags.length === 0) continue;
        const slot = Math.floor((now - idToDate(note.id).getTime()) / TREND_INTERVAL_MS);
        if (slot < 0 || slot >= TREND_POINTS) continue;
        for (const tag of note.tags) {
          const slots = users.get(tag) ?? Array.from({ length: TREND_POINTS }, () => new Set<string>());
          slots[slot]!.add(note.userId);
          users.set(tag, slots);
        }
      }
      return [...users]
        .map(([tag, slots]) => ({
          tag,
          chart: slots.map((s) => s.size),
          usersCount: new Set(slots.flatMap((s) => [...s])).size,
        }))
        .sort((a, b) => b.usersCount - a.usersCount || a.tag.localeCompare(b.tag))
        .slice(0, 10);
    },
  },
  // Name or username first; when that finds fewer than `limit`, bios too, without removing repeats
  // (so one user can appear twice, as rest-users-search.json shows).
  'users/search': {
    handler: (ctx) => {
      const query = requiredString(ctx.params, 'query').trim();
      const limit = optionalInteger(ctx.params, 'limit', 10, 1, 100);
      const offset = optionalInteger(ctx.params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
      const origin = optionalEnum(ctx.params, 'origin', ['local', 'remote', 'combined'] as const, 'combined');
      const detail = ctx.params.detail !== false;
      const viewerId = ctx.me?.id ?? null;
      const pack = (u: UserRecord) => (detail ? packUserDetailed(ctx.db, u, viewerId) : packUserLite(ctx.db, u));
      if (origin === 'remote' || query === '') return [];
      const everyone = [...ctx.db.users.values()].sort(byUpdated);
      const q = query.toLowerCase();
      if (q.startsWith('@')) {
        const name = q.slice(1);
        return everyone
          .filter((u) => u.username.toLowerCase().startsWith(name))
          .slice(offset, offset + limit)
          .map(pack);
      }
      const named = everyone
        .filter((u) => (u.name ?? '').toLowerCase().includes(q) || u.username.toLowerCase().includes(q))
        .slice(offset, offset + limit);
      const byBio =
        named.length < limit
          ? everyone.filter((u) => (u.description ?? '').toLowerCase().includes(q)).slice(0, limit - named.length)
          : [];
      return [...named, ...byBio].map(pack);
    },
  },
  users: {
    handler: (ctx) => {
      const limit = optionalInteger(ctx.params, 'limit', 10, 1, 100);
      const offset = optionalInteger(ctx.params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
      const sort = optionalEnum(
        ctx.params,
        'sort',
        ['+follower', '-follower', '+createdAt', '-createdAt', '+updatedAt', '-updatedAt'] as const,
        '+follower',
      );
      const origin = optionalEnum(ctx.params, 'origin', ['combined', 'local', 'remote'] as const, 'local');
      optionalEnum(ctx.params, 'state', ['all', 'alive'] as const, 'all');
      if (origin === 'remote') return [];
      const key = (u: UserRecord): number | string =>
        sort.endsWith('follower') ? ctx.db.followersOf(u.id).length : sort.endsWith('createdAt') ? u.id : (u.updatedAt ?? '');
      const sign = sort.startsWith('+') ? -1 : 1;
      const sorted = [...ctx.db.users.values()].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        return x === y ? 0 : x < y ? -sign : sign;
      });
      return sorted.slice(offset, offset + limit).map((u) => packUserDetailed(ctx.db, u, ctx.me?.id ?? null));
    },
  },
  'pinned-users': {
    handler: (ctx) =>
      ctx.db.pinnedUsers.flatMap((name) => {
        const user = ctx.db.userByName(name);
        return user ? [packUserDetailed(ctx.db, user, ctx.me?.id ?? null)] : [];
      }),
  },
};
