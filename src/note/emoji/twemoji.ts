import { emojiRegex } from '@misskey-dev/emoji-data';

// Misskey's own emoji list, the one mfm-js finds emoji in text with, anchored to the whole text.
// (It also matches a lone U+FE0F, which is no emoji.)
const ONE_EMOJI = new RegExp(`^(?:${emojiRegex.source})$`);

/**
 * The server's Twemoji image for `emoji`, or null when it is not exactly one emoji (plain text,
 * several emoji). The file is named as Misskey 2024.10 names it: the code points in lower-case
 * hex joined by '-', every U+FE0F dropped unless the sequence has a ZWJ (`1️⃣` → 31-20e3.svg,
 * `❤️` → 2764.svg). An emoji newer than the server's set falls back to its glyph where it is drawn.
 */
export function twemojiUrl(origin: string, emoji: string): string | null {
  if (emoji === '\ufe0f' || !ONE_EMOJI.test(emoji)) return null;
  const points = [...emoji].map((c) => c.codePointAt(0) ?? 0);
  const kept = points.includes(0x200d) ? points : points.filter((p) => p !== 0xfe0f);
  return `${origin}/twemoji/${kept.map((p) => p.toString(16)).join('-')}.svg`;
}
