import { follow, unfollow } from '../actions.ts';
import type { Db, UserRecord } from '../db.ts';
import { signedIn, type Endpoint } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { packUserDetailed, packUserLite } from '../pack.ts';
import { optionalIdArray, optionalInteger, optionalString, requiredId, type Params } from '../params.ts';

function findUser(db: Db, params: Params): UserRecord {
  const user = db.users.get(requiredId(params, 'userId'));
  if (!user) throw errors.noSuchUser();
  return user;
}

export const userEndpoints: Record<string, Endpoint> = {
  'users/show': {
    handler: ({ db, params, me }) => {
      const viewerId = me?.id ?? null;
      if (params.userIds !== undefined) {
        return optionalIdArray(params, 'userIds', 100).flatMap((id) => {
          const user = db.users.get(id);
          return user ? [packUserDetailed(db, user, viewerId)] : [];
        });
      }
      const username = optionalString(params, 'username');
      const host = optionalString(params, 'host', { nullable: true });
      const user = typeof username === 'string'
        ? (host ? undefined : db.userByName(username))
        : db.users.get(requiredId(params, 'userId'));
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
      if (host !== null && host !== '.') return [];
      const matches = [...db.users.values()].filter((u) => u.username.toLowerCase().startsWith(username)).slice(0, limit);
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
