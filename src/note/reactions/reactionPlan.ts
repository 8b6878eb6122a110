// What a click on a reaction means, and which single request brings the server to what the user wants.
import { normalizeReaction } from '@/stores/noteUpdates';

export type ReactionRequest = { kind: 'none' } | { kind: 'create'; reaction: string } | { kind: 'delete' };

function same(a: string | null, b: string | null): boolean {
  return (a == null ? null : normalizeReaction(a)) === (b == null ? null : normalizeReaction(b));
}

/** Clicking your own reaction takes it back; clicking another one switches to it. */
export function toggled(mine: string | null | undefined, clicked: string): string | null {
  return same(mine ?? null, clicked) ? null : clicked;
}

/**
 * The one request from what the server holds to what the user settled on. Switching reactions is a
 * single create: the server replaces the old one itself.
 */
export function planRequest(confirmed: string | null, desired: string | null): ReactionRequest {
  if (same(confirmed, desired)) return { kind: 'none' };
  if (desired == null) return { kind: 'delete' };
  return { kind: 'create', reaction: reactionParam(desired) };
}

/** The form notes/reactions/create takes: a local custom emoji as `:name:`, not the stored `:name@.:`. */
export function reactionParam(key: string): string {
  return key.replace(/^:([^:@\s]+)@\.:$/, ':$1:');
}

/** A remote custom emoji (`:name@host:`) cannot be sent as a reaction from here. */
export function isRemoteEmoji(key: string): boolean {
  return /^:[^:@\s]+@(?!\.:)[^:\s]+:$/.test(key);
}
