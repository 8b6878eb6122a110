import type * as Misskey from 'misskey-js';
import type { Db, EmojiRecord, FileRecord, FolderRecord, NoteRecord, NotificationRecord, UserRecord } from './db.ts';
import { idToDate } from './ids.ts';
import type { MeDetailed, Policies, UserDetailed } from './shapes.ts';
import { canSee } from './visibility.ts';

// Entity packing: records → the exact shapes Misskey 2024.10.1 sends (absent vs null as in
// the recorded fixtures). Typed with misskey-js so the shapes cannot drift silently.

type Note = Misskey.entities.Note;

const POLICIES: Policies = {
  gtlAvailable: true,
  ltlAvailable: true,
  canPublicNote: true,
  mentionLimit: 20,
  canInvite: false,
  inviteLimit: 0,
  inviteLimitCycle: 10080,
  inviteExpirationTime: 0,
  canManageCustomEmojis: false,
  canManageAvatarDecorations: false,
  canSearchNotes: false,
  canUseTranslator: true,
  canHideAds: false,
  driveCapacityMb: 100,
  alwaysMarkNsfw: false,
  canUpdateBioMedia: true,
  pinLimit: 5,
  antennaLimit: 5,
  wordMuteLimit: 200,
  webhookLimit: 3,
  clipLimit: 10,
  noteEachClipsLimit: 200,
  userListLimit: 10,
  userEachUserListsLimit: 50,
  rateLimitFactor: 0,
  avatarDecorationLimit: 1,
  canImportAntennas: true,
  canImportBlocking: true,
  canImportFollowing: true,
  canImportMuting: true,
  canImportUserLists: true,
};

// The base role (meta, guests) as recorded from 2024.10.1; signed-in users have the role an
// admin typically grants, which adds note search.
export function rolePolicies(signedIn = false): Policies {
  return { ...POLICIES, canSearchNotes: signedIn };
}

export function avatarFileName(user: UserRecord): string {
  return `avatar-${user.id}.svg`;
}

// A profile image set from the drive, or null when it is gone (Misskey clears it on delete).
function profileImageUrl(db: Db, fileId: string | null): string | null {
  const file = fileId === null ? undefined : db.files.get(fileId);
  return file ? db.fileUrl(file.id) : null;
}

export function packUserLite(db: Db, user: UserRecord): Misskey.entities.UserLite {
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    host: null,
    avatarUrl: profileImageUrl(db, user.avatarId) ?? db.fileUrl(avatarFileName(user)),
    avatarBlurhash: null,
    avatarDecorations: [],
    isBot: user.isBot,
    isCat: user.isCat,
    emojis: {},
    onlineStatus: (db.online.get(user.id) ?? 0) > 0 ? 'online' : 'unknown',
    badgeRoles: [],
  };
}

function userDetailedBase(db: Db, user: UserRecord, viewerId: string | null): UserDetailed {
  const pinned = user.pinnedNoteIds.flatMap((id) => {
    const note = db.notes.get(id);
    return note && canSee(db, note, viewerId) ? [note] : [];
  });
  const notes = [...db.notes.values()].filter((n) => n.userId === user.id);
  return {
    ...packUserLite(db, user),
    url: null,
    uri: null,
    movedTo: null,
    alsoKnownAs: null,
    createdAt: idToDate(user.id).toISOString(),
    updatedAt: user.updatedAt,
    lastFetchedAt: null,
    bannerUrl: profileImageUrl(db, user.bannerId),
    bannerBlurhash: null,
    isLocked: user.isLocked,
    isSilenced: false,
    isSuspended: false,
    description: user.description,
    location: user.location,
    birthday: user.birthday,
    lang: null,
    fields: user.fields.map((f) => ({ ...f })),
    verifiedLinks: [],
    followersCount: db.followersOf(user.id).length,
    followingCount: db.followeesOf(user.id).length,
    notesCount: notes.length,
    pinnedNoteIds: pinned.map((n) => n.id),
    pinnedNotes: pinned.map((n) => packNote(db, n, viewerId, { detail: true })),
    pinnedPageId: null,
    pinnedPage: null,
    publicReactions: true,
    followersVisibility: 'public',
    followingVisibility: 'public',
    roles: [],
    memo: null,
  };
}

// UserDetailedNotMe; the relation fields appear only when someone is signed in.
export function packUserDetailed(db: Db, user: UserRecord, viewerId: string | null): UserDetailed {
  const base = userDetailedBase(db, user, viewerId);
  if (viewerId === null) return base;
  return {
    ...base,
    isFollowing: db.isFollowing(viewerId, user.id),
    isFollowed: db.isFollowing(user.id, viewerId),
    hasPendingFollowRequestFromYou: db.followRequests.has(`${viewerId}>${user.id}`),
    hasPendingFollowRequestToYou: db.followRequests.has(`${user.id}>${viewerId}`),
    isBlocking: false,
    isBlocked: false,
    isMuted: db.isMuting(viewerId, user.id),
    isRenoteMuted: false,
    notify: 'none',
    withReplies: false,
    followedMessage: null,
  };
}

export function packMe(db: Db, user: UserRecord): MeDetailed {
  const unread = db.notifications.filter((n) => n.userId === user.id && !n.isRead).length;
  return {
    ...userDetailedBase(db, user, user.id),
    twoFactorEnabled: false,
    usePasswordLessLogin: false,
    securityKeys: false,
    avatarId: user.avatarId,
    bannerId: user.bannerId,
    followedMessage: null,
    isModerator: false,
    isAdmin: user.isAdmin,
    injectFeaturedNote: true,
    receiveAnnouncementEmail: true,
    alwaysMarkNsfw: false,
    autoSensitive: false,
    carefulBot: false,
    autoAcceptFollowed: true,
    noCrawle: false,
    preventAiLearning: true,
    isExplorable: true,
    isDeleted: false,
    twoFactorBackupCodesStock: 'none',
    hideOnlineStatus: false,
    hasUnreadSpecifiedNotes: user.unreadSpecified.size > 0,
    hasUnreadMentions: user.unreadMentions.size > 0,
    hasUnreadAnnouncement: false,
    unreadAnnouncements: [],
    hasUnreadAntenna: false,
    hasUnreadChannel: false,
    hasUnreadNotification: unread > 0,
    hasPendingReceivedFollowRequest: [...db.followRequests.values()].some((r) => r.followeeId === user.id),
    unreadNotificationsCount: unread,
    // misskey-js types the field as string[][]; regex filters are plain strings on the wire.
    mutedWords: user.mutedWords as string[][],
    hardMutedWords: [],
    mutedInstances: [],
    mutingNotificationTypes: [],
    notificationRecieveConfig: {},
    emailNotificationTypes: ['follow', 'receiveFollowRequest'],
    achievements: [{ name: 'notes1', unlockedAt: idToDate(user.id).getTime() }],
    loggedInDays: 1,
    policies: rolePolicies(true),
    email: null,
    emailVerified: false,
    securityKeysList: [],
  };
}

/**
 * How much of a DriveFile a response carries: `self` (drive/files/create and update, driveFileCreated:
 * no userId, no folder), `list` (drive/files, a note's files: userId only) or `detail` (drive/files/show:
 * the owner and the folder with its counts).
 */
export type FilePack = 'self' | 'list' | 'detail';

export function packFile(db: Db, file: FileRecord, how: FilePack): Misskey.entities.DriveFile {
  const url = db.fileUrl(file.id);
  const folder = how === 'detail' && file.folderId !== null ? db.folders.get(file.folderId) : undefined;
  const owner = how === 'detail' ? db.users.get(file.userId) : undefined;
  return {
    id: file.id,
    createdAt: idToDate(file.id).toISOString(),
    name: file.name,
    type: file.type,
    md5: file.md5,
    size: file.data.length,
    isSensitive: file.isSensitive,
    blurhash: null,
    properties: file.width !== null && file.height !== null ? { width: file.width, height: file.height } : {},
    url,
    thumbnailUrl: file.type.startsWith('image/') ? url : null,
    comment: file.comment,
    folderId: file.folderId,
    folder: folder ? packFolder(db, folder, true) : null,
    userId: how === 'self' ? null : file.userId,
    user: owner ? packUserLite(db, owner) : null,
  };
}

/** A DriveFolder; `detail` adds the counts and, up the tree, the parent (drive/folders/show). */
export function packFolder(db: Db, folder: FolderRecord, detail: boolean): Misskey.entities.DriveFolder {
  const packed: Misskey.entities.DriveFolder = {
    id: folder.id,
    createdAt: idToDate(folder.id).toISOString(),
    name: folder.name,
    parentId: folder.parentId,
  };
  if (!detail) return packed;
  packed.foldersCount = [...db.folders.values()].filter((f) => f.parentId === folder.id).length;
  packed.filesCount = [...db.files.values()].filter((f) => f.folderId === folder.id).length;
  const parent = folder.parentId === null ? undefined : db.folders.get(folder.parentId);
  if (parent) packed.parent = packFolder(db, parent, true);
  return packed;
}

export function emojiUrl(db: Db, emoji: EmojiRecord): string {
  return db.fileUrl(emoji.fileName);
}

export function packEmojiSimple(db: Db, emoji: EmojiRecord): Misskey.entities.EmojiSimple {
  return { aliases: emoji.aliases, name: emoji.name, category: emoji.category, url: emojiUrl(db, emoji) };
}

export function packEmojiDetailed(db: Db, emoji: EmojiRecord): Misskey.entities.EmojiDetailed {
  return {
    id: emoji.id,
    aliases: emoji.aliases,
    name: emoji.name,
    category: emoji.category,
    host: null,
    url: emojiUrl(db, emoji),
    license: null,
    isSensitive: emoji.isSensitive,
    localOnly: false,
    roleIdsThatCanBeUsedThisEmojiAsReaction: [],
  };
}

export interface PackOptions {
  /** detail packs add clippedCount, poll, reply, renote and myReaction */
  detail: boolean;
  /** streamed notes carry the internal reactionAndUserPairCache and are never hidden */
  forStream?: boolean;
}

function reactionCounts(note: NoteRecord): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of note.reactions) counts[r.key] = (counts[r.key] ?? 0) + 1;
  return counts;
}

function packPoll(note: NoteRecord, viewerId: string | null): NonNullable<Note['poll']> | null {
  const poll = note.poll;
  if (!poll) return null;
  const mine = viewerId === null ? [] : (poll.votes.get(viewerId) ?? []);
  return {
    multiple: poll.multiple,
    expiresAt: poll.expiresAt,
    choices: poll.choices.map((text, i) => ({
      text,
      votes: (poll.extraVotes[i] ?? 0) + [...poll.votes.values()].filter((v) => v.includes(i)).length,
      isVoted: mine.includes(i),
    })),
  };
}

export function packNote(db: Db, note: NoteRecord, viewerId: string | null, options: PackOptions): Note {
  const author = db.users.get(note.userId)!;
  const hidden = !options.forStream && !canSee(db, note, viewerId);
  let renoteCount = 0;
  let repliesCount = 0;
  for (const n of db.notes.values()) {
    if (n.renoteId === note.id) renoteCount++;
    if (n.replyId === note.id) repliesCount++;
  }
  const packed: Note = {
    id: note.id,
    createdAt: idToDate(note.id).toISOString(),
    userId: note.userId,
    user: packUserLite(db, author),
    text: hidden ? null : note.text,
    cw: hidden ? null : note.cw,
    visibility: note.visibility,
    localOnly: note.localOnly,
    reactionAcceptance: note.reactionAcceptance,
    ...(note.visibility === 'specified' && !hidden ? { visibleUserIds: note.visibleUserIds } : {}),
    renoteCount,
    repliesCount,
    reactionCount: note.reactions.length,
    reactions: reactionCounts(note),
    reactionEmojis: {},
    ...(options.forStream ? { reactionAndUserPairCache: [] } : {}),
    ...(note.tags.length > 0 ? { tags: note.tags } : {}),
    fileIds: hidden ? [] : note.fileIds,
    files: hidden
      ? []
      : note.fileIds.flatMap((id) => {
          const file = db.files.get(id);
          return file ? [packFile(db, file, 'list')] : [];
        }),
    replyId: note.replyId,
    renoteId: note.renoteId,
    ...(note.mentions.length > 0 ? { mentions: note.mentions } : {}),
  };
  if (!options.detail) return hidden ? { ...packed, isHidden: true } : packed;

  packed.clippedCount = 0;
  const poll = hidden ? null : packPoll(note, viewerId);
  if (poll) packed.poll = poll;
  const reply = note.replyId === null ? undefined : db.notes.get(note.replyId);
  if (reply) packed.reply = packNote(db, reply, viewerId, { detail: false, forStream: options.forStream ?? false });
  const renote = note.renoteId === null ? undefined : db.notes.get(note.renoteId);
  if (renote) packed.renote = packNote(db, renote, viewerId, { detail: true, forStream: options.forStream ?? false });
  const mine = viewerId === null ? undefined : note.reactions.find((r) => r.userId === viewerId);
  if (mine) packed.myReaction = mine.key;
  if (hidden) packed.isHidden = true;
  return packed;
}

export function packNotification(db: Db, n: NotificationRecord): Misskey.entities.Notification {
  const out: Record<string, unknown> = { id: n.id, createdAt: idToDate(n.id).toISOString(), type: n.type };
  const notifier = n.notifierId === null ? undefined : db.users.get(n.notifierId);
  if (notifier) {
    out.userId = notifier.id;
    out.user = packUserLite(db, notifier);
  }
  const note = n.noteId === null ? undefined : db.notes.get(n.noteId);
  if (note) out.note = packNote(db, note, n.userId, { detail: true });
  if (n.type === 'reaction') out.reaction = n.reaction;
  if (n.type === 'followRequestAccepted') out.message = null;
  if (n.type === 'achievementEarned') out.achievement = n.achievement;
  // The union type cannot be narrowed from a built record; the fields follow n.type above.
  return out as Misskey.entities.Notification;
}
