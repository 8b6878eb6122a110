import { safeHttpUrl } from './mfm/safety';

export type ReactionLook = { kind: 'unicode'; text: string } | { kind: 'custom'; name: string; url: string | null };

export interface ReactionEmojiSources {
  // note.reactionEmojis: 'name@host' → url (remote emoji, plus local ones a `reacted` event added).
  reactionEmojis: Record<string, string>;
  localEmojiUrl(name: string): string | undefined;
  origin: string | null;
}

const CUSTOM = /^:([^:@\s]+)(?:@([^:\s]+))?:$/;

// The image for a reaction key (`❤`, `:name@.:`, `:name@host:`, or the stored form `:name:`).
export function reactionLook(key: string, src: ReactionEmojiSources): ReactionLook {
  const match = CUSTOM.exec(key);
  if (!match) return { kind: 'unicode', text: key };
  const name = match[1] ?? '';
  const host = match[2] && match[2] !== '.' ? match[2] : null;
  const fromNote = src.reactionEmojis[host ? `${name}@${host}` : `${name}@.`];
  const local = host ? undefined : src.localEmojiUrl(name);
  // The server redirects /emoji/<name>.webp to the image when nothing else knows it.
  const fallback = src.origin ? `${src.origin}/emoji/${encodeURIComponent(host ? `${name}@${host}` : name)}.webp` : undefined;
  const raw = fromNote ?? local ?? fallback;
  return { kind: 'custom', name: host ? `${name}@${host}` : name, url: raw ? safeHttpUrl(raw) : null };
}
