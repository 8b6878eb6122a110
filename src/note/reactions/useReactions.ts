// Reacting to notes: toggles and picks land in the note cache at once, and per note one request
// follows once the user has settled; a failure rolls back and says why.
import { useI18n } from 'vue-i18n';
import type * as Misskey from 'misskey-js';
import { toApiError } from '@/api/errors';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';
import { useNoteMessages } from '../noteMessages';
import { createReactionQueue, type ReactionQueue } from './reactionQueue';
import { isRemoteEmoji, toggled } from './reactionPlan';
import { describeReactionError, needsResync } from './reactionErrors';
import { useRecentReactions } from './useRecentReactions';

type Note = Misskey.entities.Note;

const LIKE = '❤';

// One queue per note cache: every view of a note shares its pending change.
const queues = new WeakMap<object, ReactionQueue>();

export function likeOnly(note: Note): boolean {
  return note.reactionAcceptance === 'likeOnly';
}

export function useReactions() {
  const notes = useNotesStore();
  const session = useSessionStore();
  const stream = useStreamStore();
  const messages = useNoteMessages();
  const recents = useRecentReactions();
  const { t } = useI18n();

  function resync(noteId: string): void {
    session.api.request('notes/show', { noteId }).then(
      (fresh) => notes.put(fresh),
      () => {},
    );
  }

  function queue(): ReactionQueue {
    let q = queues.get(notes);
    if (!q) {
      q = createReactionQueue({
        current: (noteId) => notes.get(noteId)?.myReaction ?? null,
        react: (noteId, reaction) => notes.optimisticReact(noteId, reaction),
        unreact: (noteId) => notes.optimisticUnreact(noteId),
        send: async (noteId, request) => {
          if (request.kind === 'create')
            await session.api.request('notes/reactions/create', { noteId, reaction: request.reaction });
          else await session.api.request('notes/reactions/delete', { noteId });
        },
        failed: (noteId, e) => {
          const error = toApiError(e, 'notes/reactions/create');
          const text = describeReactionError(error);
          messages.show(noteId, t(text.key, { reason: text.reason ? t(text.reason.key, text.reason.params) : '' }));
          if (needsResync(error)) resync(noteId);
        },
      });
      queues.set(notes, q);
    }
    return q;
  }

  /** Whether the viewer can click this reaction of the bar (a remote emoji can only be taken back). */
  function canToggle(note: Note, key: string): boolean {
    if (!session.me) return false;
    return note.myReaction === key || !isRemoteEmoji(key);
  }

  // Offline a reaction could not reach the server: it is refused plainly rather than shown and
  // then taken back (or lost).
  function refusedOffline(note: Note): boolean {
    if (navigator.onLine && stream.state !== 'offline') return false;
    messages.show(note.id, t('note.errors.offlineReaction'));
    return true;
  }

  /** A click on a reaction in the bar: your own one is taken back, another one becomes yours. */
  function toggle(note: Note, key: string): void {
    if (!canToggle(note, key) || refusedOffline(note)) return;
    messages.clear(note.id);
    const desired = toggled(note.myReaction, likeOnly(note) ? LIKE : key);
    queue().set(note.id, desired);
    if (desired) recents.use(desired);
  }

  /** A pick from the picker: becomes the viewer's reaction (a likeOnly note only takes ❤). */
  function pick(note: Note, reaction: string): void {
    if (!session.me || refusedOffline(note)) return;
    messages.clear(note.id);
    const chosen = likeOnly(note) ? LIKE : reaction;
    recents.use(chosen);
    if (toggled(note.myReaction, chosen) === null) return;
    queue().set(note.id, chosen);
  }

  return { toggle, pick, canToggle, flush: () => queue().flush() };
}
