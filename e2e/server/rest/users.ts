import { follow, unfollow } from '../actions.ts';
import type { Db, UserRecord } from '../db.ts';
import { signedIn, type Endpoint, type EndpointContext } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { idToDate } from '../ids.ts';
import { packUserDetailed, packUserLite } from '../pack.ts';
import { page, readPaging } from '../paging.ts';
import { optionalIdArray, optionalInteger, optionalString, requiredId, type Params } from '../params.ts';

function findUser(db: Db, params: Params): UserRecord {
  const user = db.users.get(requiredId(params, 'userId'));
  if (!user) throw errors.noSuchUser();
  return user;
}

// users/following and users/followers: by userId, or by username with host null for local users.
function followList(side: 'following' | 'followers', notFound: () => Error) {
  return ({ db, params, me }: EndpointContext) => {
    const username = optionalString(params, 'username');
    const user =
      typeof username === 'string'
        ? db.userByName(username, optionalString(params, 'host', { nullable: true }) ?? null)
        : db.users.get(requiredId(params, 'userId'));
    if (!user) throw notFound();
    const viewerId = me?.id ?? null;
    const mine = db.followings().filter((f) => (side === 'following' ? f.followerId : f.followeeId) === user.id);
    return page(mine, readPaging(params)).map((f) => {
      const base = { id: f.id, createdAt: idToDate(f.id).toISOString(), followeeId: f.followeeId, followerId: f.followerId };
      const other = db.users.get(side === 'following' ? f.followeeId : f.followerId)!;
      return side === 'following'
        ? { ...base, followee: packUserDetailed(db, other, viewerId) }
        : { ...base, follower: packUserDetailed(db, other, viewerId) };
    });
  };
}

export const userEndpoints: Record<string, Endpoint> = {
  'mute/create': {
    requireCredential: true,
    kind: 'write:mutes',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const userId = requiredId(ctx.params, 'userId');
      if (userId === me.id) throw errors.muteeIsYourself();
      if (!ctx.db.users.has(userId)) throw errors.noSuchUserToMute();
      if (ctx.db.isMuting(me.id, userId)) throw errors.alreadyMuting();
      ctx.db.mutes.add(`${me.id}>${userId}`);
      return undefined;
    },
  },
  'mute/delete': {
    requireCredential: true,
    kind: 'write:mutes',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const userId = requiredId(ctx.params, 'userId');
      if (userId === me.id) throw errors.unmuteeIsYourself();
      if (!ctx.db.users.has(userId)) throw errors.noSuchUserToUnmute();
      if (!ctx.db.mutes.delete(`${me.id}>${userId}`)) throw errors.notMuting();
      return undefined;
    },
  },
  'users/following': { handler: followList('following', errors.noSuchUserFollowing) },
  'users/followers': { handler: followList('followers', errors.noSuchUserFollowers) },
  'users/show': {
    handler: ({ db, params, me }) => {
      const viewerId = me?.id ?? null;
      if (params.userIds !== undefined) {
        return optionalIdArray(params, 'userIds', 100).flatMap((id) => {
          const user = db.users.get(id);
          return user ? [packUserDetailed(db, user, viewerId)] : [];
        });
      }
      // userId wins over username when both are sent (the schema is anyOf, so extra keys pass).
      const username = params.userId === undefined ? optionalString(params, 'username') : undefined;
      const host = optionalString(params, 'host', { nullable: true });
      const user =
        typeof username === 'string' ? db.userByName(username, host ?? null) : db.users.get(requiredId(params, 'userId'));
      if (!user) throw errors.noSuchUser();
      return packUserDetailed(db, user, viewerId);
    },
  },
  'users/search-by-username-and-host': {
    handler: ({ db, params, me }) => {
      const username = (optionalString(params, 'username', { nullable: true }) ?? '').toLowerCase();
      const host = optionalString(params, 'host', { nullable: true }) ?? null;
      const limit = optionalInteger(params, 'limit', 10, 1, 100);
      const detail = params.detail !== false;
      const onHost = host === null || host === '.' ? undefined : host;
      const matches = [...db.users.values()]
        .filter((u) => u.username.toLowerCase().startsWith(username) && (onHost === undefined || u.host === onHost))
        .slice(0, limit);
      return matches.map((u) => (detail ? packUserDetailed(db, u, me?.id ?? null) : packUserLite(db, u)));
    },
  },
  'following/create': {
    requireCredential: true,
    kind: 'write:following',
    handler: (ctx) => {
      const followee = findUser(ctx.db, ctx.params);
      follow(ctx.db, signedIn(ctx), followee);
      return packUserLite(ctx.db, followee);
    },
  },
  'following/delete': {
    requireCredential: true,
    kind: 'write:following',
    handler: (ctx) => {
      const followee = findUser(ctx.db, ctx.params);
      unfollow(ctx.db, signedIn(ctx), followee);
      return packUserLite(ctx.db, followee);
    },
  },
};
