// Voting: the count moves at once, the server's pollVoted echo confirms it, a refusal rolls it back.
import { useI18n } from 'vue-i18n';
import type * as Misskey from 'misskey-js';
import { toApiError } from '@/api/errors';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import { useErrorMessage } from '@/app/useErrorMessage';
import { useNoteMessages } from '../noteMessages';
import { canVoteFor } from './pollState';

const BY_CODE: Record<string, string> = {
  ALREADY_VOTED: 'note.errors.alreadyVoted',
  ALREADY_EXPIRED: 'note.errors.pollExpired',
  NO_SUCH_NOTE: 'note.errors.noSuchNote',
};

export function usePollVote() {
  const notes = useNotesStore();
  const session = useSessionStore();
  const messages = useNoteMessages();
  const describe = useErrorMessage();
  const { t } = useI18n();

  async function vote(note: Misskey.entities.Note, choice: number): Promise<void> {
    if (!session.me || !note.poll || !canVoteFor(note.poll, choice, Date.now())) return;
    messages.clear(note.id);
    const rollback = notes.optimisticVote(note.id, choice);
    try {
      await session.api.request('notes/polls/vote', { noteId: note.id, choice });
    } catch (e) {
      rollback();
      const error = toApiError(e, 'notes/polls/vote');
      const key = error.code ? BY_CODE[error.code] : undefined;
      messages.show(note.id, key ? t(key) : t('note.errors.voteFailed', { reason: describe(error) }));
      // The server knows better (a vote from another device, an end we did not see): show its copy.
      if (key)
        session.api.request('notes/show', { noteId: note.id }).then(
          (fresh) => notes.put(fresh),
          () => {},
        );
    }
  }

  return { vote };
}
