import type * as Misskey from 'misskey-js';
import { acceptFollowRequest, cancelFollowRequest, rejectFollowRequest } from '../actions.ts';
import type { Db, UserRecord } from '../db.ts';
import { signedIn, type Endpoint } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { packUserLite, packUserLiteById } from '../pack.ts';
import { page, readPaging } from '../paging.ts';
import { requiredId, type Params } from '../params.ts';

// Follow requests to and from locked accounts: answering them, withdrawing them, listing them.

type FollowRequest = Misskey.Endpoints['following/requests/list']['res'][number];

function otherUser(db: Db, params: Params): UserRecord {
  const user = db.users.get(requiredId(params, 'userId'));
  if (!user) throw errors.noSuchUser();
  return user;
}

export const followRequestEndpoints: Record<string, Endpoint> = {
  'following/requests/accept': {
    requireCredential: true,
    kind: 'write:following',
    handler: (ctx) => {
      acceptFollowRequest(ctx.db, signedIn(ctx), otherUser(ctx.db, ctx.params));
      return undefined;
    },
  },
  'following/requests/reject': {
    requireCredential: true,
    kind: 'write:following',
    handler: (ctx) => {
      rejectFollowRequest(ctx.db, signedIn(ctx), otherUser(ctx.db, ctx.params));
      return undefined;
    },
  },
  'following/requests/cancel': {
    requireCredential: true,
    kind: 'write:following',
    handler: (ctx) => {
      const followee = otherUser(ctx.db, ctx.params);
      cancelFollowRequest(ctx.db, signedIn(ctx), followee);
      return packUserLite(ctx.db, followee);
    },
  },
  'following/requests/list': {
    requireCredential: true,
    kind: 'read:following',
    handler: (ctx): FollowRequest[] => {
      const { db } = ctx;
      const me = signedIn(ctx);
      const mine = [...db.followRequests.values()]
        .filter((r) => r.followeeId === me.id)
        .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      return page(mine, readPaging(ctx.params)).map((r) => ({
        id: r.id,
        follower: packUserLiteById(db, r.followerId),
        followee: packUserLite(db, me),
      }));
    },
  },
};
