import type * as Misskey from 'misskey-js';
import { safeHttpUrl } from '../mfm/safety';

/** The note's address on its own server: ours for a local note, the remote page for a remote one. */
export function noteLink(note: Pick<Misskey.entities.Note, 'id' | 'url' | 'uri' | 'user'>, origin: string): string {
  const remote = note.user.host != null ? safeHttpUrl(note.url ?? note.uri ?? '') : null;
  return remote ?? `${origin}/notes/${note.id}`;
}

/** Renoting keeps the note's audience; the server refuses followers-only and direct notes of others. */
export function renoteParams(note: Misskey.entities.Note, meId: string | null) {
  const own = meId != null && note.userId === meId;
  if (note.visibility === 'specified' || (note.visibility === 'followers' && !own)) return null;
  return { renoteId: note.id, visibility: note.visibility, localOnly: note.localOnly ?? false };
}
