import {
  deleteChatMessage,
  deleteRoom,
  inviteToRoom,
  isConversationRead,
  isRoomMember,
  joinRoom,
  leaveRoom,
  reactChatMessage,
  readAllChat,
  readRoomChat,
  readUserChat,
  requireChat,
  sendToRoom,
  sendToUser,
  unreactChatMessage,
} from '../chat.ts';
import type { ChatMessageRecord, ChatRoomRecord, Db } from '../db.ts';
import { signedIn, type Endpoint, type EndpointContext } from '../endpoint.ts';
import { ApiError, errors } from '../errors.ts';
import { idToDate } from '../ids.ts';
import {
  packChatInvitation,
  packChatMessage,
  packChatMessageFor1on1,
  packChatMessageForRoom,
  packChatRoom,
  packUserLiteById,
} from '../pack.ts';
import { page, readPaging } from '../paging.ts';
import {
  optionalBoolean,
  optionalId,
  optionalInteger,
  optionalString,
  requiredId,
  requiredString,
  type Params,
} from '../params.ts';

// chat/* of the 2026 profile, with the error codes and ids upstream gives each endpoint.

const err = (code: string, id: string, message: string) => () => new ApiError(400, code, id, message);
const noSuchRoom = (id: string) => err('NO_SUCH_ROOM', id, 'No such room.');
const noSuchMessage = (id: string) => err('NO_SUCH_MESSAGE', id, 'No such message.');
const contentRequired = (id: string) => err('CONTENT_REQUIRED', id, 'Content required. You need to set text or fileId.');
const noSuchFile = (id: string) => err('NO_SUCH_FILE', id, 'No such file.');

const newestFirst = <T extends { id: string }>(list: Iterable<T>) => [...list].sort((a, b) => (a.id < b.id ? 1 : -1));

function chatEndpoint(need: 'read' | 'write', handler: (ctx: EndpointContext) => unknown): Endpoint {
  return {
    requireCredential: true,
    kind: `${need}:chat`,
    modernOnly: true,
    handler: (ctx) => {
      requireChat(signedIn(ctx), need);
      return handler(ctx);
    },
  };
}

// text (≤ 2000, nullable) and a file the sender owns; one of the two is required.
function readContent(ctx: EndpointContext, fileMissing: () => ApiError, required: () => ApiError) {
  const text = optionalString(ctx.params, 'text', { max: 2000, nullable: true }) ?? null;
  const fileId = optionalId(ctx.params, 'fileId') ?? null;
  if (fileId !== null && ctx.db.files.get(fileId)?.userId !== signedIn(ctx).id) throw fileMissing();
  if (text === null && fileId === null) throw required();
  return { text, fileId };
}

function roomOf(db: Db, params: Params, key: string, missing: () => ApiError): ChatRoomRecord {
  const room = db.chatRooms.get(requiredId(params, key));
  if (!room) throw missing();
  return room;
}

function conversationKey(meId: string, m: ChatMessageRecord): string {
  return m.toRoomId ?? (m.fromUserId === meId ? m.toUserId! : m.fromUserId);
}

function history(db: Db, meId: string, rooms: boolean, limit: number): ChatMessageRecord[] {
  const seen = new Set<string>();
  const out: ChatMessageRecord[] = [];
  for (const m of newestFirst(db.chatMessages.values())) {
    if (out.length >= limit) break;
    if (rooms) {
      const room = m.toRoomId === null ? undefined : db.chatRooms.get(m.toRoomId);
      if (!room || !isRoomMember(db, room, meId)) continue;
    } else if (m.toRoomId !== null || (m.fromUserId !== meId && m.toUserId !== meId)) continue;
    else if (db.isMuting(meId, conversationKey(meId, m))) continue;
    const key = conversationKey(meId, m);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

const withParams = (params: Endpoint['params'], endpoint: Endpoint): Endpoint => ({ ...endpoint, params });

const paging = (params: Params, defaultLimit = 10) => readPaging(params, defaultLimit);

export const chatEndpoints: Record<string, Endpoint> = {
  'chat/history': withParams(
    [
      { name: 'limit', type: 'Integer' },
      { name: 'room', type: 'Boolean' },
    ],
    chatEndpoint('read', (ctx) => {
      const me = signedIn(ctx);
      const limit = optionalInteger(ctx.params, 'limit', 10, 1, 100);
      return history(ctx.db, me.id, optionalBoolean(ctx.params, 'room', false), limit).map((m) => ({
        ...packChatMessage(ctx.db, m, me.id),
        isRead: isConversationRead(ctx.db, me.id, m),
      }));
    }),
  ),
  'chat/read-all': chatEndpoint('read', (ctx) => {
    readAllChat(ctx.db, signedIn(ctx).id);
    return undefined;
  }),
  'chat/messages/create-to-user': chatEndpoint('write', (ctx) => {
    const me = signedIn(ctx);
    const toUserId = requiredId(ctx.params, 'toUserId');
    const content = readContent(
      ctx,
      noSuchFile('4372b8e2-185d-4146-8749-2f68864a3e5f'),
      contentRequired('25587321-b0e6-449c-9239-f8925092942c'),
    );
    if (toUserId === me.id)
      throw err('RECIPIENT_IS_YOURSELF', '17e2ba79-e22a-4cbc-bf91-d327643f4a7e', 'You can not send a message to yourself.')();
    const to = ctx.db.users.get(toUserId);
    if (!to) throw err('NO_SUCH_USER', '11795c64-40ea-4198-b06e-3c873ed9039d', 'No such user.')();
    return packChatMessageFor1on1(ctx.db, sendToUser(ctx.db, me, to, content));
  }),
  'chat/messages/create-to-room': chatEndpoint('write', (ctx) => {
    const room = roomOf(ctx.db, ctx.params, 'toRoomId', noSuchRoom('8098520d-2da5-4e8f-8ee1-df78b55a4ec6'));
    const content = readContent(
      ctx,
      noSuchFile('b6accbd3-1d7b-4d9f-bdb7-eb185bac06db'),
      contentRequired('340517b7-6d04-42c0-bac1-37ee804e3594'),
    );
    return packChatMessageForRoom(ctx.db, sendToRoom(ctx.db, signedIn(ctx), room, content));
  }),
  'chat/messages/user-timeline': chatEndpoint('read', (ctx) => {
    const me = signedIn(ctx);
    const other = ctx.db.users.get(requiredId(ctx.params, 'userId'));
    if (!other) throw err('NO_SUCH_USER', '11795c64-40ea-4198-b06e-3c873ed9039d', 'No such user.')();
    const list = page(
      newestFirst(ctx.db.chatMessages.values()),
      paging(ctx.params),
      (m) =>
        m.toRoomId === null &&
        ((m.fromUserId === me.id && m.toUserId === other.id) || (m.fromUserId === other.id && m.toUserId === me.id)),
    );
    // Reading the timeline reads the conversation.
    readUserChat(ctx.db, me.id, other.id);
    return list.map((m) => packChatMessageFor1on1(ctx.db, m));
  }),
  'chat/messages/room-timeline': chatEndpoint('read', (ctx) => {
    const me = signedIn(ctx);
    const missing = noSuchRoom('c4d9f88c-9270-4632-b032-6ed8cee36f7f');
    const room = roomOf(ctx.db, ctx.params, 'roomId', missing);
    if (!isRoomMember(ctx.db, room, me.id) && !me.isAdmin) throw missing();
    const list = page(newestFirst(ctx.db.chatMessages.values()), paging(ctx.params), (m) => m.toRoomId === room.id);
    readRoomChat(ctx.db, me.id, room.id);
    return list.map((m) => packChatMessageForRoom(ctx.db, m));
  }),
  'chat/messages/show': chatEndpoint('read', (ctx) => {
    const me = signedIn(ctx);
    const m = ctx.db.chatMessages.get(requiredId(ctx.params, 'messageId'));
    const room = m?.toRoomId ? ctx.db.chatRooms.get(m.toRoomId) : undefined;
    const visible = m && (room ? isRoomMember(ctx.db, room, me.id) : m.fromUserId === me.id || m.toUserId === me.id);
    if (!m || !visible) throw noSuchMessage('3710865b-1848-4da9-8d61-cfed15510b93')();
    return packChatMessage(ctx.db, m, me.id);
  }),
  'chat/messages/search': chatEndpoint('read', (ctx) => {
    const me = signedIn(ctx);
    const query = requiredString(ctx.params, 'query').toLowerCase();
    const limit = optionalInteger(ctx.params, 'limit', 10, 1, 100);
    const userId = optionalId(ctx.params, 'userId');
    const roomId = optionalId(ctx.params, 'roomId');
    const inScope = (m: ChatMessageRecord) => {
      if (userId)
        return m.toRoomId === null && [m.fromUserId, m.toUserId].includes(me.id) && [m.fromUserId, m.toUserId].includes(userId);
      if (roomId) return m.toRoomId === roomId;
      const room = m.toRoomId ? ctx.db.chatRooms.get(m.toRoomId) : undefined;
      return room ? isRoomMember(ctx.db, room, me.id) : m.fromUserId === me.id || m.toUserId === me.id;
    };
    return newestFirst(ctx.db.chatMessages.values())
      .filter((m) => inScope(m) && (m.text ?? '').toLowerCase().includes(query))
      .slice(0, limit)
      .map((m) => packChatMessage(ctx.db, m, me.id));
  }),
  'chat/messages/delete': chatEndpoint('write', (ctx) => {
    deleteChatMessage(
      ctx.db,
      signedIn(ctx),
      requiredId(ctx.params, 'messageId'),
      noSuchMessage('36b67f0e-66a6-414b-83df-992a55294f17'),
    );
    return undefined;
  }),
  'chat/messages/react': chatEndpoint('write', (ctx) => {
    const messageId = requiredId(ctx.params, 'messageId');
    const reaction = requiredString(ctx.params, 'reaction');
    reactChatMessage(ctx.db, signedIn(ctx), messageId, reaction, noSuchMessage('9b5839b9-0ba0-4351-8c35-37082093d200'));
    return undefined;
  }),
  'chat/messages/unreact': chatEndpoint('write', (ctx) => {
    const messageId = requiredId(ctx.params, 'messageId');
    const reaction = requiredString(ctx.params, 'reaction');
    unreactChatMessage(ctx.db, signedIn(ctx), messageId, reaction, noSuchMessage('c39ea42f-e3ca-428a-ad57-390e0a711595'));
    return undefined;
  }),
  'chat/rooms/create': chatEndpoint('write', (ctx) => {
    const me = signedIn(ctx);
    const name = optionalString(ctx.params, 'name', { max: 256 });
    if (name === undefined || name === null) throw errors.invalidParam('#/required', "must have required property 'name'");
    const description = optionalString(ctx.params, 'description', { max: 1024 }) ?? '';
    const room = { id: ctx.db.ids.next(), ownerId: me.id, name, description };
    ctx.db.chatRooms.set(room.id, room);
    return packChatRoom(ctx.db, room, me.id);
  }),
  'chat/rooms/show': chatEndpoint('read', (ctx) => {
    const room = roomOf(ctx.db, ctx.params, 'roomId', noSuchRoom('857ae02f-8759-4d20-9adb-6e95fffe4fd7'));
    return packChatRoom(ctx.db, room, signedIn(ctx).id);
  }),
  'chat/rooms/update': chatEndpoint('write', (ctx) => {
    const me = signedIn(ctx);
    const missing = noSuchRoom('fcdb0f92-bda6-47f9-bd05-343e0e020932');
    const room = roomOf(ctx.db, ctx.params, 'roomId', missing);
    if (room.ownerId !== me.id) throw missing();
    const name = optionalString(ctx.params, 'name', { max: 256 });
    const description = optionalString(ctx.params, 'description', { max: 1024 });
    if (typeof name === 'string') room.name = name;
    if (typeof description === 'string') room.description = description;
    return packChatRoom(ctx.db, room, me.id);
  }),
  'chat/rooms/delete': chatEndpoint('write', (ctx) => {
    const me = signedIn(ctx);
    const missing = noSuchRoom('d4e3753d-97bf-4a19-ab8e-21080fbc0f4b');
    const room = roomOf(ctx.db, ctx.params, 'roomId', missing);
    if (room.ownerId !== me.id && !me.isAdmin) throw missing();
    deleteRoom(ctx.db, room);
    return undefined;
  }),
  'chat/rooms/owned': chatEndpoint('read', (ctx) => {
    const me = signedIn(ctx);
    const rooms = page(newestFirst(ctx.db.chatRooms.values()), paging(ctx.params, 30), (r) => r.ownerId === me.id);
    return rooms.map((r) => packChatRoom(ctx.db, r, me.id));
  }),
  'chat/rooms/joining': chatEndpoint('read', (ctx) => {
    const me = signedIn(ctx);
    const list = page(newestFirst(ctx.db.chatMemberships.values()), paging(ctx.params, 30), (m) => m.userId === me.id);
    return list.map((m) => ({
      id: m.id,
      createdAt: idToDate(m.id).toISOString(),
      userId: m.userId,
      roomId: m.roomId,
      room: packChatRoom(ctx.db, ctx.db.chatRooms.get(m.roomId)!, me.id),
    }));
  }),
  'chat/rooms/members': chatEndpoint('read', (ctx) => {
    const me = signedIn(ctx);
    const missing = noSuchRoom('7b9fe84c-eafc-4d21-bf89-485458ed2c18');
    const room = roomOf(ctx.db, ctx.params, 'roomId', missing);
    if (!isRoomMember(ctx.db, room, me.id)) throw missing();
    // The owner has no membership row.
    const list = page(newestFirst(ctx.db.chatMemberships.values()), paging(ctx.params, 30), (m) => m.roomId === room.id);
    return list.map((m) => ({
      id: m.id,
      createdAt: idToDate(m.id).toISOString(),
      userId: m.userId,
      user: packUserLiteById(ctx.db, m.userId),
      roomId: m.roomId,
    }));
  }),
  'chat/rooms/invitations/create': chatEndpoint('write', (ctx) => {
    const me = signedIn(ctx);
    const room = ctx.db.chatRooms.get(requiredId(ctx.params, 'roomId'));
    const userId = requiredId(ctx.params, 'userId');
    if (!room || room.ownerId !== me.id) throw noSuchRoom('916f9507-49ba-4e90-b57f-1fd4deaa47a5')();
    return packChatInvitation(ctx.db, inviteToRoom(ctx.db, me, room, userId), me.id);
  }),
  'chat/rooms/invitations/inbox': chatEndpoint('read', (ctx) => {
    const me = signedIn(ctx);
    const list = page(newestFirst(ctx.db.chatInvitations.values()), paging(ctx.params), (i) => i.userId === me.id && !i.ignored);
    return list.map((i) => packChatInvitation(ctx.db, i, me.id));
  }),
  'chat/rooms/invitations/outbox': chatEndpoint('read', (ctx) => {
    const me = signedIn(ctx);
    const missing = noSuchRoom('a3c6b309-9717-4316-ae94-a69b53437237');
    const room = roomOf(ctx.db, ctx.params, 'roomId', missing);
    if (room.ownerId !== me.id) throw missing();
    const list = page(newestFirst(ctx.db.chatInvitations.values()), paging(ctx.params), (i) => i.roomId === room.id);
    return list.map((i) => packChatInvitation(ctx.db, i, me.id));
  }),
  'chat/rooms/invitations/ignore': chatEndpoint('write', (ctx) => {
    const me = signedIn(ctx);
    const roomId = requiredId(ctx.params, 'roomId');
    const invitation = [...ctx.db.chatInvitations.values()].find((i) => i.roomId === roomId && i.userId === me.id);
    if (!invitation) throw new Error('EntityNotFoundError: Could not find any entity of type "ChatRoomInvitation"');
    invitation.ignored = true;
    return undefined;
  }),
  'chat/rooms/join': chatEndpoint('write', (ctx) => {
    joinRoom(ctx.db, signedIn(ctx), requiredId(ctx.params, 'roomId'));
    return undefined;
  }),
  'chat/rooms/leave': chatEndpoint('write', (ctx) => {
    leaveRoom(ctx.db, signedIn(ctx), requiredId(ctx.params, 'roomId'));
    return undefined;
  }),
  'chat/rooms/mute': chatEndpoint('write', (ctx) => {
    const me = signedIn(ctx);
    const roomId = requiredId(ctx.params, 'roomId');
    const mute = optionalBoolean(ctx.params, 'mute', false);
    const membership = [...ctx.db.chatMemberships.values()].find((m) => m.roomId === roomId && m.userId === me.id);
    if (!membership) throw new Error('EntityNotFoundError: Could not find any entity of type "ChatRoomMembership"');
    membership.isMuted = mute;
    return undefined;
  }),
};
