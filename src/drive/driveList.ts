// Keeping a loaded page of drive files or folders in step with changes (our own calls and the
// `drive` channel): both arrive for the same change, so applying one twice must change nothing.

interface Entry {
  id: string;
}

/**
 * `entry` as it is now: replaced where it is, added at its place (newest id first) when it belongs
 * here, or taken out when it no longer does (moved to another folder). An entry older than what is
 * loaded so far is left for paging to bring, unless the list is complete.
 */
export function place<T extends Entry>(list: readonly T[], entry: T, belongs: boolean, complete: boolean): T[] {
  const index = list.findIndex((e) => e.id === entry.id);
  if (!belongs) return index < 0 ? [...list] : list.filter((e) => e.id !== entry.id);
  if (index >= 0) return list.map((e) => (e.id === entry.id ? entry : e));
  const last = list.at(-1);
  if (last && entry.id < last.id && !complete) return [...list];
  const at = list.findIndex((e) => e.id < entry.id);
  return at < 0 ? [...list, entry] : [...list.slice(0, at), entry, ...list.slice(at)];
}

export function drop<T extends Entry>(list: readonly T[], id: string): T[] {
  return list.filter((e) => e.id !== id);
}

/** Whether a MIME type passes drive/files' `type` filter (exact, or `image/*`). */
export function matchesType(type: string, filter: string | null): boolean {
  if (filter === null) return true;
  return filter.endsWith('/*') ? type.startsWith(filter.slice(0, -1)) : type === filter;
}
