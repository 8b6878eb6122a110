import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';
import { buildCreateParams } from './postParams.ts';
import type { OutboxEntry } from './outboxQueue.ts';

// The client's clock may be off from the server's; look this far before the attempt.
const CLOCK_SKEW_MS = 10 * 60_000;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** True when `note` is what sending `entry` would have created. */
export function isSameNote(note: Misskey.entities.Note, entry: OutboxEntry): boolean {
  const p = buildCreateParams(entry.draft, entry.target);
  return (
    (note.text ?? null) === (p.text ?? null) &&
    (note.cw ?? null) === (p.cw ?? null) &&
    (note.replyId ?? null) === (p.replyId ?? null) &&
    (note.renoteId ?? null) === (p.renoteId ?? null) &&
    (note.channelId ?? null) === (p.channelId ?? null) &&
    sameList(note.fileIds ?? [], p.fileIds ?? []) &&
    sameList(note.poll?.choices.map((c) => c.text) ?? [], p.poll?.choices ?? [])
  );
}

/** Looks among my newest notes for one made by the last (unsure) attempt of `entry`. */
export async function findPostedNote(api: Api, userId: string, entry: OutboxEntry): Promise<Misskey.entities.Note | null> {
  const notes = await api.request('users/notes', {
    userId,
    limit: 30,
    withReplies: true,
    withRenotes: true,
    withChannelNotes: true,
  });
  const since = (entry.lastAttemptAt ?? 0) - CLOCK_SKEW_MS;
  return notes.find((n) => new Date(n.createdAt).getTime() >= since && isSameNote(n, entry)) ?? null;
}
