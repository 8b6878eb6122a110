// What a notification says and where it leads, whatever its type (newer servers add types).
import type * as Misskey from 'misskey-js';
import type { RouteLocationRaw } from 'vue-router';
import { userAcct } from '@/note/acct';
import { reactionLook, type ReactionEmojiSources, type ReactionLook } from '@/note/reactionEmoji';

type Notification = Misskey.entities.Notification;
type UserLite = Misskey.entities.UserLite;
type Note = Misskey.entities.Note;

export interface Translator {
  t(key: string, params?: Record<string, unknown>): string;
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
 * One line for the notification, e.g. "Bob reacted ❤"; unknown types get a generic line.
 * `reactionApart` leaves the reaction out, for a view that shows it as an image next to the line.
 */
export function notificationText(n: Notification, { t, te }: Translator, reactionApart = false): string {
  const user = notificationUser(n);
  const params = {
    user: user ? displayName(user) : '',
    reaction: reactionApart ? '' : stringField(n, 'reaction'),
    achievement: stringField(n, 'achievement'),
    header: stringField(n, 'header'),
    body: stringField(n, 'body'),
    message: stringField(n, 'message'),
    type: n.type,
  };
  if (n.type === 'app') return t(params.header ? 'notifications.types.appWithHeader' : 'notifications.types.app', params);
  if (n.type === 'followRequestAccepted' && params.message)
    return t('notifications.types.followRequestAcceptedWithMessage', params);
  const key = `notifications.types.${n.type}`;
  return te(key) ? t(key, params) : t('notifications.types.other', params);
}

/** The note it is about, else the page or user it is about, else nowhere. */
export function notificationTarget(n: Notification): RouteLocationRaw | null {
  const note = notificationNote(n);
  if (note) return { name: 'note', params: { id: note.id } };
  if (n.type === 'chatRoomInvitationReceived') return { name: 'chat' };
  // A scheduled note that failed is a plain draft again: the home composer offers it.
  if (n.type === 'scheduledNotePostFailed') return { name: 'home' };
  const user = notificationUser(n);
  if (user) return { name: 'user', params: { acct: userAcct(user) } };
  return null;
}

/**
 * The emoji of a reaction notification. Notifications carry the stored key (`:blobcat:` for a
 * local emoji, no `@.`), which reactionLook reads like the normalised one; remote emoji come from
 * the note's `reactionEmojis`.
 */
export function notificationReaction(
  n: Notification,
  sources: Omit<ReactionEmojiSources, 'reactionEmojis'>,
): ReactionLook | null {
  const reaction = stringField(n, 'reaction');
  if (!reaction) return null;
  return reactionLook(reaction, { ...sources, reactionEmojis: notificationNote(n)?.reactionEmojis ?? {} });
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
