import { createHash } from 'node:crypto';
import type { Db, FileRecord, NoteRecord, UserRecord, Visibility } from './db.ts';
import { fileIntoAntennas } from './antennaMatch.ts';
import { clientError, errors } from './errors.ts';
import { emojiUrl, packFile, packMe, packNote, packUserDetailed, packUserLite } from './pack.ts';
import { customEmojiOf, normaliseReaction, storedReaction } from './reactions.ts';
import { markMentionUnread, notify } from './notify.ts';
import { canSee, isPureRenote } from './visibility.ts';

// State changes shared by the REST endpoints, the seed and the demo bots. Each one emits the
// stream events and notifications a real server would.

export interface NoteInput {
  text?: string | null;
  cw?: string | null;
  visibility?: Visibility;
  visibleUserIds?: string[];
  localOnly?: boolean;
  reactionAcceptance?: NoteRecord['reactionAcceptance'];
  replyId?: string | null;
  renoteId?: string | null;
  fileIds?: string[];
  poll?: { choices: string[]; multiple?: boolean; expiresAt?: number | null } | null;
  channelId?: string | null;
}

const noSuchChannelToPost = clientError('NO_SUCH_CHANNEL', 'b1653923-5453-4edc-b786-7c4f39bb0bbb', 'No such channel.');

function extractMentions(db: Db, text: string | null): string[] {
  if (!text) return [];
  const ids = new Set<string>();
  for (const match of text.matchAll(/(?<![\w@])@([a-zA-Z0-9_]+)(?!@[\w.-]*\w)/g)) {
    const user = db.userByName(match[1]!);
    if (user) ids.add(user.id);
  }
  return [...ids];
}

function extractTags(text: string | null): string[] {
  if (!text) return [];
  const tags = new Set<string>();
  for (const match of text.matchAll(/(?<![\w#])#([^\s#.,!?'"()[\]【】「」<>:;*`$]+)/gu)) tags.add(match[1]!.toLowerCase());
  return [...tags];
}

export function createNote(db: Db, author: UserRecord, input: NoteInput, at?: number): NoteRecord {
  const reply = input.replyId ? db.notes.get(input.replyId) : undefined;
  if (input.replyId && !reply) throw errors.noSuchReplyTarget();
  if (reply && isPureRenote(reply)) throw errors.cannotReplyPureRenote();
  const renote = input.renoteId ? db.notes.get(input.renoteId) : undefined;
  if (input.renoteId && !renote) throw errors.noSuchRenoteTarget();
  if (renote && isPureRenote(renote)) throw errors.cannotRenotePureRenote();
  if (renote && (renote.visibility === 'specified' || renote.visibility === 'followers') && renote.userId !== author.id)
    throw errors.cannotRenoteVisibility();
  for (const id of input.fileIds ?? []) if (!db.files.has(id)) throw errors.noSuchFile();
  const channel = input.channelId ? db.channels.get(input.channelId) : undefined;
  if (input.channelId && !channel) throw noSuchChannelToPost();
  const now = at ?? Date.now();
  if (input.poll?.expiresAt != null && input.poll.expiresAt < now) throw errors.alreadyExpiredPoll();

  const text = input.text ?? null;
  // A channel note is always public and local-only, whatever was asked.
  const visibility = channel ? 'public' : (input.visibility ?? 'public');
  const visibleUserIds = visibility === 'specified' ? [...new Set(input.visibleUserIds ?? [])] : [];
  const mentions = new Set(extractMentions(db, text));
  if (reply) mentions.add(reply.userId);
  for (const id of visibleUserIds) mentions.add(id);

  const note: NoteRecord = {
    id: db.ids.next(now),
    userId: author.id,
    text,
    cw: input.cw ?? null,
    visibility,
    visibleUserIds,
    localOnly: channel ? true : (input.localOnly ?? false),
    reactionAcceptance: input.reactionAcceptance ?? null,
    replyId: reply?.id ?? null,
    renoteId: renote?.id ?? null,
    fileIds: input.fileIds ?? [],
    poll: input.poll
      ? {
          choices: input.poll.choices,
          multiple: input.poll.multiple ?? false,
          expiresAt: input.poll.expiresAt != null ? new Date(input.poll.expiresAt).toISOString() : null,
          votes: new Map(),
          extraVotes: input.poll.choices.map(() => 0),
        }
      : null,
    reactions: [],
    mentions: [...mentions],
    tags: extractTags(text),
    channelId: channel?.id ?? null,
  };
  db.notes.set(note.id, note);
  if (channel) channel.lastNotedAt = new Date(now).toISOString();
  fileIntoAntennas(db, note);
  if (at === undefined) announceNote(db, note, reply, renote);
  if (note.poll?.expiresAt) schedulePollEnd(db, note);
  return note;
}

function announceNote(db: Db, note: NoteRecord, reply: NoteRecord | undefined, renote: NoteRecord | undefined): void {
  db.events.emit('note', note);
  const anonymous = () => packNote(db, note, null, { detail: true, forStream: true });
  for (const userId of note.mentions) {
    // A muted author reaches neither the mentioned user's main channel nor their unread state.
    if (userId === note.userId || !canSee(db, note, userId) || db.isMuting(userId, note.userId)) continue;
    db.events.emit('main', userId, 'mention', packNote(db, note, userId, { detail: true }));
    const isReply = reply?.userId === userId;
    if (isReply) db.events.emit('main', userId, 'reply', anonymous());
    notify(db, userId, { type: isReply ? 'reply' : 'mention', notifierId: note.userId, noteId: note.id });
    markMentionUnread(db, userId, note.id, note.visibility === 'specified');
  }
  if (renote && renote.userId !== note.userId && !db.isMuting(renote.userId, note.userId)) {
    db.events.emit('main', renote.userId, 'renote', anonymous());
    notify(db, renote.userId, { type: isPureRenote(note) ? 'renote' : 'quote', notifierId: note.userId, noteId: note.id });
  }
}

function schedulePollEnd(db: Db, note: NoteRecord): void {
  const delay = Date.parse(note.poll!.expiresAt!) - Date.now();
  if (delay <= 0) return;
  db.later(() => {
    if (!db.notes.has(note.id)) return;
    const recipients = new Set([note.userId, ...note.poll!.votes.keys()]);
    for (const userId of recipients) notify(db, userId, { type: 'pollEnded', noteId: note.id });
  }, delay);
}

export function deleteNote(db: Db, user: UserRecord, noteId: string): void {
  const note = db.notes.get(noteId);
  if (!note) throw errors.noSuchNote();
  if (note.userId !== user.id && !user.isAdmin) throw errors.accessDenied();
  // Replies and renotes go with it (the database cascades); only the note itself gets an event.
  const doomed = new Set([noteId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of db.notes.values()) {
      if (!doomed.has(n.id) && ((n.replyId && doomed.has(n.replyId)) || (n.renoteId && doomed.has(n.renoteId)))) {
        doomed.add(n.id);
        grew = true;
      }
    }
  }
  for (const id of doomed) db.notes.delete(id);
  for (const u of db.users.values()) u.pinnedNoteIds = u.pinnedNoteIds.filter((id) => !doomed.has(id));
  for (const key of db.favorites.keys()) if (doomed.has(key.split('>')[1] ?? '')) db.favorites.delete(key);
  for (const clip of db.clips.values()) for (const id of doomed) clip.notes.delete(id);
  for (const antenna of db.antennas.values()) antenna.noteIds = antenna.noteIds.filter((id) => !doomed.has(id));
  db.notifications.splice(
    0,
    db.notifications.length,
    ...db.notifications.filter((n) => n.noteId === null || !doomed.has(n.noteId)),
  );
  db.events.emit('noteUpdated', noteId, 'deleted', { deletedAt: new Date().toISOString() });
}

function requireReactable(db: Db, noteId: string): NoteRecord {
  const note = db.notes.get(noteId);
  if (!note) throw errors.noSuchNote();
  if (isPureRenote(note)) throw errors.cannotReactToRenote();
  return note;
}

export function react(db: Db, user: UserRecord, noteId: string, reaction: string, at?: number): void {
  const note = requireReactable(db, noteId);
  const key = normaliseReaction(db, reaction, note.reactionAcceptance === 'likeOnly');
  const existing = note.reactions.find((r) => r.userId === user.id);
  if (existing?.key === key) throw errors.alreadyReacted();
  if (existing) removeReaction(db, note, user.id);
  note.reactions.push({ id: db.ids.next(at), userId: user.id, key });
  if (at !== undefined) return;
  const emoji = customEmojiOf(db, key);
  db.events.emit('noteUpdated', note.id, 'reacted', {
    reaction: key,
    emoji: emoji ? { name: `${emoji.name}@.`, url: emojiUrl(db, emoji) } : null,
    userId: user.id,
  });
  if (note.userId !== user.id)
    notify(db, note.userId, { type: 'reaction', notifierId: user.id, noteId: note.id, reaction: storedReaction(key) });
}

function removeReaction(db: Db, note: NoteRecord, userId: string): void {
  const index = note.reactions.findIndex((r) => r.userId === userId);
  const [removed] = note.reactions.splice(index, 1);
  db.events.emit('noteUpdated', note.id, 'unreacted', { reaction: removed!.key, userId });
}

export function unreact(db: Db, user: UserRecord, noteId: string): void {
  const note = requireReactable(db, noteId);
  if (!note.reactions.some((r) => r.userId === user.id)) throw errors.notReacted();
  removeReaction(db, note, user.id);
}

export function vote(db: Db, user: UserRecord, noteId: string, choice: number, silent = false): void {
  const note = db.notes.get(noteId);
  if (!note || !canSee(db, note, user.id)) throw errors.noSuchNote();
  const poll = note.poll;
  if (!poll) throw errors.noPoll();
  if (poll.expiresAt && Date.parse(poll.expiresAt) < Date.now()) throw errors.alreadyExpired();
  if (choice < 0 || choice >= poll.choices.length) throw errors.invalidChoice();
  const mine = poll.votes.get(user.id) ?? [];
  if ((!poll.multiple && mine.length > 0) || mine.includes(choice)) throw errors.alreadyVoted();
  poll.votes.set(user.id, [...mine, choice]);
  if (!silent) db.events.emit('noteUpdated', note.id, 'pollVoted', { choice, userId: user.id });
}

export function follow(db: Db, follower: UserRecord, followee: UserRecord, silent = false): void {
  if (follower.id === followee.id) throw errors.followeeIsYourself();
  if (db.isFollowing(follower.id, followee.id)) throw errors.alreadyFollowing();
  if (followee.isLocked) {
    const key = `${follower.id}>${followee.id}`;
    // Asking again while a request is pending changes nothing and notifies nobody.
    if (db.followRequests.has(key)) return;
    db.followRequests.set(key, { id: db.ids.next(), followerId: follower.id, followeeId: followee.id });
    if (silent) return;
    db.events.emit('main', followee.id, 'receiveFollowRequest', packUserLite(db, follower));
    notify(db, followee.id, { type: 'receiveFollowRequest', notifierId: follower.id });
    return;
  }
  insertFollowing(db, follower, followee, silent);
}

// Misskey's insertFollowingDoc: a pending request is consumed and its sender told it was accepted.
function insertFollowing(db: Db, follower: UserRecord, followee: UserRecord, silent: boolean): void {
  db.follows.set(`${follower.id}>${followee.id}`, db.ids.next());
  const requested = db.followRequests.delete(`${follower.id}>${followee.id}`);
  if (silent) return;
  if (requested) notify(db, follower.id, { type: 'followRequestAccepted', notifierId: followee.id });
  db.events.emit('main', follower.id, 'follow', packUserDetailed(db, followee, follower.id));
  db.events.emit('main', followee.id, 'followed', packUserLite(db, follower));
  notify(db, followee.id, { type: 'follow', notifierId: follower.id });
}

export function unfollow(db: Db, follower: UserRecord, followee: UserRecord): void {
  if (follower.id === followee.id) throw errors.followeeIsYourself();
  if (!db.follows.delete(`${follower.id}>${followee.id}`)) throw errors.notFollowing();
  db.events.emit('main', follower.id, 'unfollow', packUserDetailed(db, followee, follower.id));
}

/** The followee answers yes; hasPendingReceivedFollowRequest changes, hence meUpdated. */
export function acceptFollowRequest(db: Db, followee: UserRecord, follower: UserRecord): void {
  if (!db.followRequests.has(`${follower.id}>${followee.id}`)) throw errors.noFollowRequest();
  insertFollowing(db, follower, followee, false);
  db.events.emit('main', followee.id, 'meUpdated', packMe(db, followee));
}

/** The followee answers no. Like Misskey, rejecting a request that does not exist is not an error. */
export function rejectFollowRequest(db: Db, followee: UserRecord, follower: UserRecord): void {
  db.followRequests.delete(`${follower.id}>${followee.id}`);
  db.events.emit('main', follower.id, 'unfollow', packUserDetailed(db, followee, follower.id));
}

/** The follower withdraws a pending request. */
export function cancelFollowRequest(db: Db, follower: UserRecord, followee: UserRecord): void {
  if (!db.followRequests.delete(`${follower.id}>${followee.id}`)) throw errors.followRequestNotFound();
  db.events.emit('main', followee.id, 'meUpdated', packMe(db, followee));
}

export interface UploadInput {
  name: string;
  type: string;
  data: Buffer;
  isSensitive?: boolean;
  width?: number | null;
  height?: number | null;
  folderId?: string | null;
  comment?: string | null;
}

export function uploadFile(db: Db, owner: UserRecord, input: UploadInput, at?: number): FileRecord {
  const file: FileRecord = {
    id: db.ids.next(at),
    userId: owner.id,
    name: input.name,
    type: input.type,
    data: input.data,
    md5: createHash('md5').update(input.data).digest('hex'),
    isSensitive: input.isSensitive ?? false,
    width: input.width ?? null,
    height: input.height ?? null,
    folderId: input.folderId ?? null,
    comment: input.comment ?? null,
  };
  db.files.set(file.id, file);
  if (at === undefined) db.events.emit('main', owner.id, 'driveFileCreated', packFile(db, file, 'self'));
  return file;
}

// i/pin: only one's own notes, at most the role's pinLimit, each once; the newest pin first.
export function pinNote(db: Db, user: UserRecord, noteId: string, limit: number): void {
  const note = db.notes.get(noteId);
  if (!note || note.userId !== user.id) throw errors.noSuchNoteToPin();
  if (user.pinnedNoteIds.includes(noteId)) throw errors.alreadyPinned();
  if (user.pinnedNoteIds.length >= limit) throw errors.pinLimitExceeded();
  user.pinnedNoteIds.unshift(noteId);
}

export function unpinNote(db: Db, user: UserRecord, noteId: string): void {
  const note = db.notes.get(noteId);
  if (!note || note.userId !== user.id) throw errors.noSuchNoteToUnpin();
  user.pinnedNoteIds = user.pinnedNoteIds.filter((id) => id !== noteId);
}
