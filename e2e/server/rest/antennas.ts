import type { AntennaRecord, AntennaSource, Db } from '../db.ts';
import { signedIn, type Endpoint, type EndpointContext } from '../endpoint.ts';
import { type ApiError, clientError, errors } from '../errors.ts';
import { idToDate } from '../ids.ts';
import { packNote, rolePolicies } from '../pack.ts';
import { optionalBoolean, optionalEnum, optionalId, optionalString, requiredId, type Params } from '../params.ts';
import { page, readPaging } from '../paging.ts';
import type { Antenna } from '../shapes.ts';
import { canSee, mutedFor } from '../visibility.ts';

// Antennas (antennas/*) as 2024.10 answers them; which notes they catch is antennaMatch.ts.

const antennaErrors = {
  noSuchUserListToCreate: clientError('NO_SUCH_USER_LIST', '95063e93-a283-4b8b-9aa5-bcdb8df69a7f', 'No such user list.'),
  tooManyAntennas: clientError(
    'TOO_MANY_ANTENNAS',
    'faf47050-e8b5-438c-913c-db2b1576fde4',
    'You cannot create antenna any more.',
  ),
  emptyKeywordToCreate: clientError(
    'EMPTY_KEYWORD',
    '53ee222e-1ddd-4f9a-92e5-9fb82ddb463a',
    'Either keywords or excludeKeywords is required.',
  ),
  noSuchAntennaToUpdate: clientError('NO_SUCH_ANTENNA', '10c673ac-8852-48eb-aa1f-f5b67f069290', 'No such antenna.'),
  noSuchUserListToUpdate: clientError('NO_SUCH_USER_LIST', '1c6b35c9-943e-48c2-81e4-2844989407f7', 'No such user list.'),
  emptyKeywordToUpdate: clientError(
    'EMPTY_KEYWORD',
    '721aaff6-4e1b-4d88-8de6-877fae9f68c4',
    'Either keywords or excludeKeywords is required.',
  ),
  noSuchAntennaToDelete: clientError('NO_SUCH_ANTENNA', 'b34dcf9d-348f-44bb-99d0-6c9314cfe2df', 'No such antenna.'),
  noSuchAntennaToShow: clientError('NO_SUCH_ANTENNA', 'c06569fb-b025-4f23-b22d-1fcd20d2816b', 'No such antenna.'),
  noSuchAntennaForNotes: clientError('NO_SUCH_ANTENNA', '850926e0-fd3b-49b6-b69a-b28a5dbd82fe', 'No such antenna.'),
};

const SOURCES: readonly AntennaSource[] = ['home', 'all', 'users', 'list', 'users_blacklist'];

// `notify` is not stored by 2024.10: it always answers false.
export function packAntenna(antenna: AntennaRecord): Antenna {
  return {
    id: antenna.id,
    createdAt: idToDate(antenna.id).toISOString(),
    name: antenna.name,
    keywords: antenna.keywords,
    excludeKeywords: antenna.excludeKeywords,
    src: antenna.src,
    userListId: antenna.userListId,
    users: antenna.users,
    caseSensitive: antenna.caseSensitive,
    localOnly: antenna.localOnly,
    excludeBots: antenna.excludeBots,
    withReplies: antenna.withReplies,
    withFile: antenna.withFile,
    isActive: true,
    hasUnreadNote: false,
    notify: false,
  };
}

function wordGroups(params: Params, name: string): string[][] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const ok = Array.isArray(value) && value.every((g) => Array.isArray(g) && g.every((w) => typeof w === 'string'));
  if (!ok) throw errors.invalidParam(`#/properties/${name}/type`, 'must be array');
  return value as string[][];
}

function stringList(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((u) => typeof u === 'string'))
    throw errors.invalidParam(`#/properties/${name}/type`, 'must be array');
  return value as string[];
}

const isEmpty = (groups: string[][]) => groups.flat().every((w) => w === '');

// The fields create and update share; undefined where the request left one out.
function readFields(params: Params) {
  const flag = (name: string) => (params[name] === undefined ? undefined : optionalBoolean(params, name, false));
  return {
    name: optionalString(params, 'name', { min: 1, max: 100 }),
    src: params.src === undefined ? undefined : optionalEnum(params, 'src', SOURCES, 'all'),
    userListId: optionalId(params, 'userListId') ?? null,
    keywords: wordGroups(params, 'keywords'),
    excludeKeywords: wordGroups(params, 'excludeKeywords'),
    users: stringList(params, 'users'),
    caseSensitive: flag('caseSensitive'),
    localOnly: flag('localOnly'),
    excludeBots: flag('excludeBots'),
    withReplies: flag('withReplies'),
    withFile: flag('withFile'),
  };
}

function ownAntenna(ctx: EndpointContext, notFound: () => ApiError): AntennaRecord {
  const me = signedIn(ctx);
  const antenna = ctx.db.antennas.get(requiredId(ctx.params, 'antennaId'));
  if (!antenna || antenna.userId !== me.id) throw notFound();
  return antenna;
}

function ownListId(db: Db, userId: string, listId: string | null, notFound: () => ApiError): string | null {
  if (listId === null) return null;
  if (db.lists.get(listId)?.userId !== userId) throw notFound();
  return listId;
}

const REQUIRED = ['name', 'src', 'keywords', 'excludeKeywords', 'users', 'caseSensitive', 'withReplies', 'withFile'] as const;

export const antennaEndpoints: Record<string, Endpoint> = {
  'antennas/create': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      for (const key of REQUIRED)
        if (ctx.params[key] === undefined) throw errors.invalidParam('#/required', `must have required property '${key}'`);
      const f = readFields(ctx.params);
      if (isEmpty(f.keywords!) && isEmpty(f.excludeKeywords!)) throw antennaErrors.emptyKeywordToCreate();
      const mine = [...ctx.db.antennas.values()].filter((a) => a.userId === me.id).length;
      // Compared with `>` as the server does, so one more than the limit fits.
      if (mine > rolePolicies(ctx.db, me).antennaLimit) throw antennaErrors.tooManyAntennas();
      const antenna: AntennaRecord = {
        id: ctx.db.ids.next(),
        userId: me.id,
        name: f.name!,
        src: f.src!,
        userListId: f.src === 'list' ? ownListId(ctx.db, me.id, f.userListId, antennaErrors.noSuchUserListToCreate) : null,
        keywords: f.keywords!,
        excludeKeywords: f.excludeKeywords!,
        users: f.users!,
        caseSensitive: f.caseSensitive!,
        localOnly: f.localOnly ?? false,
        excludeBots: f.excludeBots ?? false,
        withReplies: f.withReplies!,
        withFile: f.withFile!,
        noteIds: [],
      };
      ctx.db.antennas.set(antenna.id, antenna);
      return packAntenna(antenna);
    },
  },
  'antennas/update': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const f = readFields(ctx.params);
      if (f.keywords && f.excludeKeywords && isEmpty(f.keywords) && isEmpty(f.excludeKeywords))
        throw antennaErrors.emptyKeywordToUpdate();
      const antenna = ownAntenna(ctx, antennaErrors.noSuchAntennaToUpdate);
      const src = f.src ?? antenna.src;
      if (src === 'list' && ctx.params.userListId !== undefined)
        antenna.userListId = ownListId(ctx.db, antenna.userId, f.userListId, antennaErrors.noSuchUserListToUpdate);
      else if (src !== 'list') antenna.userListId = null;
      antenna.src = src;
      if (f.name != null) antenna.name = f.name;
      if (f.keywords !== undefined) antenna.keywords = f.keywords;
      if (f.excludeKeywords !== undefined) antenna.excludeKeywords = f.excludeKeywords;
      if (f.users !== undefined) antenna.users = f.users;
      if (f.caseSensitive !== undefined) antenna.caseSensitive = f.caseSensitive;
      if (f.localOnly !== undefined) antenna.localOnly = f.localOnly;
      if (f.excludeBots !== undefined) antenna.excludeBots = f.excludeBots;
      if (f.withReplies !== undefined) antenna.withReplies = f.withReplies;
      if (f.withFile !== undefined) antenna.withFile = f.withFile;
      return packAntenna(antenna);
    },
  },
  'antennas/delete': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      ctx.db.antennas.delete(ownAntenna(ctx, antennaErrors.noSuchAntennaToDelete).id);
      return undefined;
    },
  },
  'antennas/list': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      return [...ctx.db.antennas.values()]
        .filter((a) => a.userId === me.id)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map(packAntenna);
    },
  },
  'antennas/show': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => packAntenna(ownAntenna(ctx, antennaErrors.noSuchAntennaToShow)),
  },
  'antennas/notes': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => {
      const antenna = ownAntenna(ctx, antennaErrors.noSuchAntennaForNotes);
      const viewerId = antenna.userId;
      const notes = antenna.noteIds.flatMap((id) => ctx.db.notes.get(id) ?? []).sort((a, b) => (a.id < b.id ? 1 : -1));
      return page(notes, readPaging(ctx.params), (n) => canSee(ctx.db, n, viewerId) && !mutedFor(ctx.db, n, viewerId)).map((n) =>
        packNote(ctx.db, n, viewerId, { detail: true }),
      );
    },
  },
};
