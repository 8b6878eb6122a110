import type { Db, NoteRecord, UserList } from './db.ts';

// Who may see a note, and which notes each timeline shows. REST timelines and stream
// channels share these rules so that a backfill returns what the stream delivered.

export function canSee(db: Db, note: NoteRecord, viewerId: string | null): boolean {
  if (note.visibility === 'public' || note.visibility === 'home') return true;
  if (viewerId === null) return false;
  if (viewerId === note.userId) return true;
  if (note.visibility === 'followers') return db.isFollowing(viewerId, note.userId) || note.mentions.includes(viewerId);
  return note.visibleUserIds.includes(viewerId);
}

// Misskey leaves out notes by a user the viewer mutes, and replies to or renotes of their notes.
export function mutedFor(db: Db, note: NoteRecord, viewerId: string | null): boolean {
  if (viewerId === null) return false;
  const authorOf = (id: string | null) => (id === null ? null : (db.notes.get(id)?.userId ?? null));
  return [note.userId, authorOf(note.replyId), authorOf(note.renoteId)].some(
    (u) => u !== null && u !== viewerId && db.isMuting(viewerId, u),
  );
}

// A 2026 channel mute hides the channel's notes from timelines, and renotes and quotes of them
// made outside it (a reply is always in its parent's channel, so its own channelId says it).
export function channelMutedFor(db: Db, note: NoteRecord, viewerId: string): boolean {
  if (note.channelId !== null && db.mutesChannel(viewerId, note.channelId)) return true;
  const renoted = note.renoteId === null ? null : (db.notes.get(note.renoteId)?.channelId ?? null);
  return renoted !== null && renoted !== note.channelId && db.mutesChannel(viewerId, renoted);
}

export function isPureRenote(note: NoteRecord): boolean {
  return note.renoteId !== null && note.text === null && note.cw === null && note.fileIds.length === 0 && note.poll === null;
}

// Notes of remote users reach the global timeline, and home for their followers, but not local.
function isLocal(db: Db, note: NoteRecord): boolean {
  return !db.users.get(note.userId)?.host;
}

export type TimelineKind = 'home' | 'local' | 'hybrid' | 'global';

export interface TimelineFilter {
  withRenotes: boolean;
  withReplies: boolean;
  withFiles: boolean;
}

// Replies between two other users are left out of home, local and hybrid (Misskey keeps
// self-replies and replies that involve the viewer).
function replyAllowed(db: Db, note: NoteRecord, viewerId: string | null): boolean {
  if (note.replyId === null) return true;
  const target = db.notes.get(note.replyId);
  if (!target) return true;
  return target.userId === note.userId || (viewerId !== null && (target.userId === viewerId || note.userId === viewerId));
}

function inHome(db: Db, note: NoteRecord, viewerId: string): boolean {
  if (note.userId !== viewerId && !db.isFollowing(viewerId, note.userId)) {
    return note.visibility === 'specified' && note.visibleUserIds.includes(viewerId);
  }
  return canSee(db, note, viewerId);
}

export function inTimeline(
  db: Db,
  kind: TimelineKind,
  note: NoteRecord,
  viewerId: string | null,
  filter: TimelineFilter,
): boolean {
  if (mutedFor(db, note, viewerId)) return false;
  if (viewerId !== null && channelMutedFor(db, note, viewerId)) return false;
  if (!filter.withRenotes && isPureRenote(note)) return false;
  if (filter.withFiles && note.fileIds.length === 0) return false;
  // Channel notes stay in their channel; only its followers also get them on home (and so social).
  if (note.channelId !== null)
    return viewerId !== null && (kind === 'home' || kind === 'hybrid') && followsChannel(db, viewerId, note.channelId);
  switch (kind) {
    case 'global':
      return note.visibility === 'public';
    case 'local':
      return isLocal(db, note) && note.visibility === 'public' && (filter.withReplies || replyAllowed(db, note, viewerId));
    case 'home':
      return viewerId !== null && inHome(db, note, viewerId) && replyAllowed(db, note, viewerId);
    case 'hybrid':
      if (viewerId === null) return false;
      if (inHome(db, note, viewerId)) return replyAllowed(db, note, viewerId);
      return isLocal(db, note) && note.visibility === 'public' && (filter.withReplies || replyAllowed(db, note, viewerId));
  }
}

export function followsChannel(db: Db, userId: string, channelId: string): boolean {
  return db.channels.get(channelId)?.followers.has(userId) ?? false;
}

// A user list's timeline: notes its members wrote that the list's owner may see.
export function inList(db: Db, list: UserList, note: NoteRecord, filter: Omit<TimelineFilter, 'withReplies'>): boolean {
  if (!list.userIds.includes(note.userId) || note.channelId !== null) return false;
  if (!canSee(db, note, list.userId) || mutedFor(db, note, list.userId)) return false;
  if (!filter.withRenotes && isPureRenote(note)) return false;
  return !filter.withFiles || note.fileIds.length > 0;
}
