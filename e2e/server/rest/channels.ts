import type { ChannelRecord, Db } from '../db.ts';
import { signedIn, type Endpoint, type EndpointContext } from '../endpoint.ts';
import { type ApiError, clientError, errors } from '../errors.ts';
import { idToDate } from '../ids.ts';
import { packNote } from '../pack.ts';
import { optionalBoolean, optionalEnum, optionalInteger, optionalString, requiredId, requiredString } from '../params.ts';
import { page, readPaging } from '../paging.ts';
import type { Channel } from '../shapes.ts';
import { mutedFor } from '../visibility.ts';

// Misskey channels (channels/*): browse, search, follow, favorite, create, read a channel's notes.

const channelErrors = {
  noSuchChannelToShow: clientError('NO_SUCH_CHANNEL', '6f6c314b-7486-4897-8966-c04a66a02923', 'No such channel.'),
  noSuchChannelToFollow: clientError('NO_SUCH_CHANNEL', 'c0031718-d573-4e85-928e-10039f1fbb68', 'No such channel.'),
  noSuchChannelToUnfollow: clientError('NO_SUCH_CHANNEL', '19959ee9-0153-4c51-bbd9-a98c49dc59d6', 'No such channel.'),
  noSuchChannelToFavorite: clientError('NO_SUCH_CHANNEL', '4938f5f3-6167-4c04-9149-6607b7542861', 'No such channel.'),
  noSuchChannelToUnfavorite: clientError('NO_SUCH_CHANNEL', '353c68dd-131a-476c-aa99-88a345e83668', 'No such channel.'),
  noSuchChannelForTimeline: clientError('NO_SUCH_CHANNEL', '4d0eeeba-a02c-4c3c-9966-ef60d38d2e7f', 'No such channel.'),
  noSuchChannelToMute: clientError('NO_SUCH_CHANNEL', '7174361e-d58f-31d6-2e7c-6fb830786a3f', 'No such Channel.'),
  // Upstream's wording, "user" included.
  alreadyMuting: clientError(
    'ALREADY_MUTING_CHANNEL',
    '5a251978-769a-da44-3e89-3931e43bb592',
    'You are already muting that user.',
  ),
  expiresAtIsPast: clientError(
    'EXPIRES_AT_IS_PAST',
    '42b32236-df2c-a45f-fdbf-def67268f749',
    'Cannot set past date to "expiresAt".',
  ),
  noSuchChannelToUnmute: clientError('NO_SUCH_CHANNEL', 'e7998769-6e94-d9c2-6b8f-94a527314aba', 'No such Channel.'),
  notMuting: clientError('NOT_MUTING_CHANNEL', '14d55962-6ea8-d990-1333-d6bef78dc2ab', 'You are not muting that channel.'),
};

// The follow and favorite tables are unique per user and channel: a second insert is a database
// error, which 2024.10 reports as INTERNAL_ERROR.
const duplicate = (what: string) =>
  errors.internalError({
    e: { message: `duplicate key value violates unique constraint (${what})`, code: 'QueryFailedError', id: '' },
  });

export function packChannel(db: Db, channel: ChannelRecord, viewerId: string | null, detailed = false): Channel {
  const notes = [...db.notes.values()].filter((n) => n.channelId === channel.id);
  return {
    id: channel.id,
    createdAt: idToDate(channel.id).toISOString(),
    lastNotedAt: channel.lastNotedAt,
    name: channel.name,
    description: channel.description,
    userId: channel.userId,
    bannerUrl: null,
    ...(db.modern ? { bannerId: null } : {}),
    pinnedNoteIds: [],
    color: channel.color,
    isArchived: false,
    usersCount: new Set(notes.map((n) => n.userId)).size,
    notesCount: notes.length,
    isSensitive: channel.isSensitive,
    allowRenoteToExternal: channel.allowRenoteToExternal,
    ...(viewerId !== null
      ? {
          isFollowing: channel.followers.has(viewerId),
          isFavorited: channel.favoritedBy.has(viewerId),
          ...(db.modern ? { isMuting: db.mutesChannel(viewerId, channel.id) } : {}),
          hasUnreadNote: false,
        }
      : {}),
    ...(detailed ? { pinnedNotes: [] } : {}),
  };
}

function findChannel(ctx: EndpointContext, notFound: () => ApiError): ChannelRecord {
  const channel = ctx.db.channels.get(requiredId(ctx.params, 'channelId'));
  if (!channel) throw notFound();
  return channel;
}

const newestFirst = (list: ChannelRecord[]) => list.sort((a, b) => (a.id < b.id ? 1 : -1));

function packList(ctx: EndpointContext, list: ChannelRecord[]): Channel[] {
  return list.map((c) => packChannel(ctx.db, c, ctx.me?.id ?? null));
}

export const channelEndpoints: Record<string, Endpoint> = {
  'channels/create': {
    requireCredential: true,
    kind: 'write:channels',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const name = requiredString(ctx.params, 'name');
      optionalString(ctx.params, 'name', { min: 1, max: 128 });
      const channel: ChannelRecord = {
        id: ctx.db.ids.next(),
        userId: me.id,
        name,
        description: optionalString(ctx.params, 'description', { min: 1, max: 2048, nullable: true }) ?? null,
        color: optionalString(ctx.params, 'color', { max: 16 }) ?? '#86b300',
        isSensitive: optionalBoolean(ctx.params, 'isSensitive', false),
        allowRenoteToExternal: optionalBoolean(ctx.params, 'allowRenoteToExternal', true),
        lastNotedAt: null,
        followers: new Set(),
        favoritedBy: new Set(),
        mutedBy: new Map(),
      };
      ctx.db.channels.set(channel.id, channel);
      return packChannel(ctx.db, channel, me.id);
    },
  },
  'channels/show': {
    handler: (ctx) => packChannel(ctx.db, findChannel(ctx, channelErrors.noSuchChannelToShow), ctx.me?.id ?? null, true),
  },
  'channels/follow': {
    requireCredential: true,
    kind: 'write:channels',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const channel = findChannel(ctx, channelErrors.noSuchChannelToFollow);
      if (channel.followers.has(me.id)) throw duplicate('channel_following');
      channel.followers.add(me.id);
      return undefined;
    },
  },
  'channels/unfollow': {
    requireCredential: true,
    kind: 'write:channels',
    handler: (ctx) => {
      findChannel(ctx, channelErrors.noSuchChannelToUnfollow).followers.delete(signedIn(ctx).id);
      return undefined;
    },
  },
  'channels/favorite': {
    requireCredential: true,
    kind: 'write:channels',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const channel = findChannel(ctx, channelErrors.noSuchChannelToFavorite);
      if (channel.favoritedBy.has(me.id)) throw duplicate('channel_favorite');
      channel.favoritedBy.add(me.id);
      return undefined;
    },
  },
  'channels/unfavorite': {
    requireCredential: true,
    kind: 'write:channels',
    handler: (ctx) => {
      findChannel(ctx, channelErrors.noSuchChannelToUnfavorite).favoritedBy.delete(signedIn(ctx).id);
      return undefined;
    },
  },
  // 2026: a muted channel's notes leave the timelines (visibility.ts), not the channel itself.
  'channels/mute/create': {
    requireCredential: true,
    kind: 'write:channels',
    modernOnly: true,
    handler: (ctx) => {
      const me = signedIn(ctx);
      const channel = findChannel(ctx, channelErrors.noSuchChannelToMute);
      const expiresAt =
        ctx.params.expiresAt === null
          ? null
          : optionalInteger(ctx.params, 'expiresAt', 0, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      if (ctx.db.mutesChannel(me.id, channel.id)) throw channelErrors.alreadyMuting();
      // 0 reads as "no expiry", as upstream's truthiness check does.
      if (expiresAt && expiresAt <= Date.now()) throw channelErrors.expiresAtIsPast();
      channel.mutedBy.set(me.id, expiresAt || null);
      return undefined;
    },
  },
  'channels/mute/delete': {
    requireCredential: true,
    kind: 'write:channels',
    modernOnly: true,
    handler: (ctx) => {
      const me = signedIn(ctx);
      const channel = findChannel(ctx, channelErrors.noSuchChannelToUnmute);
      if (!ctx.db.mutesChannel(me.id, channel.id)) throw channelErrors.notMuting();
      channel.mutedBy.delete(me.id);
      return undefined;
    },
  },
  'channels/mute/list': {
    requireCredential: true,
    kind: 'read:channels',
    modernOnly: true,
    handler: (ctx) => {
      const me = signedIn(ctx);
      return packList(ctx, newestFirst([...ctx.db.channels.values()].filter((c) => ctx.db.mutesChannel(me.id, c.id))));
    },
  },
  'channels/followed': {
    requireCredential: true,
    kind: 'read:channels',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const followed = newestFirst([...ctx.db.channels.values()].filter((c) => c.followers.has(me.id)));
      return packList(ctx, page(followed, readPaging(ctx.params, 5)));
    },
  },
  'channels/owned': {
    requireCredential: true,
    kind: 'read:channels',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const owned = newestFirst([...ctx.db.channels.values()].filter((c) => c.userId === me.id));
      return packList(ctx, page(owned, readPaging(ctx.params, 5)));
    },
  },
  'channels/my-favorites': {
    requireCredential: true,
    kind: 'read:channels',
    handler: (ctx) => {
      const me = signedIn(ctx);
      return packList(ctx, newestFirst([...ctx.db.channels.values()].filter((c) => c.favoritedBy.has(me.id))));
    },
  },
  // Channels that have notes, most recently active first.
  'channels/featured': {
    handler: (ctx) =>
      packList(
        ctx,
        [...ctx.db.channels.values()]
          .filter((c) => c.lastNotedAt !== null)
          .sort((a, b) => (a.lastNotedAt! < b.lastNotedAt! ? 1 : -1))
          .slice(0, 10),
      ),
  },
  'channels/search': {
    handler: (ctx) => {
      const query = requiredString(ctx.params, 'query').toLowerCase();
      const type = optionalEnum(ctx.params, 'type', ['nameAndDescription', 'nameOnly'] as const, 'nameAndDescription');
      const limit = optionalInteger(ctx.params, 'limit', 5, 1, 100);
      const hit = (c: ChannelRecord) =>
        query === '' ||
        c.name.toLowerCase().includes(query) ||
        (type === 'nameAndDescription' && (c.description ?? '').toLowerCase().includes(query));
      return packList(ctx, page(newestFirst([...ctx.db.channels.values()]), { ...readPaging(ctx.params, 5), limit }, hit));
    },
  },
  'channels/timeline': {
    handler: (ctx) => {
      const channel = findChannel(ctx, channelErrors.noSuchChannelForTimeline);
      const viewerId = ctx.me?.id ?? null;
      const notes = page(
        ctx.db.notesNewestFirst(),
        readPaging(ctx.params),
        (n) => n.channelId === channel.id && !mutedFor(ctx.db, n, viewerId),
      );
      return notes.map((n) => packNote(ctx.db, n, viewerId, { detail: true }));
    },
  },
};
