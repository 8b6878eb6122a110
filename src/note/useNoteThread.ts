import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import * as noteUtil from 'misskey-js/note.js';
import type * as Misskey from 'misskey-js';
import { useNotesStore } from '@/stores/notes';
import { useOutboxStore } from '@/stores/outbox';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';
import { useReadCache } from '@/offline/useReadCache';

type Note = Misskey.entities.Note;

interface Thread {
  note: Note;
  conversation: Note[];
  children: Note[];
}

// A note with the conversation above it and the replies below, held in the note store. The last
// answer is kept on the device: shown while the server is asked, and instead of it offline.
export function useNoteThread(noteId: Ref<string>) {
  const session = useSessionStore();
  const notes = useNotesStore();
  const kept = useReadCache();
  const ancestors = shallowRef<string[]>([]);
  const children = shallowRef<string[]>([]);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  // When the thread shown was kept (not yet, or not, the server's answer).
  const asOf = ref<number | null>(null);
  let held: string[] = [];
  let latest = 0;

  function hold(ids: string[]): void {
    ids.forEach((id) => notes.retain(id));
    held.forEach((id) => notes.unretain(id));
    held = ids;
  }

  function show(thread: Thread): void {
    const main = notes.put(thread.note);
    // notes/conversation lists ancestors nearest first; show them oldest first.
    const up = notes.putMany(thread.conversation).reverse();
    const down = notes.putMany(thread.children);
    hold([main, ...up, ...down]);
    ancestors.value = up;
    children.value = down;
  }

  async function fetchThread(id: string): Promise<Thread> {
    const [note, conversation, replies] = await Promise.all([
      session.api.request('notes/show', { noteId: id }),
      session.api.request('notes/conversation', { noteId: id, limit: 30 }),
      session.api.request('notes/children', { noteId: id, limit: 30 }),
    ]);
    return { note, conversation, children: replies };
  }

  async function load(): Promise<void> {
    const id = noteId.value;
    const request = ++latest;
    const current = () => request === latest && id === noteId.value;
    loading.value = true;
    error.value = null;
    // Resolves to whether the kept copy went on screen.
    const cached = kept.load<Thread>(`note:${id}`).then((found) => {
      if (!found || !current() || !loading.value) return false;
      show(found.value);
      asOf.value = found.savedAt;
      loading.value = false;
      return true;
    });
    try {
      const thread = await fetchThread(id);
      if (!current()) return;
      show(thread);
      asOf.value = null;
      kept.save(`note:${id}`, thread);
    } catch (e) {
      const fromCache = await cached;
      // Offline (or the server down) with a kept copy on screen: it stays, marked.
      if (current() && !fromCache) error.value = toApiError(e, 'notes/show');
    } finally {
      if (current()) loading.value = false;
    }
  }

  // Misskey sends no event for other people's replies, and no event at all while there is no
  // stream: the thread on screen is read again quietly on every poll and after a reconnect.
  async function refresh(): Promise<void> {
    if (loading.value || error.value || asOf.value !== null || session.status !== 'ready') return;
    const id = noteId.value;
    const request = ++latest;
    try {
      const thread = await fetchThread(id);
      if (request !== latest || id !== noteId.value) return;
      show(thread);
      kept.save(`note:${id}`, thread);
    } catch (e) {
      // Deleted meanwhile: said as on opening it. Anything else leaves the thread as it is (the
      // connection status already speaks for the server).
      if (request === latest && toApiError(e, 'notes/show').code === 'NO_SUCH_NOTE') void load();
    }
  }
  const stream = useStreamStore();
  const offPoll = stream.onPoll(() => void refresh());
  const offReconnected = stream.onReconnected(() => void refresh());

  // The reader's own reply or quote goes under the note as soon as it is posted (Misskey sends
  // no event for new replies, so other people's come with the next load).
  const offPosted = useOutboxStore().onPosted((note) => {
    const answers = note.replyId === noteId.value || (note.renoteId === noteId.value && !noteUtil.isPureRenote(note));
    if (!answers || loading.value || children.value.includes(note.id)) return;
    const id = notes.put(note);
    hold([...held, id]);
    children.value = [...children.value, id];
  });

  // A kept copy on screen (offline): asked again once the server can be reached.
  kept.onServerBack(() => {
    if (asOf.value !== null && !loading.value) void load();
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
    offPoll();
    offReconnected();
    hold([]);
  });

  return { ancestors, children, loading, error, asOf, load };
}
