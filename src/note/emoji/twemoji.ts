import { parse } from '@twemoji/parser';

/**
 * The server's Twemoji image for `emoji`, or null when Twemoji has no image for it (plain text,
 * an emoji newer than the set). @twemoji/parser finds it and names the file as Misskey 2024.10
 * does: the code points in lower-case hex joined by '-', every U+FE0F dropped unless the
 * sequence has a ZWJ (`1️⃣` → 31-20e3.svg, `❤️` → 2764.svg).
 */
export function twemojiUrl(origin: string, emoji: string): string | null {
  const found = parse(emoji, { buildUrl: (codepoints) => `${origin}/twemoji/${codepoints}.svg` });
  const only = found.length === 1 ? found[0] : undefined;
  return only && only.text === emoji && only.url ? only.url : null;
}
