// The pure list logic of a timeline: items newest first, ordered by id (Misskey orders ids as
// plain strings), no duplicates, a cap, and gap markers for ranges known to be missing.

export type TimelineItem =
  | { kind: 'note'; id: string }
  // Notes newer than `sinceId` (up to the next item above) were not loaded.
  | { kind: 'gap'; id: string; sinceId: string };

export function noteItem(id: string): TimelineItem {
  return { kind: 'note', id };
}

export function gapItem(sinceId: string): TimelineItem {
  return { kind: 'gap', id: `gap:${sinceId}`, sinceId };
}

// A gap sorts just above its `sinceId`: '~' is above every id character, so `${id}~` lies
// between that id and any larger id of the same length.
function sortKey(item: TimelineItem): string {
  return item.kind === 'gap' ? `${item.sinceId}~` : item.id;
}

function newestFirst(a: TimelineItem, b: TimelineItem): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

export interface Merge {
  items: TimelineItem[];
  // Ids of notes that were not in the list before.
  added: string[];
}

export function mergeItems(items: readonly TimelineItem[], incoming: readonly TimelineItem[]): Merge {
  const seen = new Set(items.map((i) => i.id));
  const added: string[] = [];
  const fresh: TimelineItem[] = [];
  for (const item of incoming) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    fresh.push(item);
    if (item.kind === 'note') added.push(item.id);
  }
  if (!fresh.length) return { items: items as TimelineItem[], added };
  return { items: [...items, ...fresh].sort(newestFirst), added };
}

export interface Trim {
  items: TimelineItem[];
  // Note ids that left the list.
  dropped: string[];
}

function noteIds(items: readonly TimelineItem[]): string[] {
  return items.flatMap((i) => (i.kind === 'note' ? [i.id] : []));
}

// Keeps the newest `cap` notes (used when new notes arrive on top).
export function trimOldest(items: readonly TimelineItem[], cap: number): Trim {
  let count = 0;
  const cut = items.findIndex((i) => i.kind === 'note' && ++count > cap);
  if (cut < 0) return { items: items as TimelineItem[], dropped: [] };
  return { items: items.slice(0, cut), dropped: noteIds(items.slice(cut)) };
}

// Keeps the oldest `cap` notes (used when paging down) and marks the newer range as a gap.
export function trimNewest(items: readonly TimelineItem[], cap: number): Trim {
  const total = noteIds(items).length;
  if (total <= cap) return { items: items as TimelineItem[], dropped: [] };
  let count = 0;
  const cut = items.findIndex((i) => i.kind === 'note' && ++count > total - cap);
  const kept = items.slice(cut);
  const newestKept = kept[0];
  const head = newestKept ? [gapItem(newestKept.id)] : [];
  return { items: [...head, ...kept], dropped: noteIds(items.slice(0, cut)) };
}

export function removeNotes(items: readonly TimelineItem[], gone: (id: string) => boolean): Trim {
  const dropped: string[] = [];
  const kept = items.filter((i) => {
    if (i.kind !== 'note' || !gone(i.id)) return true;
    dropped.push(i.id);
    return false;
  });
  return { items: dropped.length ? kept : (items as TimelineItem[]), dropped };
}

export function newestNoteId(items: readonly TimelineItem[]): string | null {
  return items.find((i) => i.kind === 'note')?.id ?? null;
}

export function oldestNoteId(items: readonly TimelineItem[]): string | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item?.kind === 'note') return item.id;
  }
  return null;
}

export function maxId(ids: readonly string[]): string | null {
  return ids.reduce<string | null>((max, id) => (max === null || id > max ? id : max), null);
}

export function minId(ids: readonly string[]): string | null {
  return ids.reduce<string | null>((min, id) => (min === null || id < min ? id : min), null);
}
