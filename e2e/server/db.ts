import { EventEmitter } from 'node:events';
import type * as Misskey from 'misskey-js';
import { IdGenerator } from './ids.ts';
import { vapidPublicKey, type PushRecord, type SwSubscriptionRecord } from './push.ts';

// The in-memory model behind every endpoint and channel. Records hold raw data;
// pack.ts turns them into the misskey-js entity shapes a viewer sees.

export type Visibility = Misskey.entities.Note['visibility'];

export interface UserRecord {
  id: string;
  username: string;
  /** the user's server when they are a remote user; absent for local users */
  host?: string;
  name: string | null;
  description: string | null;
  isLocked: boolean;
  isBot: boolean;
  isAdmin: boolean;
  updatedAt: string | null;
  /** Note ids that mention the user and are not read yet (for unreadMention). */
  unreadMentions: Set<string>;
  unreadSpecified: Set<string>;
  /** Notes pinned to the profile, newest pin first. */
  pinnedNoteIds: string[];
  /** Soft word mute, applied by clients: words that must all appear, or "/regex/flags". */
  mutedWords: (string[] | string)[];
  location: string | null;
  /** YYYY-MM-DD */
  birthday: string | null;
  fields: { name: string; value: string }[];
  isCat: boolean;
  /** drive files shown as the avatar and banner; null shows the generated avatar / no banner */
  avatarId: string | null;
  bannerId: string | null;
  /** Who may start a chat with the user (2026 profile). */
  chatScope: ChatScope;
  /** Role policies that differ from the default role for this user (set by the control API). */
  policyOverrides: Partial<Misskey.entities.RolePolicies>;
}

export type ChatScope = 'everyone' | 'followers' | 'following' | 'mutual' | 'none';

/** Which Misskey the stand-in behaves like: 2024.10.1 (the default) or 2026.5 (chat, drafts, no unread-mention events). */
export type MisskeyProfile = '2024.10' | '2026.5';

export interface ChatMessageRecord {
  id: string;
  fromUserId: string;
  /** one of toUserId / toRoomId is set */
  toUserId: string | null;
  toRoomId: string | null;
  text: string | null;
  fileId: string | null;
  /** in the order they were added; a user may add several different reactions */
  reactions: { userId: string; reaction: string }[];
}

export interface ChatRoomRecord {
  id: string;
  ownerId: string;
  name: string;
  description: string;
}

export interface ChatMembershipRecord {
  id: string;
  roomId: string;
  userId: string;
  isMuted: boolean;
}

export interface ChatInvitationRecord {
  id: string;
  roomId: string;
  userId: string;
  ignored: boolean;
}

/** What a note and a draft of one both hold. */
export interface NoteFields {
  id: string;
  userId: string;
  text: string | null;
  cw: string | null;
  visibility: Visibility;
  visibleUserIds: string[];
  localOnly: boolean;
  reactionAcceptance: Misskey.entities.Note['reactionAcceptance'];
  replyId: string | null;
  renoteId: string | null;
}

export interface NoteDraftRecord extends NoteFields {
  channelId: string | null;
  hashtag: string | null;
  fileIds: string[];
  poll: { choices: string[]; multiple: boolean; expiresAt: number | null; expiredAfter: number | null } | null;
  /** Unix ms */
  scheduledAt: number | null;
  isActuallyScheduled: boolean;
}

export interface PollRecord {
  choices: string[];
  multiple: boolean;
  expiresAt: string | null;
  /** voter id → chosen indexes */
  votes: Map<string, number[]>;
  /** votes cast by users outside the seed's user set, per choice */
  extraVotes: number[];
}

export interface ReactionRecord {
  id: string;
  userId: string;
  /** normalised key: unicode without FE0F, or `:name@.:` */
  key: string;
}

export interface NoteRecord extends NoteFields {
  fileIds: string[];
  poll: PollRecord | null;
  reactions: ReactionRecord[];
  mentions: string[];
  tags: string[];
  /** the Misskey channel it was posted in (always public and local-only then) */
  channelId: string | null;
}

export interface FileRecord {
  id: string;
  userId: string;
  name: string;
  type: string;
  data: Buffer;
  md5: string;
  isSensitive: boolean;
  width: number | null;
  height: number | null;
  folderId: string | null;
  comment: string | null;
}

export interface FolderRecord {
  id: string;
  userId: string;
  name: string;
  parentId: string | null;
}

export interface EmojiRecord {
  id: string;
  name: string;
  category: string | null;
  aliases: string[];
  /** served from /files/<fileName> */
  fileName: string;
  isSensitive: boolean;
}

export interface NotificationRecord {
  id: string;
  /** the recipient */
  userId: string;
  type: Misskey.entities.Notification['type'];
  notifierId: string | null;
  noteId: string | null;
  reaction: string | null;
  achievement: string | null;
  /** scheduledNotePostFailed */
  draftId?: string | null;
  /** chatRoomInvitationReceived */
  invitationId?: string | null;
  isRead: boolean;
}

export interface TokenRecord {
  userId: string;
  /** null for a native token, which has every permission */
  permissions: string[] | null;
}

export interface MiAuthSession {
  name: string;
  permissions: string[];
  callback: string | null;
  token: string | null;
  userId: string | null;
  checked: boolean;
}

export interface FollowingRecord {
  id: string;
  followerId: string;
  followeeId: string;
}

export interface UserList {
  id: string;
  userId: string;
  name: string;
  isPublic: boolean;
  userIds: string[];
}

export interface ClipRecord {
  id: string;
  userId: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  lastClippedAt: string | null;
  /** clipped notes: the clip-note id (which orders clips/notes) by note id */
  notes: Map<string, string>;
  /** who favorited it */
  favoritedBy: Set<string>;
}

export type AntennaSource = 'home' | 'all' | 'users' | 'list' | 'users_blacklist';

export interface AntennaRecord {
  id: string;
  userId: string;
  name: string;
  src: AntennaSource;
  userListId: string | null;
  keywords: string[][];
  excludeKeywords: string[][];
  users: string[];
  caseSensitive: boolean;
  localOnly: boolean;
  excludeBots: boolean;
  withReplies: boolean;
  withFile: boolean;
  /** ids of the notes it caught, newest last */
  noteIds: string[];
}

export interface ChannelRecord {
  id: string;
  userId: string;
  name: string;
  description: string | null;
  color: string;
  isSensitive: boolean;
  allowRenoteToExternal: boolean;
  lastNotedAt: string | null;
  followers: Set<string>;
  favoritedBy: Set<string>;
  /** 2026 channel mutes: who mutes it, until when (Unix ms; null for good) */
  mutedBy: Map<string, number | null>;
}

export interface AnnouncementRecord {
  id: string;
  title: string;
  text: string;
  imageUrl: string | null;
  icon: 'info' | 'warning' | 'error' | 'success';
  display: 'normal' | 'banner' | 'dialog';
  needConfirmationToRead: boolean;
  silence: boolean;
  /** set for an announcement to one user only */
  userId: string | null;
  readBy: Set<string>;
}

// Events emitted on `db.events`; stream.ts and the main-channel notifier listen.
export interface DbEvents {
  note: [note: NoteRecord];
  noteUpdated: [noteId: string, type: 'reacted' | 'unreacted' | 'pollVoted' | 'deleted', body: unknown];
  main: [userId: string, type: string, body: unknown];
  /** the `drive` channel's events (fileUpdated, folderCreated, …) */
  drive: [userId: string, type: string, body: unknown];
  broadcast: [type: string, body: unknown];
  userList: [listId: string, type: 'userAdded' | 'userRemoved', body: unknown];
  /** an event on `userId`'s chatUser channels for the conversation with `otherId` */
  chatUser: [userId: string, otherId: string, type: string, body: unknown];
  chatRoom: [roomId: string, type: string, body: unknown];
}

export interface FollowRequestRecord {
  id: string;
  followerId: string;
  followeeId: string;
}

export class Db {
  readonly events = new EventEmitter<DbEvents>();
  readonly ids: IdGenerator;
  readonly users = new Map<string, UserRecord>();
  readonly notes = new Map<string, NoteRecord>();
  readonly files = new Map<string, FileRecord>();
  readonly folders = new Map<string, FolderRecord>();
  /** i/registry: `${userId} ${domain ?? ''} ${scope.join('/')}` → key → value */
  readonly registry = new Map<string, Map<string, unknown>>();
  readonly emojis = new Map<string, EmojiRecord>();
  readonly notifications: NotificationRecord[] = [];
  readonly tokens = new Map<string, TokenRecord>();
  readonly miauth = new Map<string, MiAuthSession>();
  readonly lists = new Map<string, UserList>();
  /** `${followerId}>${followeeId}` → the following's id (which orders users/following and users/followers) */
  readonly follows = new Map<string, string>();
  /** `${muterId}>${muteeId}` */
  readonly mutes = new Set<string>();
  /** `${userId}>${noteId}` → the favorite's id (which orders i/favorites) */
  readonly favorites = new Map<string, string>();
  /** pending requests by `${followerId}>${followeeId}`; the id orders following/requests/list */
  readonly followRequests = new Map<string, FollowRequestRecord>();
  readonly clips = new Map<string, ClipRecord>();
  readonly antennas = new Map<string, AntennaRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly announcements = new Map<string, AnnouncementRecord>();
  /** usernames the server pins on its explore page (meta.pinnedUsers) */
  pinnedUsers: string[] = [];
  /** Static generated assets under /files/ that are not drive files (avatars, emoji). */
  readonly assets = new Map<string, { type: string; data: Buffer | string }>();
  /** Users with an open stream socket, for onlineStatus. */
  readonly online = new Map<string, number>();
  readonly chatMessages = new Map<string, ChatMessageRecord>();
  readonly chatRooms = new Map<string, ChatRoomRecord>();
  readonly chatMemberships = new Map<string, ChatMembershipRecord>();
  readonly chatInvitations = new Map<string, ChatInvitationRecord>();
  /** Per reader: the conversations with something unread (`user:<id>`, `room:<id>`); feeds hasUnreadChatMessages. */
  readonly chatUnread = new Map<string, Set<string>>();
  /** `${readerId}:user:${otherId}` or `${readerId}:room:${roomId}` → the newest unread message; feeds history's isRead. */
  readonly chatMarkers = new Map<string, string>();
  readonly noteDrafts = new Map<string, NoteDraftRecord>();
  /** meta.version; an old one with --legacy-api-stream */
  version = '2024.10.1';
  profile: MisskeyProfile = '2024.10';
  /** Push notifications: meta's enableServiceWorker and swPublickey (admin/update-meta sets both). */
  serviceWorker: { enabled: boolean; publicKey: string | null } = { enabled: true, publicKey: vapidPublicKey() };
  /** sw/register's registrations, and the pushes they would have received (see push.ts). */
  readonly swSubscriptions: SwSubscriptionRecord[] = [];
  readonly pushes: PushRecord[] = [];

  private readonly timers = new Map<NodeJS.Timeout, () => void>();

  constructor(
    public baseUrl: string,
    node: string,
  ) {
    this.ids = new IdGenerator(node);
    this.events.setMaxListeners(0);
  }

  /** Runs `fn` later unless the database is disposed first (reset or shutdown). */
  later(fn: () => void, ms: number): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        fn();
      },
      Math.min(ms, 2 ** 31 - 1),
    );
    timer.unref();
    this.timers.set(timer, fn);
  }

  /** Runs now, in the order they were set, what was set for later (as if its time had come). */
  runLater(): number {
    const due = [...this.timers];
    this.timers.clear();
    for (const [timer] of due) clearTimeout(timer);
    for (const [, fn] of due) fn();
    return due.length;
  }

  dispose(): void {
    for (const timer of this.timers.keys()) clearTimeout(timer);
    this.timers.clear();
    this.events.removeAllListeners();
  }

  /** The 2026.5 profile: chat, server drafts, scheduled notes, no unread-mention events. */
  get modern(): boolean {
    return this.profile === '2026.5';
  }

  /** By username on `host` (null: a local user), or on any server when no host is given. */
  userByName(username: string, host?: string | null): UserRecord | undefined {
    const lower = username.toLowerCase();
    for (const user of this.users.values()) {
      if (user.username.toLowerCase() === lower && (host === undefined || (user.host ?? null) === host)) return user;
    }
    return undefined;
  }

  mutesChannel(userId: string, channelId: string): boolean {
    const channel = this.channels.get(channelId);
    if (!channel?.mutedBy.has(userId)) return false;
    const until = channel.mutedBy.get(userId) ?? null;
    return until === null || until > Date.now();
  }

  isMuting(muterId: string | null, muteeId: string): boolean {
    return muterId !== null && this.mutes.has(`${muterId}>${muteeId}`);
  }

  isFollowing(followerId: string, followeeId: string): boolean {
    return this.follows.has(`${followerId}>${followeeId}`);
  }

  followeesOf(userId: string): string[] {
    return this.followings()
      .filter((f) => f.followerId === userId)
      .map((f) => f.followeeId);
  }

  followersOf(userId: string): string[] {
    return this.followings()
      .filter((f) => f.followeeId === userId)
      .map((f) => f.followerId);
  }

  /** Every following, newest first. */
  followings(): FollowingRecord[] {
    return [...this.follows]
      .map(([key, id]) => {
        const [followerId = '', followeeId = ''] = key.split('>');
        return { id, followerId, followeeId };
      })
      .sort((a, b) => (a.id < b.id ? 1 : -1));
  }

  /** Notes sorted newest first, by id like the real server. */
  notesNewestFirst(): NoteRecord[] {
    return [...this.notes.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  fileUrl(fileName: string): string {
    return `${this.baseUrl}/files/${fileName}`;
  }
}
