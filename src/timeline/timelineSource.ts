import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';

export type TimelineSource =
  | { kind: 'home' | 'local' | 'social' | 'global' }
  | { kind: 'hashtag'; tag: string }
  | { kind: 'user'; userId: string };

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

// A stable name for one timeline with its filters: keys reading positions and channel reconnects.
export function timelineKey(source: TimelineSource, f: TimelineFilters): string {
  const where = source.kind === 'hashtag' ? `#${source.tag}` : source.kind === 'user' ? `user:${source.userId}` : source.kind;
  return `${where}?r=${+f.withRenotes}&p=${+f.withReplies}&f=${+f.withFiles}`;
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
        ...base, withRenotes: f.withRenotes, withReplies: replies(f), withFiles: f.withFiles,
      });
    case 'social':
      return api.request('notes/hybrid-timeline', {
        ...base, withRenotes: f.withRenotes, withReplies: replies(f), withFiles: f.withFiles,
      });
    case 'global':
      return api.request('notes/global-timeline', { ...base, withRenotes: f.withRenotes, withFiles: f.withFiles });
    case 'hashtag':
      // renote: null means "with or without"; false leaves renotes out.
      return api.request('notes/search-by-tag', {
        ...base, tag: source.tag, renote: f.withRenotes ? null : false, withFiles: f.withFiles,
      });
    case 'user':
      return api.request('users/notes', {
        ...base, userId: source.userId, withRenotes: f.withRenotes, withReplies: f.withReplies, withFiles: f.withFiles,
      });
  }
}

export type TimelineChannel =
  | { channel: 'homeTimeline'; params: Misskey.Channels['homeTimeline']['params'] }
  | { channel: 'localTimeline'; params: Misskey.Channels['localTimeline']['params'] }
  | { channel: 'hybridTimeline'; params: Misskey.Channels['hybridTimeline']['params'] }
  | { channel: 'globalTimeline'; params: Misskey.Channels['globalTimeline']['params'] }
  | { channel: 'hashtag'; params: Misskey.Channels['hashtag']['params'] };

// The live channel of a timeline; a user's notes have none (captures still keep them live).
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
    case 'user':
      return null;
  }
}
