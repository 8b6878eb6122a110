import type { AntennaRecord, Db, NoteRecord } from './db.ts';

// Which new notes an antenna catches, as Misskey 2024.10's AntennaService.checkHitAntenna decides:
// keywords are OR'd groups of AND'd words, looked for in the text and CW; exclude keywords
// the same; "home" is not filtered by the server (its check is still a TODO upstream).

/** Empty words and groups are dropped, as the server does before matching. */
export function cleanKeywords(groups: string[][]): string[][] {
  return groups.map((words) => words.filter((w) => w !== '')).filter((words) => words.length > 0);
}

function matchesAny(groups: string[][], text: string, caseSensitive: boolean): boolean {
  const haystack = caseSensitive ? text : text.toLowerCase();
  return groups.some((words) => words.every((w) => haystack.includes(caseSensitive ? w : w.toLowerCase())));
}

/** `@alice`, `alice` or `alice@host` → the lower-case full account the server compares. */
function fullAccount(acct: string, localHost: string): string {
  const [username = '', host] = acct.replace(/^@/, '').split('@');
  return `${username}@${host ?? localHost}`.toLowerCase();
}

export function antennaCatches(db: Db, antenna: AntennaRecord, note: NoteRecord): boolean {
  const author = db.users.get(note.userId);
  if (!author) return false;
  if (note.visibility === 'specified' && note.userId !== antenna.userId && !note.visibleUserIds.includes(antenna.userId))
    return false;
  if (note.visibility === 'followers' && note.userId !== antenna.userId && !db.isFollowing(antenna.userId, note.userId))
    return false;
  if (antenna.excludeBots && author.isBot) return false;
  // Every user here is local, so localOnly never leaves anyone out.
  if (!antenna.withReplies && note.replyId !== null) return false;
  const localHost = new URL(db.baseUrl).host;
  const authorAcct = fullAccount(author.username, localHost);
  const listed = antenna.users.map((u) => fullAccount(u, localHost));
  if (antenna.src === 'list') {
    const list = antenna.userListId === null ? undefined : db.lists.get(antenna.userListId);
    if (!list || !list.userIds.includes(note.userId)) return false;
  } else if (antenna.src === 'users') {
    if (!listed.includes(authorAcct)) return false;
  } else if (antenna.src === 'users_blacklist') {
    if (listed.includes(authorAcct)) return false;
  }
  const keywords = cleanKeywords(antenna.keywords);
  const excludes = cleanKeywords(antenna.excludeKeywords);
  const text = `${note.text ?? ''}\n${note.cw ?? ''}`;
  const hasText = note.text !== null || note.cw !== null;
  if (keywords.length > 0 && (!hasText || !matchesAny(keywords, text, antenna.caseSensitive))) return false;
  if (excludes.length > 0 && (!hasText || matchesAny(excludes, text, antenna.caseSensitive))) return false;
  return !antenna.withFile || note.fileIds.length > 0;
}

/** Files a new note into every antenna that catches it (kept newest last, at most 200 like the server's timeline). */
export function fileIntoAntennas(db: Db, note: NoteRecord): void {
  for (const antenna of db.antennas.values()) {
    if (!antennaCatches(db, antenna, note)) continue;
    antenna.noteIds.push(note.id);
    if (antenna.noteIds.length > 200) antenna.noteIds.shift();
  }
}
