// Everything the reaction picker offers: the built-in Unicode list and the server's custom emoji.
import type * as Misskey from 'misskey-js';
import unicodeList from './unicodeEmoji.json';

export interface PickerEmoji {
  /** What notes/reactions/create gets: the character, or `:name:`. */
  reaction: string;
  /** Lower-case name used for search and as the accessible name. */
  name: string;
  keywords: string[];
  category: string;
  char: string | null;
  url: string | null;
}

interface UnicodeEntry {
  char: string;
  name: string;
  category: string;
  keywords?: string[];
}

export const UNICODE_CATEGORIES = [
  'smileys',
  'people',
  'hearts',
  'animals',
  'food',
  'activities',
  'travel',
  'objects',
  'symbols',
  'flags',
] as const;

export const unicodeEmoji: PickerEmoji[] = (unicodeList as UnicodeEntry[]).map((e) => ({
  reaction: e.char,
  name: e.name,
  keywords: e.keywords ?? [],
  category: e.category,
  char: e.char,
  url: null,
}));

/** The server's emoji; `safeUrl` drops any image address that is not http(s). */
export function customEmoji(
  list: readonly Misskey.entities.EmojiSimple[],
  safeUrl: (raw: string) => string | null,
): PickerEmoji[] {
  return list.map((e) => ({
    reaction: `:${e.name}:`,
    name: e.name.toLowerCase(),
    keywords: e.aliases.map((a) => a.toLowerCase()).filter((a) => a !== ''),
    category: e.category ?? '',
    char: null,
    url: safeUrl(e.url),
  }));
}

/**
 * Best matches first: a name equal to the query, then a name starting with it, a keyword equal to
 * it, a keyword starting with it, a word of the name starting with it, anything containing it, and
 * last the server's emoji whose category contains it.
 */
export function searchEmoji(all: readonly PickerEmoji[], query: string, limit = 60): PickerEmoji[] {
  const q = query.trim().toLowerCase().replace(/^:|:$/g, '');
  if (q === '') return [];
  const scored: Array<{ e: PickerEmoji; score: number; index: number }> = [];
  all.forEach((e, index) => {
    const score = rank(e, q);
    if (score !== null) scored.push({ e, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.e.name.length - b.e.name.length || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.e);
}

function rank(e: PickerEmoji, q: string): number | null {
  if (e.name === q || e.char === q) return 0;
  if (e.name.startsWith(q)) return 1;
  if (e.keywords.includes(q)) return 2;
  if (e.keywords.some((k) => k.startsWith(q))) return 3;
  if (e.name.split(/[\s_:-]+/).some((w) => w.startsWith(q))) return 4;
  if (e.name.includes(q) || e.keywords.some((k) => k.includes(q))) return 5;
  // Only custom emoji carry a category the reader sees; ours are internal ids.
  if (e.char === null && e.category.toLowerCase().includes(q)) return 6;
  return null;
}

/** Emoji grouped by category in first-seen order; custom emoji without a category go under `''`. */
export function groupByCategory(all: readonly PickerEmoji[]): Array<{ category: string; emoji: PickerEmoji[] }> {
  const groups = new Map<string, PickerEmoji[]>();
  for (const e of all) {
    const list = groups.get(e.category);
    if (list) list.push(e);
    else groups.set(e.category, [e]);
  }
  return [...groups].map(([category, emoji]) => ({ category, emoji }));
}
