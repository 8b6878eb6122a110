// What the notifications page lists: the server's entries, with reactions to one note (or
// renotes of one note) that follow each other shown as one group, as `i/notifications-grouped`
// groups them. Joining here too puts a live reaction into the group on top, and groups the
// entries of a server that only has `i/notifications`.
import type * as Misskey from 'misskey-js';

type Notification = Misskey.entities.Notification;
type UserLite = Misskey.entities.UserLite;
type Note = Misskey.entities.Note;

export interface Reactor {
  user: UserLite;
  reaction: string;
}

export interface ShownNotification {
  /** The oldest entry's id: it stays the same while newer ones join. */
  key: string;
  /** The entry's own type, or `reaction:grouped` / `renote:grouped` for several. */
  type: string;
  /** The newest entry; the whole notification for a single one. */
  newest: Notification;
  createdAt: string;
  note: Note | null;
  /** Reaction groups: who reacted with what, newest first (one user may appear more than once). */
  reactions: Reactor[];
  /** Groups: each user once, newest first. */
  users: UserLite[];
}

// Read loosely: a server may send types misskey-js does not know, or leave fields out.
type Loose = Record<string, unknown>;

function field<T>(n: Notification, key: string): T | undefined {
  return (n as unknown as Loose)[key] as T | undefined;
}

/** Reactions to a note, or renotes of a note: the run a notification can join, else null. */
function groupOf(n: Notification): string | null {
  const note = field<Note>(n, 'note');
  if (!note) return null;
  if (n.type === 'reaction' || n.type === 'reaction:grouped') return `reaction:${note.id}`;
  // A renote notification's note is the renote; the note renoted is the group.
  if ((n.type === 'renote' || n.type === 'renote:grouped') && note.renoteId) return `renote:${note.renoteId}`;
  return null;
}

function reactorsOf(n: Notification): Reactor[] {
  if (n.type === 'reaction:grouped') return field<Reactor[]>(n, 'reactions') ?? [];
  const user = field<UserLite>(n, 'user');
  const reaction = field<string>(n, 'reaction');
  return user && reaction ? [{ user, reaction }] : [];
}

function usersOf(n: Notification): UserLite[] {
  if (n.type === 'renote:grouped') return field<UserLite[]>(n, 'users') ?? [];
  if (n.type === 'reaction:grouped') return reactorsOf(n).map((r) => r.user);
  const user = field<UserLite>(n, 'user');
  return user ? [user] : [];
}

function distinct(users: UserLite[]): UserLite[] {
  const seen = new Set<string>();
  return users.filter((u) => !seen.has(u.id) && seen.add(u.id));
}

function shown(run: Notification[], group: string | null): ShownNotification {
  const newest = run[0]!;
  const single = run.length === 1 && !newest.type.endsWith(':grouped');
  return {
    key: run[run.length - 1]!.id,
    type: single || !group ? newest.type : group.startsWith('reaction:') ? 'reaction:grouped' : 'renote:grouped',
    newest,
    createdAt: newest.createdAt,
    note: field<Note>(newest, 'note') ?? null,
    reactions: run.flatMap(reactorsOf),
    users: distinct(run.flatMap(usersOf)),
  };
}

/** `list` newest first, as the feed holds it. */
export function groupNotifications(list: readonly Notification[]): ShownNotification[] {
  const out: ShownNotification[] = [];
  let i = 0;
  while (i < list.length) {
    const group = groupOf(list[i]!);
    let j = i + 1;
    while (group && j < list.length && groupOf(list[j]!) === group) j++;
    out.push(shown(list.slice(i, j), group));
    i = j;
  }
  return out;
}
