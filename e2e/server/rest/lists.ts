import type * as Misskey from 'misskey-js';
import type { Db, UserList } from '../db.ts';
import { type Endpoint, type EndpointContext, signedIn } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { idToDate } from '../ids.ts';
import { packNote } from '../pack.ts';
import { optionalBoolean, optionalId, requiredId } from '../params.ts';
import { page, readPaging } from '../paging.ts';
import { inList } from '../visibility.ts';

function packList(list: UserList): Misskey.entities.UserList {
  return {
    id: list.id,
    createdAt: idToDate(list.id).toISOString(),
    name: list.name,
    userIds: [...list.userIds],
    isPublic: list.isPublic,
  };
}

// Only the owner reads a list through these endpoints; anyone else is told it does not exist.
function ownList(ctx: EndpointContext, notFound: () => Error): UserList {
  const me = signedIn(ctx);
  const list = ctx.db.lists.get(requiredId(ctx.params, 'listId'));
  if (!list || list.userId !== me.id) throw notFound();
  return list;
}

function listsOf(db: Db, userId: string, publicOnly: boolean): UserList[] {
  return [...db.lists.values()]
    .filter((l) => l.userId === userId && (!publicOnly || l.isPublic))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

export const listEndpoints: Record<string, Endpoint> = {
  'users/lists/list': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const userId = optionalId(ctx.params, 'userId') ?? me.id;
      if (!ctx.db.users.has(userId)) throw errors.noSuchUser();
      return listsOf(ctx.db, userId, userId !== me.id).map(packList);
    },
  },
  'users/lists/show': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => packList(ownList(ctx, errors.noSuchListToShow)),
  },
  'notes/user-list-timeline': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => {
      const list = ownList(ctx, errors.noSuchList);
      const filter = {
        withRenotes: optionalBoolean(ctx.params, 'withRenotes', true),
        withFiles: optionalBoolean(ctx.params, 'withFiles', false),
      };
      const notes = page(ctx.db.notesNewestFirst(), readPaging(ctx.params), (n) => inList(ctx.db, list, n, filter));
      return notes.map((n) => packNote(ctx.db, n, list.userId, { detail: true }));
    },
  },
};
