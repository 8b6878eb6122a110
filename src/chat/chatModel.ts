// Chat messages as the views keep them: one shape for 1:1 and room messages, whichever of the
// three packs (lite 1:1, lite room, detailed) or stream events they came from.
import type * as Misskey from 'misskey-js';

type UserLite = Misskey.entities.UserLite;
type DriveFile = Misskey.entities.DriveFile;

export type ChatTarget = { kind: 'user'; userId: string } | { kind: 'room'; roomId: string };

export interface ChatReaction {
  reaction: string;
  /** who reacted; for 1:1 messages it is worked out (only the recipient may react) */
  userId: string;
}

export interface ChatItem {
  id: string;
  createdAt: string;
  text: string | null;
  fromUserId: string;
  /** room packs carry the sender; 1:1 views know both people already */
  fromUser: UserLite | null;
  file: DriveFile | null;
  reactions: ChatReaction[];
}

type AnyMessage = Misskey.entities.ChatMessageLite | Misskey.entities.ChatMessage | Misskey.entities.ChatMessageLiteFor1on1;

/**
 * One message from any pack. In a 1:1 pack reactions have no user: only the recipient may react,
 * so each one is theirs.
 */
export function toItem(m: AnyMessage): ChatItem {
  const recipient = 'toUserId' in m && m.toUserId ? m.toUserId : null;
  const fromUser = 'fromUser' in m && m.fromUser ? m.fromUser : null;
  return {
    id: m.id,
    createdAt: m.createdAt,
    text: m.text ?? null,
    fromUserId: m.fromUserId,
    fromUser,
    file: m.file ?? null,
    reactions: m.reactions.flatMap((r) => {
      const userId = 'user' in r && r.user ? r.user.id : recipient;
      return userId ? [{ reaction: r.reaction, userId }] : [];
    }),
  };
}

/** Newest first by id, like the server orders them; an item already there is replaced. */
export function mergeItems(list: readonly ChatItem[], incoming: readonly ChatItem[]): ChatItem[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** The `react` / `unreact` stream events; a 1:1 event has no user, so the reactor is the recipient. */
export interface ReactionEvent {
  messageId: string;
  reaction: string;
  user?: UserLite | null;
}

function reactorOf(item: ChatItem, ev: ReactionEvent, conversation: { meId: string; otherId: string | null }): string | null {
  if (ev.user) return ev.user.id;
  if (conversation.otherId === null) return null;
  return item.fromUserId === conversation.meId ? conversation.otherId : conversation.meId;
}

export function applyReaction(
  list: readonly ChatItem[],
  type: 'react' | 'unreact',
  ev: ReactionEvent,
  conversation: { meId: string; otherId: string | null },
): ChatItem[] {
  return list.map((item) => {
    if (item.id !== ev.messageId) return item;
    const userId = reactorOf(item, ev, conversation);
    if (userId === null) return item;
    if (type === 'react') return { ...item, reactions: [...item.reactions, { reaction: ev.reaction, userId }] };
    const i = item.reactions.findIndex((r) => r.reaction === ev.reaction && r.userId === userId);
    // The server sends unreact even for a reaction that was never there.
    return i < 0 ? item : { ...item, reactions: item.reactions.filter((_, j) => j !== i) };
  });
}

export interface ReactionCount {
  reaction: string;
  count: number;
  mine: boolean;
}

/** Reactions counted per emoji, in the order they first appeared. */
export function countReactions(reactions: readonly ChatReaction[], meId: string | null): ReactionCount[] {
  const counts = new Map<string, ReactionCount>();
  for (const r of reactions) {
    const c = counts.get(r.reaction) ?? { reaction: r.reaction, count: 0, mine: false };
    c.count++;
    if (r.userId === meId) c.mine = true;
    counts.set(r.reaction, c);
  }
  return [...counts.values()];
}

/** Chat stores a local custom emoji as `:name:`; the picker may hand over `:name@.:`. */
export function chatReactionKey(reaction: string): string {
  return reaction.replace(/^:([\w+-]+)@\.:$/, ':$1:');
}

export function targetKey(target: ChatTarget): string {
  return target.kind === 'user' ? `user:${target.userId}` : `room:${target.roomId}`;
}
