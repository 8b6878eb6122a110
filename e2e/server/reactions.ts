import type { Db, EmojiRecord } from './db.ts';

// Reaction normalisation as Misskey 2024.10 does it: FE0F stripped, legacy words mapped,
// local custom emoji stored as `:name@.:`, anything unknown becomes ❤.

const LEGACY: Record<string, string> = {
  like: '👍',
  love: '❤',
  laugh: '😆',
  hmm: '🤔',
  surprise: '😮',
  congrats: '🎉',
  angry: '💢',
  confused: '😥',
  rip: '😇',
  pudding: '🍮',
  star: '⭐',
};

const FALLBACK = '❤';

export function normaliseReaction(db: Db, raw: string, likeOnly: boolean): string {
  if (likeOnly) return FALLBACK;
  const legacy = LEGACY[raw];
  if (legacy) return legacy;
  const custom = /^:([\w+-]+)(?:@\.)?:$/.exec(raw);
  if (custom) return db.emojis.has(custom[1]!) ? `:${custom[1]}@.:` : FALLBACK;
  const unicode = raw.replace(/\uFE0F/g, '');
  if (
    unicode.length > 0 &&
    unicode.length <= 16 &&
    /^(\p{Extended_Pictographic}|\p{Regional_Indicator})/u.test(unicode) &&
    !/[\s\w]/.test(unicode)
  )
    return unicode;
  return FALLBACK;
}

/** The custom emoji a normalised key names, if any. */
export function customEmojiOf(db: Db, key: string): EmojiRecord | undefined {
  const match = /^:([\w+-]+)@\.:$/.exec(key);
  return match ? db.emojis.get(match[1]!) : undefined;
}

/** Notifications carry the stored form, `:name:` without the host. */
export function storedReaction(key: string): string {
  return key.replace(/^:([\w+-]+)@\.:$/, ':$1:');
}
