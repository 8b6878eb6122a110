import type { ChatMessageRecord, ChatRoomRecord, Db, UserRecord } from './db.ts';
import { ApiError, errors } from './errors.ts';
import { notify } from './notify.ts';
import {
  canChatWith,
  modernPolicies,
  packChatMessage,
  packChatMessageFor1on1,
  packChatMessageForRoom,
  packUserLite,
} from './pack.ts';

// Chat as 2026 does it (ChatService upstream): messages, reactions, rooms and invitations, the
// per-conversation read markers behind history's isRead, the per-user set behind
// hasUnreadChatMessages, and main's newChatMessage 3 s after a message that is still unread.
// Failures that upstream throws as plain Errors stay plain here, so they come out as 500s.

const NEW_MESSAGE_DELAY_MS = 3000;
const MAX_ROOM_MEMBERS = 50;
const MAX_REACTIONS_PER_MESSAGE = 100;

const userKey = (otherId: string) => `user:${otherId}`;
const roomKey = (roomId: string) => `room:${roomId}`;

/** Throws ROLE_PERMISSION_DENIED unless the user's chatAvailability allows reading (or writing). */
export function requireChat(user: UserRecord, need: 'read' | 'write'): void {
  const availability = modernPolicies(user).chatAvailability;
  if (availability === 'available' || (need === 'read' && availability === 'readonly')) return;
  throw new ApiError(
    403,
    'ROLE_PERMISSION_DENIED',
    'c3d38592-54c0-429d-be96-5636b0431a61',
    'You are not assigned to a required role.',
    'permission',
  );
}

export function isRoomMember(db: Db, room: ChatRoomRecord, userId: string): boolean {
  return room.ownerId === userId || [...db.chatMemberships.values()].some((m) => m.roomId === room.id && m.userId === userId);
}

export function roomMemberIds(db: Db, room: ChatRoomRecord): string[] {
  return [room.ownerId, ...[...db.chatMemberships.values()].filter((m) => m.roomId === room.id).map((m) => m.userId)];
}

function markUnread(db: Db, readerId: string, key: string, messageId: string): void {
  const set = db.chatUnread.get(readerId) ?? new Set<string>();
  set.add(key);
  db.chatUnread.set(readerId, set);
  db.chatMarkers.set(`${readerId}:${key}`, messageId);
}

function clearUnread(db: Db, readerId: string, key: string): void {
  db.chatMarkers.delete(`${readerId}:${key}`);
  db.chatUnread.get(readerId)?.delete(key);
}

/** Whether the conversation is read for history's isRead (only reading it clears the marker, chat/read-all does not). */
export function isConversationRead(db: Db, readerId: string, message: ChatMessageRecord): boolean {
  const key =
    message.toRoomId !== null
      ? roomKey(message.toRoomId)
      : userKey(message.fromUserId === readerId ? message.toUserId! : message.fromUserId);
  return !db.chatMarkers.has(`${readerId}:${key}`);
}

function newMessageLater(db: Db, readerId: string, key: string, message: ChatMessageRecord): void {
  db.later(() => {
    if (db.chatMarkers.get(`${readerId}:${key}`) === undefined || !db.chatMessages.has(message.id)) return;
    db.events.emit('main', readerId, 'newChatMessage', packChatMessage(db, message, readerId));
  }, NEW_MESSAGE_DELAY_MS);
}

export interface ChatContent {
  text: string | null;
  fileId: string | null;
}

export function sendToUser(db: Db, from: UserRecord, to: UserRecord, content: ChatContent, at?: number): ChatMessageRecord {
  if (at === undefined && !canChatWith(db, from, to)) throw new Error('recipient is cannot chat');
  const message: ChatMessageRecord = {
    id: db.ids.next(at),
    fromUserId: from.id,
    toUserId: to.id,
    toRoomId: null,
    text: content.text?.trim() || null,
    fileId: content.fileId,
    reactions: [],
  };
  db.chatMessages.set(message.id, message);
  markUnread(db, to.id, userKey(from.id), message.id);
  if (at !== undefined) return message;
  const packed = packChatMessageFor1on1(db, message);
  db.events.emit('chatUser', from.id, to.id, 'message', packed);
  db.events.emit('chatUser', to.id, from.id, 'message', packed);
  newMessageLater(db, to.id, userKey(from.id), message);
  return message;
}

export function sendToRoom(db: Db, from: UserRecord, room: ChatRoomRecord, content: ChatContent): ChatMessageRecord {
  if (!isRoomMember(db, room, from.id)) throw new Error('you are not a member of the room');
  const message: ChatMessageRecord = {
    id: db.ids.next(),
    fromUserId: from.id,
    toUserId: null,
    toRoomId: room.id,
    text: content.text?.trim() || null,
    fileId: content.fileId,
    reactions: [],
  };
  db.chatMessages.set(message.id, message);
  db.events.emit('chatRoom', room.id, 'message', packChatMessageForRoom(db, message));
  for (const memberId of roomMemberIds(db, room)) {
    if (memberId === from.id) continue;
    const muted = [...db.chatMemberships.values()].some((m) => m.roomId === room.id && m.userId === memberId && m.isMuted);
    if (muted) continue;
    markUnread(db, memberId, roomKey(room.id), message.id);
    newMessageLater(db, memberId, roomKey(room.id), message);
  }
  return message;
}

export const readUserChat = (db: Db, readerId: string, otherId: string) => clearUnread(db, readerId, userKey(otherId));
export const readRoomChat = (db: Db, readerId: string, roomId: string) => clearUnread(db, readerId, roomKey(roomId));

/** chat/read-all empties the set behind hasUnreadChatMessages but leaves the per-conversation markers (an upstream TODO). */
export function readAllChat(db: Db, readerId: string): void {
  db.chatUnread.delete(readerId);
}

export function deleteChatMessage(db: Db, user: UserRecord, messageId: string, notFound: () => ApiError): void {
  const message = db.chatMessages.get(messageId);
  if (!message || message.fromUserId !== user.id) throw notFound();
  db.chatMessages.delete(messageId);
  if (message.toRoomId !== null) db.events.emit('chatRoom', message.toRoomId, 'deleted', message.id);
  else {
    db.events.emit('chatUser', message.fromUserId, message.toUserId!, 'deleted', message.id);
    db.events.emit('chatUser', message.toUserId!, message.fromUserId, 'deleted', message.id);
  }
}

// `:name:` or `:name@.:` for a local custom emoji (stored as `:name:`), else one unicode emoji without FE0F.
function chatReaction(db: Db, raw: string, mustExist: boolean): string {
  const custom = /^:([\w+-]+)(?:@\.)?:$/.exec(raw);
  if (custom) {
    if (mustExist && !db.emojis.has(custom[1]!)) throw new Error('no such emoji');
    return `:${custom[1]}:`;
  }
  const unicode = raw.includes('\u200d') ? raw : raw.replace(/\uFE0F/g, '');
  if (!/^(\p{Extended_Pictographic}|\p{Regional_Indicator})/u.test(unicode) || /[\s\w]/.test(unicode))
    throw new Error('invalid emoji');
  return unicode;
}

function emitReaction(db: Db, message: ChatMessageRecord, user: UserRecord, type: 'react' | 'unreact', reaction: string): void {
  if (message.toRoomId !== null) {
    db.events.emit('chatRoom', message.toRoomId, type, { messageId: message.id, user: packUserLite(db, user), reaction });
    return;
  }
  // 1:1 reactions carry no user: only the recipient of a message may react to it.
  const body = { messageId: message.id, reaction };
  db.events.emit('chatUser', message.fromUserId, message.toUserId!, type, body);
  db.events.emit('chatUser', message.toUserId!, message.fromUserId, type, body);
}

export function reactChatMessage(db: Db, user: UserRecord, messageId: string, raw: string, notFound: () => ApiError): void {
  const reaction = chatReaction(db, raw, true);
  const message = db.chatMessages.get(messageId);
  if (!message) throw notFound();
  if (message.fromUserId === user.id) throw new Error('cannot react to own message');
  if (message.toRoomId === null && message.toUserId !== user.id) throw new Error('cannot react to others message');
  if (message.reactions.length >= MAX_REACTIONS_PER_MESSAGE) throw new Error('too many reactions');
  const room = message.toRoomId === null ? undefined : db.chatRooms.get(message.toRoomId);
  if (room && !isRoomMember(db, room, user.id)) throw new Error('cannot react to others message');
  message.reactions.push({ userId: user.id, reaction });
  emitReaction(db, message, user, 'react', reaction);
}

/** Removes the user's reaction if there is one; the event goes out either way, as upstream does. */
export function unreactChatMessage(db: Db, user: UserRecord, messageId: string, raw: string, notFound: () => ApiError): void {
  const reaction = chatReaction(db, raw, false);
  const message = db.chatMessages.get(messageId);
  if (!message) throw notFound();
  const i = message.reactions.findIndex((r) => r.userId === user.id && r.reaction === reaction);
  if (i >= 0) message.reactions.splice(i, 1);
  emitReaction(db, message, user, 'unreact', reaction);
}

export function inviteToRoom(db: Db, owner: UserRecord, room: ChatRoomRecord, inviteeId: string) {
  if (inviteeId === owner.id) throw new Error('yourself');
  if (!db.users.has(inviteeId)) throw errors.noSuchUser();
  if (isRoomMember(db, room, inviteeId)) throw new Error('already member');
  if ([...db.chatInvitations.values()].some((i) => i.roomId === room.id && i.userId === inviteeId))
    throw new Error('already invited');
  if (roomMemberIds(db, room).length - 1 >= MAX_ROOM_MEMBERS) throw new Error('room is full');
  const invitation = { id: db.ids.next(), roomId: room.id, userId: inviteeId, ignored: false };
  db.chatInvitations.set(invitation.id, invitation);
  notify(db, inviteeId, { type: 'chatRoomInvitationReceived', notifierId: owner.id, invitationId: invitation.id });
  return invitation;
}

export function joinRoom(db: Db, user: UserRecord, roomId: string): void {
  const invitation = [...db.chatInvitations.values()].find((i) => i.roomId === roomId && i.userId === user.id);
  if (!invitation) throw new Error('EntityNotFoundError: Could not find any entity of type "ChatRoomInvitation"');
  const id = db.ids.next();
  db.chatMemberships.set(id, { id, roomId, userId: user.id, isMuted: false });
  db.chatInvitations.delete(invitation.id);
}

export function leaveRoom(db: Db, user: UserRecord, roomId: string): void {
  const membership = [...db.chatMemberships.values()].find((m) => m.roomId === roomId && m.userId === user.id);
  if (!membership) throw new Error('EntityNotFoundError: Could not find any entity of type "ChatRoomMembership"');
  db.chatMemberships.delete(membership.id);
  clearUnread(db, user.id, roomKey(roomId));
}

export function deleteRoom(db: Db, room: ChatRoomRecord): void {
  for (const memberId of roomMemberIds(db, room)) clearUnread(db, memberId, roomKey(room.id));
  for (const [id, m] of db.chatMemberships) if (m.roomId === room.id) db.chatMemberships.delete(id);
  for (const [id, i] of db.chatInvitations) if (i.roomId === room.id) db.chatInvitations.delete(id);
  for (const [id, m] of db.chatMessages) if (m.toRoomId === room.id) db.chatMessages.delete(id);
  db.chatRooms.delete(room.id);
}
