// The reactions an account used last, newest first, kept in localStorage per account.

export const RECENT_LIMIT = 24;

export function recentKey(accountKey: string): string {
  return `mkc:recentReactions:${accountKey}`;
}

/** Moves `reaction` to the front, without duplicates (FE0F or not), keeping at most `limit`. */
export function pushRecent(list: readonly string[], reaction: string, limit = RECENT_LIMIT): string[] {
  const bare = (r: string) => r.replace(/\uFE0F/g, '');
  return [reaction, ...list.filter((r) => bare(r) !== bare(reaction))].slice(0, limit);
}

export function loadRecent(storage: Pick<Storage, 'getItem'>, accountKey: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(recentKey(accountKey)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((r): r is string => typeof r === 'string').slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

export function saveRecent(storage: Pick<Storage, 'setItem'>, accountKey: string, list: readonly string[]): void {
  try {
    storage.setItem(recentKey(accountKey), JSON.stringify(list));
  } catch {
    // A full or blocked storage only costs the recents list.
  }
}
