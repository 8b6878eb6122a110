import { computed, onScopeDispose, reactive, ref, shallowRef, watch } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError, type ApiError } from '@/api/errors';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import { readLastRead, useLastReadAccount } from '@/timeline/useLastRead';
import {
  SPAN_HOURS,
  activeAuthors,
  readSpan,
  selectNotes,
  type CatchUpFilters,
  type CatchUpSort,
  type DateCursor,
  type Span,
} from './catchUp';

type Note = Misskey.entities.Note;
export type CatchUpStatus = 'loading' | 'ready' | 'error';

// The Catch-up page's state: the span read (Home, over REST by date), the notes it holds in the
// note store, and the filters and sort applied to them here.
export function useCatchUp() {
  const session = useSessionStore();
  const notes = useNotesStore();
  const account = useLastReadAccount();

  const lastRead = computed(() => (account.value ? readLastRead(account.value) : null));
  const span = ref<Span>('6h');
  const status = ref<CatchUpStatus>('loading');
  const error = shallowRef<ApiError | null>(null);
  const readSoFar = ref(0);
  const read = shallowRef<Note[]>([]);
  const capped = ref(false);
  const range = ref<{ since: number; until: number } | null>(null);
  const filters = reactive<CatchUpFilters>({
    kinds: { original: true, reply: true, renote: true, quote: true },
    withFiles: false,
    author: null,
  });
  const sort = ref<CatchUpSort>('time');

  let generation = 0;
  let held: string[] = [];

  function hold(ids: string[]): void {
    notes.unretain(held);
    held = ids;
    notes.retain(held);
  }

  function fetchPage(cursor: DateCursor, limit: number): Promise<Note[]> {
    return session.api.request('notes/timeline', { ...cursor, limit, withRenotes: true, withFiles: false });
  }

  async function load(): Promise<void> {
    const gen = ++generation;
    const until = Date.now();
    const since = span.value === 'lastRead' ? (lastRead.value?.at ?? until) : until - SPAN_HOURS[span.value] * 3_600_000;
    status.value = 'loading';
    error.value = null;
    readSoFar.value = 0;
    range.value = { since, until };
    try {
      const result = await readSpan(fetchPage, since, until, (n) => {
        if (gen === generation) readSoFar.value = n;
      });
      if (gen !== generation) return;
      hold(notes.putMany(result.notes));
      read.value = result.notes;
      capped.value = result.capped;
      // An author no longer among those read would leave an empty list behind.
      if (filters.author && !result.notes.some((n) => n.userId === filters.author)) filters.author = null;
      status.value = 'ready';
    } catch (e) {
      if (gen !== generation) return;
      error.value = toApiError(e, 'notes/timeline');
      status.value = 'error';
    }
  }

  const shown = computed(() => selectNotes(read.value, filters, sort.value).map((n) => n.id));
  const authors = computed(() => activeAuthors(read.value));

  watch(
    () => (session.status === 'ready' ? (session.me?.id ?? null) : null),
    (me) => {
      if (me) void load();
    },
    { immediate: true },
  );
  watch(span, () => void load());

  onScopeDispose(() => {
    generation++;
    notes.unretain(held);
    held = [];
  });

  return { span, status, error, readSoFar, read, capped, range, filters, sort, shown, authors, lastRead, load };
}
