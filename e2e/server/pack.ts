import type * as Misskey from 'misskey-js';
import type {
  ChatInvitationRecord,
  ChatMessageRecord,
  ChatRoomRecord,
  Db,
  EmojiRecord,
  FileRecord,
  FolderRecord,
  NoteDraftRecord,
  NoteRecord,
  NotificationRecord,
  UserRecord,
} from './db.ts';
import { packAnnouncement, unreadAnnouncements } from './announcements.ts';
import { idToDate } from './ids.ts';
import type { MeDetailed, ModernPolicies, Policies, UserDetailed } from './shapes.ts';
import { canSee } from './visibility.ts';
import { packInstance } from './remote.ts';

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

// What 2026 adds to the base role, with the stock defaults recorded from 2026.3.2.
const MODERN_POLICIES: Omit<ModernPolicies, keyof Policies> = {
  canSearchUsers: true,
  canCreateChannel: true,
  maxFileSizeMb: 30,
  uploadableFileTypes: ['text/*', 'application/json', 'image/*', 'video/*', 'audio/*'],
  chatAvailability: 'available',
  noteDraftLimit: 10,
  scheduledNoteLimit: 1,
  watermarkAvailable: true,
};

// The base role (meta, guests) as recorded; signed-in users have the role an admin typically
// grants, which adds note search. The control API can change a user's policies (policyOverrides).
export function rolePolicies(db: Db, user: UserRecord | null = null): Policies & Partial<ModernPolicies> {
  const base = { ...POLICIES, canSearchNotes: user !== null };
  if (!db.modern) {
    // 2024.10 has only its own policies: an override of a later one does not show there.
    const known = Object.entries(user?.policyOverrides ?? {}).filter(([key]) => key in POLICIES);
    return { ...base, ...(Object.fromEntries(known) as Partial<Policies>) };
  }
  return { ...base, ...MODERN_POLICIES, ...user?.policyOverrides };
}

/** The full 2026 policies of a user (only meaningful on the 2026 profile). */
export function modernPolicies(user: UserRecord | null): ModernPolicies {
  return { ...POLICIES, canSearchNotes: user !== null, ...MODERN_POLICIES, ...user?.policyOverrides };
}

/** Whether `viewer` may start a chat with `user`: both roles allow writing, and the user's chatScope lets the viewer in. */
export function canChatWith(db: Db, viewer: UserRecord, user: UserRecord): boolean {
  if (viewer.id === user.id) return false;
  if (modernPolicies(viewer).chatAvailability !== 'available') return false;
  if (modernPolicies(user).chatAvailability !== 'available') return false;
  switch (user.chatScope) {
    case 'everyone':
      return true;
    case 'followers':
      return db.isFollowing(viewer.id, user.id);
    case 'following':
      return db.isFollowing(user.id, viewer.id);
    case 'mutual':
      return db.isFollowing(viewer.id, user.id) && db.isFollowing(user.id, viewer.id);
    case 'none':
      return false;
  }
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
    host: user.host ?? null,
    avatarUrl: profileImageUrl(db, user.avatarId) ?? db.fileUrl(avatarFileName(user)),
    avatarBlurhash: null,
    avatarDecorations: [],
    isBot: user.isBot,
    isCat: user.isCat,
    ...(user.host ? { instance: packInstance(db, user.host) } : {}),
    emojis: {},
    onlineStatus: (db.online.get(user.id) ?? 0) > 0 ? 'online' : 'unknown',
    badgeRoles: [],
  };
}

/** The lite pack of a user the records point at by id (an owner, a sender, a reactor). */
export function packUserLiteById(db: Db, userId: string): Misskey.entities.UserLite {
  return packUserLite(db, db.users.get(userId)!);
}

function userDetailedBase(db: Db, user: UserRecord, viewerId: string | null): UserDetailed {
  const pinned = user.pinnedNoteIds.flatMap((id) => {
    const note = db.notes.get(id);
    return note && canSee(db, note, viewerId) ? [note] : [];
  });
  const notes = [...db.notes.values()].filter((n) => n.userId === user.id);
  return {
    ...packUserLite(db, user),
    url: user.host ? `https://${user.host}/@${user.username}` : null,
    uri: user.host ? `https://${user.host}/users/${user.id}` : null,
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
  const base = { ...userDetailedBase(db, user, viewerId), ...chatFields(db, user, viewerId) };
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

// 2026 tells who may chat: the user's chatScope, and whether the viewer may start a chat with them.
function chatFields(db: Db, user: UserRecord, viewerId: string | null): Partial<Misskey.entities.UserDetailedNotMe> {
  if (!db.modern) return {};
  const viewer = viewerId === null ? undefined : db.users.get(viewerId);
  return { chatScope: user.chatScope, canChat: viewer ? canChatWith(db, viewer, user) : false };
}

export function packMe(db: Db, user: UserRecord): MeDetailed {
  const unread = db.notifications.filter((n) => n.userId === user.id && !n.isRead).length;
  const unreadNews = unreadAnnouncements(db, user.id);
  // 2026 no longer tracks these two flags (they stay false) and adds the chat ones.
  const modern = db.modern
    ? {
        chatScope: user.chatScope,
        canChat: modernPolicies(user).chatAvailability === 'available',
        hasUnreadChatMessages: (db.chatUnread.get(user.id)?.size ?? 0) > 0,
      }
    : {};
  return {
    ...userDetailedBase(db, user, user.id),
    ...modern,
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
    hasUnreadSpecifiedNotes: !db.modern && user.unreadSpecified.size > 0,
    hasUnreadMentions: !db.modern && user.unreadMentions.size > 0,
    hasUnreadAnnouncement: unreadNews.length > 0,
    unreadAnnouncements: unreadNews.map((a) => packAnnouncement(a, user.id)),
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
    policies: rolePolicies(db, user),
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

// A channel note names its channel with this short form (notes/create and timelines alike).
function packNoteChannel(db: Db, note: NoteRecord): Pick<Note, 'channelId' | 'channel'> {
  const channel = note.channelId === null ? undefined : db.channels.get(note.channelId);
  if (!channel) return {};
  return {
    channelId: channel.id,
    channel: {
      id: channel.id,
      name: channel.name,
      color: channel.color,
      isSensitive: channel.isSensitive,
      allowRenoteToExternal: channel.allowRenoteToExternal,
      userId: channel.userId,
    },
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
    // A remote note carries its custom emoji, and where it lives on its own server.
    ...(author.host ? { emojis: {} } : {}),
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
    ...packNoteChannel(db, note),
    ...(author.host ? { uri: `https://${author.host}/notes/${note.id}`, url: `https://${author.host}/notes/${note.id}` } : {}),
  };
  if (!options.detail) return hidden ? { ...packed, isHidden: true } : packed;

  packed.clippedCount = [...db.clips.values()].filter((c) => c.notes.has(note.id)).length;
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
  const draft = n.draftId ? db.noteDrafts.get(n.draftId) : undefined;
  if (draft) out.noteDraft = packNoteDraft(db, draft);
  const invitation = n.invitationId ? db.chatInvitations.get(n.invitationId) : undefined;
  if (invitation) out.invitation = packChatInvitation(db, invitation, n.userId);
  if (n.type === 'followRequestAccepted') out.message = null;
  if (n.type === 'achievementEarned') out.achievement = n.achievement;
  // The union type cannot be narrowed from a built record; the fields follow n.type above.
  return out as Misskey.entities.Notification;
}

// ---- 2026 entities: chat and note drafts (shapes as recorded from 2026.3.2) ----

export function packChatRoom(db: Db, room: ChatRoomRecord, viewerId: string | null): Misskey.entities.ChatRoom {
  const membership = [...db.chatMemberships.values()].find((m) => m.roomId === room.id && m.userId === viewerId);
  const invited = [...db.chatInvitations.values()].some((i) => i.roomId === room.id && i.userId === viewerId);
  return {
    id: room.id,
    createdAt: idToDate(room.id).toISOString(),
    name: room.name,
    description: room.description,
    ownerId: room.ownerId,
    owner: packUserLiteById(db, room.ownerId),
    isMuted: membership?.isMuted ?? false,
    invitationExists: viewerId !== room.ownerId && invited,
  };
}

function packChatFile(db: Db, fileId: string | null): Misskey.entities.DriveFile | null {
  const file = fileId === null ? undefined : db.files.get(fileId);
  return file ? packFile(db, file, 'self') : null;
}

// In a room each reaction names its user.
function packRoomReactions(db: Db, m: ChatMessageRecord): Misskey.entities.ChatMessageLiteForRoom['reactions'] {
  return m.reactions.map((r) => ({ user: packUserLiteById(db, r.userId), reaction: r.reaction }));
}

/** The lite 1:1 pack (create-to-user, user-timeline, the chatUser stream): reactions carry no user. */
export function packChatMessageFor1on1(db: Db, m: ChatMessageRecord): Misskey.entities.ChatMessageLiteFor1on1 {
  return {
    id: m.id,
    createdAt: idToDate(m.id).toISOString(),
    text: m.text,
    fromUserId: m.fromUserId,
    toUserId: m.toUserId!,
    fileId: m.fileId,
    file: packChatFile(db, m.fileId),
    reactions: m.reactions.map((r) => ({ reaction: r.reaction })),
  };
}

/** The room pack (create-to-room, room-timeline, the chatRoom stream): the sender and each reaction's user. */
export function packChatMessageForRoom(db: Db, m: ChatMessageRecord): Misskey.entities.ChatMessageLiteForRoom {
  return {
    id: m.id,
    createdAt: idToDate(m.id).toISOString(),
    text: m.text,
    fromUserId: m.fromUserId,
    fromUser: packUserLiteById(db, m.fromUserId),
    toRoomId: m.toRoomId!,
    fileId: m.fileId,
    file: packChatFile(db, m.fileId),
    reactions: packRoomReactions(db, m),
  };
}

/** The detailed pack (show, search, history, main's newChatMessage): toUser for 1:1, toRoom for rooms. */
export function packChatMessage(db: Db, m: ChatMessageRecord, viewerId: string | null): Misskey.entities.ChatMessage {
  const room = m.toRoomId === null ? undefined : db.chatRooms.get(m.toRoomId);
  const toUser = m.toUserId === null ? undefined : db.users.get(m.toUserId);
  return {
    id: m.id,
    createdAt: idToDate(m.id).toISOString(),
    text: m.text,
    fromUserId: m.fromUserId,
    fromUser: packUserLiteById(db, m.fromUserId),
    toUserId: m.toUserId,
    ...(toUser ? { toUser: packUserLite(db, toUser) } : {}),
    toRoomId: m.toRoomId,
    ...(room ? { toRoom: packChatRoom(db, room, viewerId) } : {}),
    fileId: m.fileId,
    file: packChatFile(db, m.fileId),
    reactions: packRoomReactions(db, m),
  };
}

export function packChatInvitation(
  db: Db,
  inv: ChatInvitationRecord,
  viewerId: string | null,
): Misskey.entities.ChatRoomInvitation {
  return {
    id: inv.id,
    createdAt: idToDate(inv.id).toISOString(),
    roomId: inv.roomId,
    room: packChatRoom(db, db.chatRooms.get(inv.roomId)!, viewerId),
    userId: inv.userId,
    user: packUserLiteById(db, inv.userId),
  };
}

/** Every key is present, with null or []; scheduledAt is Unix ms (unlike createdAt). */
export function packNoteDraft(db: Db, d: NoteDraftRecord): Misskey.entities.NoteDraft {
  return {
    id: d.id,
    createdAt: idToDate(d.id).toISOString(),
    scheduledAt: d.scheduledAt,
    isActuallyScheduled: d.isActuallyScheduled,
    userId: d.userId,
    user: packUserLiteById(db, d.userId),
    text: d.text,
    cw: d.cw,
    visibility: d.visibility,
    localOnly: d.localOnly,
    reactionAcceptance: d.reactionAcceptance,
    visibleUserIds: d.visibleUserIds,
    hashtag: d.hashtag,
    fileIds: d.fileIds,
    files: d.fileIds.flatMap((id) => {
      const file = db.files.get(id);
      return file ? [packFile(db, file, 'self')] : [];
    }),
    replyId: d.replyId,
    renoteId: d.renoteId,
    channelId: d.channelId,
    poll: d.poll
      ? {
          choices: d.poll.choices,
          multiple: d.poll.multiple,
          expiresAt: d.poll.expiresAt === null ? null : new Date(d.poll.expiresAt).toISOString(),
          expiredAfter: d.poll.expiredAfter,
        }
      : null,
  };
}
