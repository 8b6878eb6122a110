import type * as Misskey from 'misskey-js';

export type AutocompleteQuery =
  | { kind: 'emoji'; query: string; start: number; end: number }
  | { kind: 'mention'; query: string; username: string; host: string | null; start: number; end: number };

// The trigger must start a word: `a:b`, `12:30`, `https://x/@y` and `me@mail.example` do not count.
const EMOJI = /(?:^|[\s([{"'「（])(:([a-zA-Z0-9_+-]+))$/u;
const MENTION = /(?:^|[\s([{"'「（])(@([a-zA-Z0-9_]+)(?:@([a-zA-Z0-9.-]*))?)$/u;

/** The emoji or mention being typed just before the caret, if any. */
export function detectQuery(text: string, caret: number): AutocompleteQuery | null {
  const before = text.slice(0, caret);
  const emoji = EMOJI.exec(before);
  if (emoji) {
    const token = emoji[1] ?? '';
    return { kind: 'emoji', query: emoji[2] ?? '', start: caret - token.length, end: caret };
  }
  const mention = MENTION.exec(before);
  if (mention) {
    const token = mention[1] ?? '';
    const host = mention[3] === undefined || mention[3] === '' ? null : mention[3];
    return {
      kind: 'mention',
      query: token.slice(1),
      username: mention[2] ?? '',
      host,
      start: caret - token.length,
      end: caret,
    };
  }
  return null;
}

/** Emoji whose name starts with the query first, then names and aliases containing it. */
export function matchEmojis(
  emojis: readonly Misskey.entities.EmojiSimple[],
  query: string,
  limit = 10,
): Misskey.entities.EmojiSimple[] {
  const q = query.toLowerCase();
  const scored: Array<[number, Misskey.entities.EmojiSimple]> = [];
  for (const e of emojis) {
    const name = e.name.toLowerCase();
    const score = name.startsWith(q) ? 0 : name.includes(q) ? 1 : e.aliases.some((a) => a.toLowerCase().includes(q)) ? 2 : -1;
    if (score >= 0) scored.push([score, e]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name));
  return scored.slice(0, limit).map(([, e]) => e);
}

/** Replaces the query with the completion and a space; returns the new text and caret. */
export function applyCompletion(text: string, q: AutocompleteQuery, completion: string): { text: string; caret: number } {
  const inserted = `${completion} `;
  return { text: text.slice(0, q.start) + inserted + text.slice(q.end), caret: q.start + inserted.length };
}
