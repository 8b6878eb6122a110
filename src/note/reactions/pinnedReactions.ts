// The reactions pinned first in the picker, kept on the account in i/registry (scope ['client'],
// key 'reactions': an array of reactions as notes/reactions/create takes them, as recorded from 2024.10.1).

export const PINNED_SCOPE = ['client'];
export const PINNED_KEY = 'reactions';
export const MAX_PINNED = 100;

// Misskey's own defaults, shown until the account has a set of its own.
export const DEFAULT_PINNED: readonly string[] = ['👍', '❤', '😆', '🤔', '😮', '🎉', '💢', '😥', '😇', '🍮'];

const bare = (r: string) => r.replace(/\uFE0F/g, '');

/** The stored value as a list of reactions; whatever is not one (another client's format) is left out. */
export function readPinned(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || item.trim() === '' || item.length > 128 || seen.has(bare(item))) continue;
    seen.add(bare(item));
    out.push(item);
  }
  return out.slice(0, MAX_PINNED);
}

export function isPinned(list: readonly string[], reaction: string): boolean {
  return list.some((r) => bare(r) === bare(reaction));
}

/** Pins a reaction first (a new pin is the one wanted now), or leaves the list as it is. */
export function pin(list: readonly string[], reaction: string): string[] {
  return isPinned(list, reaction) ? [...list] : [reaction, ...list].slice(0, MAX_PINNED);
}

export function unpin(list: readonly string[], reaction: string): string[] {
  return list.filter((r) => bare(r) !== bare(reaction));
}

/** Moves the reaction at `index` one place earlier (-1) or later (+1). */
export function movePinned(list: readonly string[], index: number, by: -1 | 1): string[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
