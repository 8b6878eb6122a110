import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import * as noteUtil from 'misskey-js/note.js';
import { useNotesStore } from '@/stores/notes';
import { useOutboxStore } from '@/stores/outbox';
import { useSessionStore } from '@/stores/session';

// A note with the conversation above it and the replies below, held in the note store.
export function useNoteThread(noteId: Ref<string>) {
  const session = useSessionStore();
  const notes = useNotesStore();
  const ancestors = shallowRef<string[]>([]);
  const children = shallowRef<string[]>([]);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let held: string[] = [];

  function hold(ids: string[]): void {
    ids.forEach((id) => notes.retain(id));
    held.forEach((id) => notes.unretain(id));
    held = ids;
  }

  async function load(): Promise<void> {
    const id = noteId.value;
    loading.value = true;
    error.value = null;
    try {
      const [note, conversation, replies] = await Promise.all([
        session.api.request('notes/show', { noteId: id }),
        session.api.request('notes/conversation', { noteId: id, limit: 30 }),
        session.api.request('notes/children', { noteId: id, limit: 30 }),
      ]);
      if (id !== noteId.value) return;
      const main = notes.put(note);
      // notes/conversation lists ancestors nearest first; show them oldest first.
      const up = notes.putMany(conversation).reverse();
      const down = notes.putMany(replies);
      hold([main, ...up, ...down]);
      ancestors.value = up;
      children.value = down;
    } catch (e) {
      if (id === noteId.value) error.value = toApiError(e, 'notes/show');
    } finally {
      if (id === noteId.value) loading.value = false;
    }
  }

  // The reader's own reply or quote goes under the note as soon as it is posted (Misskey sends
  // no event for new replies, so other people's come with the next load).
  const offPosted = useOutboxStore().onPosted((note) => {
    const answers = note.replyId === noteId.value || (note.renoteId === noteId.value && !noteUtil.isPureRenote(note));
    if (!answers || loading.value || children.value.includes(note.id)) return;
    const id = notes.put(note);
    hold([...held, id]);
    children.value = [...children.value, id];
  });

  watch(
    [noteId, () => session.status],
    ([, status]) => {
      if (status === 'ready') void load();
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    offPosted();
    hold([]);
  });

  return { ancestors, children, loading, error, load };
}
