import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError, type ApiError } from '@/api/errors';
import { useNotesStore } from '@/stores/notes';
import { useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';

type Note = Misskey.entities.Note;
export type MentionKind = 'mentions' | 'direct';

const PAGE = 20;

/** Whether a note from `main`'s `mention` event belongs in this list (directs are `specified` only). */
export function belongsTo(kind: MentionKind, note: Pick<Note, 'visibility'>): boolean {
  return kind === 'mentions' || note.visibility === 'specified';
}

/**
 * Notes that mention the reader (or, for 'direct', are addressed to them): pages of
 * `notes/mentions`, new ones live from `main`'s `mention` event.
 */
export function useMentions(kind: MentionKind) {
  const session = useSessionStore();
  const notes = useNotesStore();
  const stream = useStreamStore();
  const unread = useNotificationsStore();
  const ids = shallowRef<string[]>([]);
  const loading = ref(false);
  const done = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let generation = 0;

  function keep(list: Note[], where: 'start' | 'end'): void {
    const known = new Set(ids.value);
    const fresh = list.filter((n) => !known.has(n.id) && known.add(n.id)).map((n) => notes.put(n));
    if (!fresh.length) return;
    fresh.forEach((id) => notes.retain(id));
    ids.value = where === 'start' ? [...fresh, ...ids.value] : [...ids.value, ...fresh];
  }

  function fetch(cursor: { untilId?: string; sinceId?: string }): Promise<Note[]> {
    return session.api.request('notes/mentions', {
      limit: PAGE,
      ...cursor,
      ...(kind === 'direct' ? { visibility: 'specified' } : {}),
    });
  }

  async function loadMore(): Promise<void> {
    if (loading.value || done.value || session.status !== 'ready') return;
    const gen = generation;
    loading.value = true;
    error.value = null;
    try {
      const untilId = ids.value.at(-1);
      const page = await fetch(untilId ? { untilId } : {});
      if (gen !== generation) return;
      keep(page, 'end');
      if (page.length === 0) done.value = true;
      unread.seenMentions(kind);
    } catch (e) {
      if (gen === generation) error.value = toApiError(e, 'notes/mentions');
    } finally {
      if (gen === generation) loading.value = false;
    }
  }

  async function catchUp(): Promise<void> {
    const sinceId = ids.value[0];
    if (!sinceId) return;
    const gen = generation;
    try {
      // With only sinceId the server answers oldest first.
      const page = await fetch({ sinceId });
      if (gen === generation) keep([...page].reverse(), 'start');
    } catch {
      // Live mentions keep coming; the reader can reload for the rest.
    }
  }

  function reset(): void {
    generation++;
    ids.value.forEach((id) => notes.unretain(id));
    ids.value = [];
    loading.value = false;
    done.value = false;
    error.value = null;
  }

  const main = stream.connect('main');
  main.on('mention', (note) => {
    if (belongsTo(kind, note)) keep([note], 'start');
  });
  const offReconnected = stream.onReconnected(() => void catchUp());

  watch(
    () => (session.status === 'ready' ? (session.me?.id ?? null) : null),
    (account) => {
      reset();
      if (account) void loadMore();
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    main.dispose();
    offReconnected();
    reset();
  });

  return { ids, loading, done, error, loadMore };
}
