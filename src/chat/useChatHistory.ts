import { onScopeDispose, ref, shallowRef } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError, type ApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';
import { useChatUnreadStore } from './chatUnread';

type ChatMessage = Misskey.entities.ChatMessage;

/** One row of the conversation list: the newest message of a 1:1 chat or a room. */
export interface Conversation {
  key: string;
  kind: 'user' | 'room';
  /** the other person (1:1) */
  user: Misskey.entities.UserLite | null;
  room: Misskey.entities.ChatRoom | null;
  last: ChatMessage;
  unread: boolean;
}

const LIMIT = 30;

export function conversationOf(m: ChatMessage, meId: string): Conversation | null {
  if (m.toRoomId && m.toRoom)
    return { key: `room:${m.toRoomId}`, kind: 'room', user: null, room: m.toRoom, last: m, unread: m.isRead === false };
  const other = m.fromUserId === meId ? m.toUser : m.fromUser;
  if (!other) return null;
  return { key: `user:${other.id}`, kind: 'user', user: other, room: null, last: m, unread: m.isRead === false };
}

/** Newest first; a conversation appears once, with its newest message. */
export function mergeConversations(list: readonly Conversation[], incoming: readonly Conversation[]): Conversation[] {
  const byKey = new Map(list.map((c) => [c.key, c]));
  for (const c of incoming) {
    const known = byKey.get(c.key);
    if (!known || known.last.id <= c.last.id) byKey.set(c.key, c);
  }
  return [...byKey.values()].sort((a, b) => (a.last.id < b.last.id ? 1 : -1));
}

/**
 * The Chat page's lists: 1:1 and room conversations from chat/history, room invitations and the
 * rooms one owns or joined; new messages (main's newChatMessage) move their conversation up.
 */
export function useChatHistory() {
  const session = useSessionStore();
  const stream = useStreamStore();
  const chatUnread = useChatUnreadStore();
  const conversations = shallowRef<Conversation[]>([]);
  const invitations = shallowRef<Misskey.entities.ChatRoomInvitation[]>([]);
  const rooms = shallowRef<Misskey.entities.ChatRoom[]>([]);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  const meId = () => session.me?.id ?? '';

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const [users, roomMessages, inbox, owned, joining] = await Promise.all([
        session.api.request('chat/history', { limit: LIMIT }),
        session.api.request('chat/history', { limit: LIMIT, room: true }),
        session.api.request('chat/rooms/invitations/inbox', { limit: LIMIT }),
        session.api.request('chat/rooms/owned', { limit: LIMIT }),
        session.api.request('chat/rooms/joining', { limit: LIMIT }),
      ]);
      const list = [...users, ...roomMessages].flatMap((m) => conversationOf(m, meId()) ?? []);
      conversations.value = mergeConversations([], list);
      invitations.value = inbox;
      rooms.value = [...owned, ...joining.flatMap((m) => (m.room ? [m.room] : []))];
    } catch (e) {
      error.value = toApiError(e, 'chat/history');
    } finally {
      loading.value = false;
    }
  }

  const unlisten = chatUnread.listen((m) => {
    const c = conversationOf(m, meId());
    if (c) conversations.value = mergeConversations(conversations.value, [{ ...c, unread: true }]);
  });
  // New conversations come with main's newChatMessage; without a stream the list is read again.
  const offReconnected = stream.onReconnected(() => void load());
  const offPoll = stream.onPoll(() => void load());

  async function readAll(): Promise<void> {
    await session.api.request('chat/read-all', {});
    chatUnread.readAll();
  }

  async function createRoom(name: string, description: string): Promise<Misskey.entities.ChatRoom> {
    const room = await session.api.request('chat/rooms/create', { name, description });
    rooms.value = [room, ...rooms.value];
    return room;
  }

  async function join(invitation: Misskey.entities.ChatRoomInvitation): Promise<void> {
    await session.api.request('chat/rooms/join', { roomId: invitation.roomId });
    invitations.value = invitations.value.filter((i) => i.id !== invitation.id);
    rooms.value = [invitation.room, ...rooms.value];
  }

  async function ignore(invitation: Misskey.entities.ChatRoomInvitation): Promise<void> {
    await session.api.request('chat/rooms/invitations/ignore', { roomId: invitation.roomId });
    invitations.value = invitations.value.filter((i) => i.id !== invitation.id);
  }

  void load();
  onScopeDispose(() => {
    unlisten();
    offReconnected();
    offPoll();
  });

  return { conversations, invitations, rooms, loading, error, load, readAll, createRoom, join, ignore };
}
