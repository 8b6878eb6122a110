import type * as Misskey from 'misskey-js';
import type { Db, UserList } from '../db.ts';
import { type Endpoint, type EndpointContext, signedIn } from '../endpoint.ts';
import { type ApiError, clientError, errors } from '../errors.ts';
import { idToDate } from '../ids.ts';
import { optionalBoolean, optionalId, optionalString, requiredId, requiredString } from '../params.ts';
import { page, readPaging } from '../paging.ts';
import { inList } from '../visibility.ts';
import { packNote, packUserLite, rolePolicies } from '../pack.ts';

// Managing lists: each endpoint has its own ids for the same codes.
const listErrors = {
  tooManyUserLists: clientError(
    'TOO_MANY_USERLISTS',
    '0cf21a28-7715-4f39-a20d-777bfdb8d138',
    'You cannot create user list any more.',
  ),
  noSuchListToUpdate: clientError('NO_SUCH_LIST', '796666fe-3dff-4d39-becb-8a5932c1d5b7', 'No such list.'),
  noSuchListToDelete: clientError('NO_SUCH_LIST', '78436795-db79-42f5-b1e2-55ea2cf19166', 'No such list.'),
  noSuchListToPush: clientError('NO_SUCH_LIST', '2214501d-ac96-4049-b717-91e42272a711', 'No such list.'),
  noSuchUserToPush: clientError('NO_SUCH_USER', 'a89abd3d-f0bc-4cce-beb1-2f446f4f1e6a', 'No such user.'),
  alreadyAdded: clientError(
    'ALREADY_ADDED',
    '1de7c884-1595-49e9-857e-61f12f4d4fc5',
    'That user has already been added to that list.',
  ),
  tooManyUsers: clientError('TOO_MANY_USERS', '2dd9752e-a338-413d-8eec-41814430989b', 'You can not push users any more.'),
  noSuchListToPull: clientError('NO_SUCH_LIST', '7f44670e-ab16-43b8-b4c1-ccd2ee89cc02', 'No such list.'),
  noSuchUserToPull: clientError('NO_SUCH_USER', '588e7f72-c744-4a61-b180-d354e912bda2', 'No such user.'),
};

function listName(ctx: EndpointContext): string {
  const name = requiredString(ctx.params, 'name');
  return optionalString(ctx.params, 'name', { min: 1, max: 100 }) ?? name;
}

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
function ownList(ctx: EndpointContext, notFound: () => ApiError): UserList {
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
  'users/lists/create': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const name = listName(ctx);
      // Compared with `>` as the server does, so one more than the limit fits.
      if (listsOf(ctx.db, me.id, false).length > rolePolicies(ctx.db, me).userListLimit) throw listErrors.tooManyUserLists();
      const list: UserList = { id: ctx.db.ids.next(), userId: me.id, name, isPublic: false, userIds: [] };
      ctx.db.lists.set(list.id, list);
      return packList(list);
    },
  },
  'users/lists/update': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const name = ctx.params.name === undefined ? undefined : listName(ctx);
      const isPublic = ctx.params.isPublic === undefined ? undefined : optionalBoolean(ctx.params, 'isPublic', false);
      const list = ownList(ctx, listErrors.noSuchListToUpdate);
      if (name !== undefined) list.name = name;
      if (isPublic !== undefined) list.isPublic = isPublic;
      return packList(list);
    },
  },
  'users/lists/delete': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const list = ownList(ctx, listErrors.noSuchListToDelete);
      ctx.db.lists.delete(list.id);
      // Antennas reading it have nothing to read any more.
      for (const antenna of ctx.db.antennas.values()) if (antenna.userListId === list.id) antenna.userListId = null;
      return undefined;
    },
  },
  'users/lists/push': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const list = ownList(ctx, listErrors.noSuchListToPush);
      const user = ctx.db.users.get(requiredId(ctx.params, 'userId'));
      if (!user) throw listErrors.noSuchUserToPush();
      if (list.userIds.includes(user.id)) throw listErrors.alreadyAdded();
      if (list.userIds.length >= rolePolicies(ctx.db, ctx.me).userEachUserListsLimit) throw listErrors.tooManyUsers();
      list.userIds.push(user.id);
      ctx.db.events.emit('userList', list.id, 'userAdded', packUserLite(ctx.db, user));
      return undefined;
    },
  },
  'users/lists/pull': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const list = ownList(ctx, listErrors.noSuchListToPull);
      const user = ctx.db.users.get(requiredId(ctx.params, 'userId'));
      if (!user) throw listErrors.noSuchUserToPull();
      list.userIds = list.userIds.filter((id) => id !== user.id);
      ctx.db.events.emit('userList', list.id, 'userRemoved', packUserLite(ctx.db, user));
      return undefined;
    },
  },
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
