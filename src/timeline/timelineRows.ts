// What a timeline shows for its items. A note renoted several times (or there and renoted) is one
// row, at the place of its newest occurrence, naming the renoters; quotes are notes of their own.
// A reply whose parent is in the list sits right under it (the reply decides their place); a
// chain of three or more shows its first and last notes with a link to the rest between.
// Pure and O(n) per change; rows keep their key (the note shown) when they move or grow.

import type { TimelineItem } from './timelineList';

type GapItem = Extract<TimelineItem, { kind: 'gap' }>;

// What the rows need to know of a note: the note a pure renote shows, and the note it answers.
export interface NoteFacts {
  renoteTarget: string | null;
  replyId: string | null;
}

export type ThreadPlace = 'start' | 'end';

export type TimelineRow =
  // `id` is the note given to NoteView: the note itself, a lone pure renote, or (for renotes
  // shown once) the renoted note, with `renotes` the renotes of it, newest first.
  // `position` is the id of the item that decides where the row sits (newest first).
  | { kind: 'note'; key: string; id: string; renotes: readonly string[]; thread: ThreadPlace | null; position: string }
  // The notes of a chain between its first and last (`noteId`, whose page shows them all).
  | { kind: 'more'; key: string; count: number; noteId: string; position: string }
  | { kind: 'gap'; key: string; gap: GapItem; position: string }
  | { kind: 'lastRead'; key: string; position: string };

export type NoteRow = Extract<TimelineRow, { kind: 'note' }>;

export const LAST_READ_KEY = 'last-read';

interface Group {
  // The newest occurrence (items come newest first): where the row sits.
  first: string;
  original: boolean;
  renotes: string[];
}

type Unit = { kind: 'gap'; item: GapItem } | { kind: 'note'; appear: string; position: string; group: Group };

function noteRow(unit: Extract<Unit, { kind: 'note' }>, thread: ThreadPlace | null, position: string): NoteRow {
  const { original, renotes } = unit.group;
  const collapsed = renotes.length > 0 && (original || renotes.length > 1);
  const id = collapsed || original ? unit.appear : (renotes[0] ?? unit.appear);
  return { kind: 'note', key: unit.appear, id, renotes: collapsed ? renotes : [], thread, position };
}

export function timelineRows(items: readonly TimelineItem[], facts: (id: string) => NoteFacts | undefined): TimelineRow[] {
  // Every occurrence of a note (itself, or renoted), by the note shown.
  const groups = new Map<string, Group>();
  const appearOf = new Map<string, string>();
  for (const item of items) {
    if (item.kind !== 'note') continue;
    const target = facts(item.id)?.renoteTarget ?? null;
    const appear = target ?? item.id;
    appearOf.set(item.id, appear);
    let group = groups.get(appear);
    if (!group) {
      group = { first: item.id, original: false, renotes: [] };
      groups.set(appear, group);
    }
    if (target) group.renotes.push(item.id);
    else group.original = true;
  }

  // One unit per note shown, at its newest occurrence; the plain ones may join a thread.
  const units: Unit[] = [];
  const plain = new Map<string, number>();
  for (const item of items) {
    if (item.kind === 'gap') {
      units.push({ kind: 'gap', item });
      continue;
    }
    const appear = appearOf.get(item.id) ?? item.id;
    const group = groups.get(appear);
    if (!group || item.id !== group.first) continue;
    if (group.original && !group.renotes.length) plain.set(appear, units.length);
    units.push({ kind: 'note', appear, position: item.id, group });
  }

  const rows: TimelineRow[] = [];
  const taken = new Set<number>();
  units.forEach((unit, i) => {
    if (taken.has(i)) return;
    taken.add(i);
    if (unit.kind === 'gap') {
      rows.push({ kind: 'gap', key: unit.item.id, gap: unit.item, position: `${unit.item.sinceId}~` });
      return;
    }
    // The chain of parents above this note that are in the list and not shown elsewhere yet.
    const chain = [unit];
    if (plain.has(unit.appear)) {
      for (let parent = facts(unit.appear)?.replyId; parent;) {
        const at = plain.get(parent);
        if (at === undefined || taken.has(at)) break;
        const found = units[at];
        if (found?.kind !== 'note') break;
        taken.add(at);
        chain.push(found);
        parent = facts(found.appear)?.replyId;
      }
    }
    const root = chain.at(-1)!;
    if (chain.length === 1) {
      rows.push(noteRow(unit, null, unit.position));
      return;
    }
    rows.push(noteRow(root, 'start', unit.position));
    if (chain.length > 2) {
      rows.push({
        kind: 'more',
        key: `more:${unit.appear}`,
        count: chain.length - 2,
        noteId: unit.appear,
        position: unit.position,
      });
    }
    rows.push(noteRow(unit, 'end', unit.position));
  });
  return rows;
}

function sameRow(a: TimelineRow, b: TimelineRow): boolean {
  if (a.kind !== b.kind || a.key !== b.key || a.position !== b.position) return false;
  if (a.kind === 'note' && b.kind === 'note') {
    return (
      a.id === b.id &&
      a.thread === b.thread &&
      a.renotes.length === b.renotes.length &&
      a.renotes.every((r, i) => r === b.renotes[i])
    );
  }
  if (a.kind === 'more' && b.kind === 'more') return a.count === b.count && a.noteId === b.noteId;
  if (a.kind === 'gap' && b.kind === 'gap') return a.gap === b.gap;
  return true;
}

// Rows for a list that changes: unchanged rows keep their object, so the view patches only what changed.
export function rowsMemo(facts: (id: string) => NoteFacts | undefined): (items: readonly TimelineItem[]) => TimelineRow[] {
  let previous = new Map<string, TimelineRow>();
  return (items) => {
    const rows = timelineRows(items, facts).map((row) => {
      const old = previous.get(row.key);
      return old && sameRow(old, row) ? old : row;
    });
    previous = new Map(rows.map((row) => [row.key, row]));
    return rows;
  };
}

// "You left off here" above the first row at or below the last note read, when there is
// something newer above it (and it is in the list at all).
export function withLastRead(rows: TimelineRow[], lastRead: string | null): TimelineRow[] {
  if (!lastRead) return rows;
  const at = rows.findIndex((row) => row.kind === 'note' && row.position <= lastRead);
  if (at <= 0) return rows;
  return [...rows.slice(0, at), { kind: 'lastRead', key: LAST_READ_KEY, position: lastRead }, ...rows.slice(at)];
}
