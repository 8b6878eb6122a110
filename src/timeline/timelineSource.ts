import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';

export type TimelineSource =
  | { kind: 'home' | 'local' | 'social' | 'global' }
  | { kind: 'hashtag'; tag: string }
  | { kind: 'user'; userId: string }
  | { kind: 'list'; listId: string }
  | { kind: 'antenna'; antennaId: string }
  | { kind: 'channel'; channelId: string }
  | { kind: 'search'; query: string };

export interface TimelineFilters {
  withRenotes: boolean;
  withReplies: boolean;
  withFiles: boolean;
}

export interface PageCursor {
  sinceId?: string;
  untilId?: string;
}

type Note = Misskey.entities.Note;

// A stable name for one timeline, whatever its filters: keys its saved filters.
export function timelineName(source: TimelineSource): string {
  switch (source.kind) {
    case 'hashtag':
      return `#${source.tag}`;
    case 'user':
      return `user:${source.userId}`;
    case 'list':
      return `list:${source.listId}`;
    case 'antenna':
      return `antenna:${source.antennaId}`;
    case 'channel':
      return `channel:${source.channelId}`;
    case 'search':
      return `search:${source.query}`;
    default:
      return source.kind;
  }
}

// The same with its filters: keys reading positions and channel reconnects.
export function timelineKey(source: TimelineSource, f: TimelineFilters): string {
  return `${timelineName(source)}?r=${+f.withRenotes}&p=${+f.withReplies}&f=${+f.withFiles}`;
}

// The filters a timeline's endpoint and channel take (withReplies only where Misskey has it).
export function filtersOf(source: TimelineSource): (keyof TimelineFilters)[] {
  switch (source.kind) {
    case 'local':
    case 'social':
    case 'user':
      return ['withRenotes', 'withReplies', 'withFiles'];
    // antennas/notes and channels/timeline take no filters in 2024.10.
    case 'antenna':
    case 'channel':
    case 'search':
      return [];
    default:
      return ['withRenotes', 'withFiles'];
  }
}

// Misskey rejects withReplies together with withFiles (BOTH_WITH_REPLIES_AND_WITH_FILES); files win.
function replies(f: TimelineFilters): boolean {
  return f.withReplies && !f.withFiles;
}

export function fetchPage(
  api: Api,
  source: TimelineSource,
  f: TimelineFilters,
  cursor: PageCursor,
  limit: number,
): Promise<Note[]> {
  const base = { limit, ...cursor };
  switch (source.kind) {
    case 'home':
      return api.request('notes/timeline', { ...base, withRenotes: f.withRenotes, withFiles: f.withFiles });
    case 'local':
      return api.request('notes/local-timeline', {
        ...base,
        withRenotes: f.withRenotes,
        withReplies: replies(f),
        withFiles: f.withFiles,
      });
    case 'social':
      return api.request('notes/hybrid-timeline', {
        ...base,
        withRenotes: f.withRenotes,
        withReplies: replies(f),
        withFiles: f.withFiles,
      });
    case 'global':
      return api.request('notes/global-timeline', { ...base, withRenotes: f.withRenotes, withFiles: f.withFiles });
    case 'hashtag':
      // renote: null means "with or without"; false leaves renotes out.
      return api.request('notes/search-by-tag', {
        ...base,
        tag: source.tag,
        renote: f.withRenotes ? null : false,
        withFiles: f.withFiles,
      });
    case 'user':
      return api.request('users/notes', {
        ...base,
        userId: source.userId,
        withRenotes: f.withRenotes,
        withReplies: replies(f),
        withFiles: f.withFiles,
      });
    case 'list':
      return api.request('notes/user-list-timeline', {
        ...base,
        listId: source.listId,
        withRenotes: f.withRenotes,
        withFiles: f.withFiles,
      });
    case 'antenna':
      return api.request('antennas/notes', { ...base, antennaId: source.antennaId });
    case 'channel':
      return api.request('channels/timeline', { ...base, channelId: source.channelId });
    case 'search':
      return api.request('notes/search', { ...base, query: source.query });
  }
}

export type TimelineChannel =
  | { channel: 'homeTimeline'; params: Misskey.Channels['homeTimeline']['params'] }
  | { channel: 'localTimeline'; params: Misskey.Channels['localTimeline']['params'] }
  | { channel: 'hybridTimeline'; params: Misskey.Channels['hybridTimeline']['params'] }
  | { channel: 'globalTimeline'; params: Misskey.Channels['globalTimeline']['params'] }
  | { channel: 'hashtag'; params: Misskey.Channels['hashtag']['params'] }
  | { channel: 'userList'; params: Misskey.Channels['userList']['params'] }
  | { channel: 'antenna'; params: Misskey.Channels['antenna']['params'] }
  | { channel: 'channel'; params: Misskey.Channels['channel']['params'] };

// The live channel of a timeline; a user's notes and search results have none (captures still
// keep them live).
export function channelFor(source: TimelineSource, f: TimelineFilters): TimelineChannel | null {
  switch (source.kind) {
    case 'home':
      return { channel: 'homeTimeline', params: { withRenotes: f.withRenotes, withFiles: f.withFiles } };
    case 'local':
      return {
        channel: 'localTimeline',
        params: { withRenotes: f.withRenotes, withReplies: replies(f), withFiles: f.withFiles },
      };
    case 'social':
      return {
        channel: 'hybridTimeline',
        params: { withRenotes: f.withRenotes, withReplies: replies(f), withFiles: f.withFiles },
      };
    case 'global':
      return { channel: 'globalTimeline', params: { withRenotes: f.withRenotes, withFiles: f.withFiles } };
    case 'hashtag':
      return { channel: 'hashtag', params: { q: [[source.tag]] } };
    case 'list':
      return { channel: 'userList', params: { listId: source.listId, withRenotes: f.withRenotes, withFiles: f.withFiles } };
    case 'antenna':
      return { channel: 'antenna', params: { antennaId: source.antennaId } };
    case 'channel':
      return { channel: 'channel', params: { channelId: source.channelId } };
    case 'user':
    case 'search':
      return null;
  }
}
