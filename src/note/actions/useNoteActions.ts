// Renote, delete, pin, favorite and copy link for one note; each reports its outcome in the note's footer.
import { useI18n } from 'vue-i18n';
import type * as Misskey from 'misskey-js';
import { toApiError } from '@/api/errors';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import { useErrorMessage } from '@/app/useErrorMessage';
import { useNoteMessages } from '../noteMessages';
import { noteLink, renoteParams } from './noteLink';

export function useNoteActions() {
  const notes = useNotesStore();
  const session = useSessionStore();
  const messages = useNoteMessages();
  const describe = useErrorMessage();
  const { t } = useI18n();

  function canRenote(note: Misskey.entities.Note): boolean {
    return session.me != null && renoteParams(note, session.me.id) != null;
  }

  function isMine(note: Misskey.entities.Note): boolean {
    return session.me != null && note.userId === session.me.id;
  }

  async function renote(note: Misskey.entities.Note): Promise<void> {
    const params = renoteParams(note, session.me?.id ?? null);
    if (!params) return;
    messages.clear(note.id);
    try {
      await session.api.request('notes/create', params);
      messages.show(note.id, t('note.renoted'), 'info');
    } catch (e) {
      messages.show(note.id, t('note.errors.renoteFailed', { reason: describe(toApiError(e, 'notes/create')) }));
    }
  }

  async function remove(note: Misskey.entities.Note): Promise<void> {
    messages.clear(note.id);
    try {
      await session.api.request('notes/delete', { noteId: note.id });
      // The server tells captures too; this covers a view that was not capturing the note.
      notes.applyNoteUpdate({ id: note.id, type: 'deleted', body: { deletedAt: new Date().toISOString() } });
    } catch (e) {
      messages.show(note.id, t('note.errors.deleteFailed', { reason: describe(toApiError(e, 'notes/delete')) }));
    }
  }

  function isPinned(note: Misskey.entities.Note): boolean {
    return session.me?.pinnedNoteIds.includes(note.id) ?? false;
  }

  // i/pin and i/unpin answer with the whole MeDetailed, pins included.
  async function setPinned(note: Misskey.entities.Note, pinned: boolean): Promise<void> {
    const endpoint = pinned ? 'i/pin' : 'i/unpin';
    messages.clear(note.id);
    try {
      session.setMe(await session.api.request(endpoint, { noteId: note.id }));
      messages.show(note.id, t(pinned ? 'note.pinned' : 'note.unpinned'), 'info');
    } catch (e) {
      const err = toApiError(e, endpoint);
      if (err.code === 'PIN_LIMIT_EXCEEDED') messages.show(note.id, t('note.errors.pinLimit'));
      else messages.show(note.id, t(pinned ? 'note.errors.pinFailed' : 'note.errors.unpinFailed', { reason: describe(err) }));
    }
  }

  // Whether the viewer marked the note a favorite; the note itself does not say (notes/state).
  async function isFavorited(note: Misskey.entities.Note): Promise<boolean | null> {
    try {
      return (await session.api.request('notes/state', { noteId: note.id })).isFavorited;
    } catch {
      return null;
    }
  }

  async function setFavorite(note: Misskey.entities.Note, on: boolean): Promise<void> {
    const endpoint = on ? 'notes/favorites/create' : 'notes/favorites/delete';
    messages.clear(note.id);
    try {
      await session.api.request(endpoint, { noteId: note.id });
      messages.show(note.id, t(on ? 'note.favorited' : 'note.unfavorited'), 'info');
    } catch (e) {
      const err = toApiError(e, endpoint);
      // Already so (another tab, another client): the reader's wish holds.
      if (err.code === 'ALREADY_FAVORITED' || err.code === 'NOT_FAVORITED') {
        messages.show(note.id, t(on ? 'note.favorited' : 'note.unfavorited'), 'info');
      } else {
        messages.show(note.id, t('note.errors.favoriteFailed', { reason: describe(err) }));
      }
    }
  }

  async function copyLink(note: Misskey.entities.Note): Promise<void> {
    const link = noteLink(note, session.origin ?? location.origin);
    try {
      await navigator.clipboard.writeText(link);
      messages.show(note.id, t('note.linkCopied'), 'info');
    } catch {
      messages.show(note.id, t('note.errors.copyFailed', { link }));
    }
  }

  return { canRenote, isMine, isPinned, setPinned, isFavorited, setFavorite, renote, remove, copyLink };
}
