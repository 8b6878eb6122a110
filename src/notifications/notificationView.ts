// What a notification says and where it leads, whatever its type (newer servers add types).
import type * as Misskey from 'misskey-js';
import { userAcct } from '@/note/acct';
import { reactionLook, type ReactionEmojiSources, type ReactionLook } from '@/note/reactionEmoji';
import type { ShownNotification } from './notificationGroups';

type Notification = Misskey.entities.Notification;
type UserLite = Misskey.entities.UserLite;
type Note = Misskey.entities.Note;

export interface Translator {
  t(key: string, params?: Record<string, unknown>, plural?: number): string;
  te(key: string): boolean;
}

// Read as a loose record: a server may omit fields misskey-js declares (pollEnded has no user
// on 2024.10) or send a type misskey-js does not know at all.
type Loose = { id: string; type: string } & Record<string, unknown>;

function loose(n: Notification): Loose {
  return n as unknown as Loose;
}

export function notificationUser(n: Notification): UserLite | null {
  const user = loose(n).user;
  if (user && typeof user === 'object') return user as UserLite;
  // An invitation is from the room's owner, the only one who may invite.
  return n.type === 'chatRoomInvitationReceived' ? (invitationOf(n)?.room.owner ?? null) : null;
}

// Read loosely too: a server may leave out what misskey-js declares.
function invitationOf(n: Notification): Misskey.entities.ChatRoomInvitation | undefined {
  const invitation = loose(n).invitation as Partial<Misskey.entities.ChatRoomInvitation> | undefined;
  return invitation?.room ? (invitation as Misskey.entities.ChatRoomInvitation) : undefined;
}

export function notificationNote(n: Notification): Note | null {
  const note = loose(n).note;
  return note && typeof note === 'object' ? (note as Note) : null;
}

function stringField(n: Notification, key: string): string {
  const value = loose(n)[key];
  return typeof value === 'string' ? value : '';
}

export function displayName(user: UserLite): string {
  return user.name || user.username;
}

/**
 * One line for a notification or a group: the message key, the user who fills {user}, the
 * other placeholders as text ({reaction} stays the reaction key, for a view that draws it), and
 * for groups the count of the others (the plural choice, also {n}).
 */
export interface NotificationLine {
  key: string;
  user: UserLite | null;
  params: Record<string, string>;
  count?: number;
}

const EXPORTED = ['antenna', 'blocking', 'clip', 'customEmoji', 'favorite', 'following', 'muting', 'note', 'userList'];

/** An achievement's name in the reader's language (achievements load on demand; the id until then). */
export function achievementName(id: string, { t, te }: Translator): string {
  const key = `achievements.${id}.name`;
  return te(key) ? t(key) : id;
}

export function achievementDescription(id: string, { t, te }: Translator): string {
  const key = `achievements.${id}.description`;
  return te(key) ? t(key) : '';
}

const TYPES = 'notifications.types';

/** A group's line ("Bob and 3 others reacted"), or the line of its one notification. */
export function notificationLine(item: ShownNotification, tr: Translator): NotificationLine {
  if (item.type !== 'reaction:grouped' && item.type !== 'renote:grouped') return singleLine(item.newest, tr);
  const [user = null, ...others] = item.users;
  const key = item.type === 'reaction:grouped' ? `${TYPES}.reactionGrouped` : `${TYPES}.renoteGrouped`;
  return { key, user, params: { n: String(others.length) }, count: others.length };
}

function singleLine(n: Notification, tr: Translator): NotificationLine {
  const user = notificationUser(n);
  const line = (name: string, params: Record<string, string> = {}): NotificationLine => ({
    key: `${TYPES}.${name}`,
    user,
    params,
  });
  switch (n.type) {
    case 'reaction':
      return line('reaction', { reaction: stringField(n, 'reaction') });
    case 'app': {
      const header = stringField(n, 'header');
      return line(header ? 'appWithHeader' : 'app', { header, body: stringField(n, 'body') });
    }
    case 'followRequestAccepted': {
      const message = stringField(n, 'message');
      return message ? line('followRequestAcceptedWithMessage', { message }) : line('followRequestAccepted');
    }
    case 'achievementEarned':
      return line('achievementEarned', { achievement: achievementName(stringField(n, 'achievement'), tr) });
    case 'roleAssigned': {
      const role = loose(n).role as { name?: unknown } | undefined;
      return typeof role?.name === 'string' ? line('roleAssignedNamed', { role: role.name }) : line('roleAssigned');
    }
    case 'exportCompleted': {
      const entity = stringField(n, 'exportedEntity');
      return EXPORTED.includes(entity)
        ? line('exportCompletedOf', { what: tr.t(`notifications.exported.${entity}`) })
        : line('exportCompleted');
    }
  }
  return tr.te(`${TYPES}.${n.type}`) ? line(n.type) : line('other', { type: n.type });
}

/** The line as plain text (desktop notifications, announcements). */
export function notificationText(n: Notification, tr: Translator): string {
  const { key, user, params } = singleLine(n, tr);
  return tr.t(key, { ...params, user: user ? displayName(user) : '' });
}

/**
 * The page of the note it is about (for renotes, the note renoted), else of the page or user it is
 * about, else nowhere. A path, not a named route: the service worker opens it too (a push clicked).
 */
export function notificationTarget(n: Notification): string | null {
  const note = notificationNote(n);
  const about = note && (n.type === 'renote' || n.type === 'renote:grouped') && note.renoteId ? note.renoteId : note?.id;
  if (about) return `/notes/${encodeURIComponent(about)}`;
  if (n.type === 'chatRoomInvitationReceived') return '/chat';
  // A scheduled note that failed is a plain draft again: the home composer offers it.
  if (n.type === 'scheduledNotePostFailed') return '/';
  const user = notificationUser(n);
  if (user) return `/${userAcct(user)}`;
  return null;
}

/**
 * The emoji of a reaction. Notifications carry the stored key (`:blobcat:` for a local emoji,
 * no `@.`), which reactionLook reads like the normalised one; remote emoji come from the note's
 * `reactionEmojis`.
 */
export function reactionOf(
  reaction: string,
  note: Note | null,
  sources: Omit<ReactionEmojiSources, 'reactionEmojis'>,
): ReactionLook | null {
  return reaction ? reactionLook(reaction, { ...sources, reactionEmojis: note?.reactionEmojis ?? {} }) : null;
}

// What a notification without a note is about: an app's message, a draft's text, a room's name.
function otherExcerpt(n: Notification): string {
  if (n.type === 'app') return stringField(n, 'body');
  if (n.type === 'scheduledNotePostFailed') {
    const draft = loose(n).noteDraft as Partial<Misskey.entities.NoteDraft> | undefined;
    return draft?.cw ?? draft?.text ?? '';
  }
  if (n.type === 'chatRoomInvitationReceived') return invitationOf(n)?.room.name ?? '';
  return '';
}

/** A short plain excerpt of what it is about: the note's CW or text, or an app's message body. */
export function notificationExcerpt(n: Notification, max = 140): string {
  const note = notificationNote(n);
  const shown = note && !note.text && !note.cw && note.renote ? note.renote : note;
  const raw = shown ? (shown.cw ?? shown.text ?? '') : otherExcerpt(n);
  const flat = raw.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
