import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError, type ApiError } from '@/api/errors';
import { useStreamStore } from '@/stream/store';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import { FrameBatcher, RateMeter, READABLE_PER_SECOND } from './arrivals';
import { TimelineState } from './timelineState';
import type { TimelineItem } from './timelineList';
import { openChannel } from './openChannel';
import { recheckShown, storeSink } from './refreshNotes';
import { channelFor, fetchPage, timelineKey, type PageCursor, type TimelineFilters, type TimelineSource } from './timelineSource';

type Note = Misskey.entities.Note;

export const PAGE_SIZE = 20;

export type LoadStatus = 'loading' | 'ready' | 'error';
export type OlderStatus = 'idle' | 'loading' | 'done' | 'error';

export interface TimelineOptions {
  // True while the reader is at the top: new notes may appear without moving what they read.
  isLive(): boolean;
  // A list kept from an earlier visit of this history entry (see useReadingPosition).
  restore?(key: string): TimelineItem[] | null;
}

export function useTimeline(source: Ref<TimelineSource>, filters: Ref<TimelineFilters>, opts: TimelineOptions) {
  const stream = useStreamStore();
  const notes = useNotesStore();
  const session = useSessionStore();
  const sink = storeSink();

  const state = new TimelineState({ hold: (ids) => notes.retain(ids), drop: (ids) => notes.unretain(ids) });
  const items = shallowRef<TimelineItem[]>([]);
  const pending = shallowRef<string[]>([]);
  const status = ref<LoadStatus>('loading');
  const error = shallowRef<ApiError | null>(null);
  const older = ref<OlderStatus>('idle');
  const olderError = shallowRef<ApiError | null>(null);
  const highRate = ref(false);
  // Whose timeline it is belongs to its identity too: a kept list never crosses accounts.
  const fullKey = () => `${session.origin ?? ''}|${session.me?.id ?? 'guest'}|${timelineKey(source.value, filters.value)}`;
  const key = ref(fullKey());

  // Bumped whenever the timeline starts over, so answers to older requests are ignored.
  let generation = 0;
  let channel: { dispose(): void } | null = null;
  let calmCheck: ReturnType<typeof setTimeout> | null = null;
  const meter = new RateMeter();

  function sync(): void {
    items.value = state.items;
    pending.value = state.pending;
  }

  function fetch(cursor: PageCursor, limit = PAGE_SIZE): Promise<Note[]> {
    return fetchPage(session.api, source.value, filters.value, cursor, limit);
  }

  function live(): boolean {
    return opts.isLive() && !highRate.value;
  }

  // Queued notes were not captured while they waited: a deletion or reaction meanwhile went
  // unheard, so once they are on screen they are read again.
  function recheck(shown: string[]): void {
    if (!shown.length) return;
    recheckShown(shown, (untilId, limit) => fetch(untilId ? { untilId } : {}, limit), sink).catch((e: unknown) => {
      // They stay as they arrived; the next capture keeps them live from here on.
      console.warn('re-reading queued notes failed', e);
    });
  }

  // New notes (streamed or backfilled) go on top, or into the queue when the reader is away.
  function arrive(list: Note[]): void {
    if (!list.length) return;
    const ids = notes.putMany(list);
    recheck(state.arrive(ids, live()));
    sync();
  }

  function measureRate(count: number): void {
    const now = Date.now();
    meter.record(count, now);
    highRate.value = meter.perSecond(now) > READABLE_PER_SECOND;
    if (highRate.value && calmCheck === null) {
      calmCheck = setTimeout(() => {
        calmCheck = null;
        measureRate(0);
        if (!highRate.value && opts.isLive()) flushPending();
      }, 1100);
    }
  }

  const batcher = new FrameBatcher<Note>((batch) => {
    measureRate(batch.length);
    arrive(batch);
  });

  function connect(): void {
    channel?.dispose();
    channel = null;
    const ch = channelFor(source.value, filters.value);
    if (!ch) return;
    try {
      channel = openChannel(stream, ch, (note) => batcher.push(note));
    } catch (e) {
      // Past Misskey's channel limit the list still works over REST, only without live notes.
      console.warn(e);
    }
  }

  async function loadFirst(): Promise<void> {
    const gen = generation;
    status.value = 'loading';
    error.value = null;
    try {
      const page = await fetch({});
      if (gen !== generation) return;
      state.addOlder(notes.putMany(page));
      sync();
      older.value = page.length ? 'idle' : 'done';
      status.value = 'ready';
    } catch (e) {
      if (gen !== generation) return;
      error.value = toApiError(e, 'timeline');
      status.value = 'error';
    }
  }

  async function loadOlder(): Promise<void> {
    const untilId = state.oldestId();
    if (older.value === 'loading' || older.value === 'done' || status.value !== 'ready' || !untilId) return;
    const gen = generation;
    older.value = 'loading';
    olderError.value = null;
    try {
      const page = await fetch({ untilId });
      if (gen !== generation) return;
      if (!page.length) {
        older.value = 'done';
        return;
      }
      state.addOlder(notes.putMany(page));
      sync();
      older.value = 'idle';
    } catch (e) {
      if (gen !== generation) return;
      olderError.value = toApiError(e, 'timeline');
      older.value = 'error';
    }
  }

  function flushPending(): void {
    recheck(state.flushPending());
    sync();
  }

  function removeDeleted(id: string): void {
    state.remove((itemId) => itemId === id || notes.isDeleted(itemId));
    sync();
  }

  // Starts (or starts over, when the source or filters change): channel first, then the list.
  function start(): boolean {
    generation++;
    state.clear();
    older.value = 'idle';
    key.value = fullKey();
    connect();
    const kept = opts.restore?.(key.value);
    if (kept) {
      state.adopt(kept);
      sync();
      status.value = 'ready';
      return true;
    }
    sync();
    void loadFirst();
    return false;
  }

  let offDeleted: (() => void) | null = null;
  onMounted(() => {
    offDeleted = notes.onDeleted(removeDeleted);
  });
  watch(fullKey, (next, prev) => {
    if (next !== prev) start();
  });
  onBeforeUnmount(() => {
    generation++;
    batcher.stop();
    channel?.dispose();
    channel = null;
    offDeleted?.();
    if (calmCheck !== null) clearTimeout(calmCheck);
  });

  return {
    state,
    items,
    pending,
    status,
    error,
    older,
    olderError,
    highRate,
    key,
    start,
    sync,
    fetch,
    arrive,
    loadFirst,
    loadOlder,
    flushPending,
    generation: () => generation,
  };
}

export type Timeline = ReturnType<typeof useTimeline>;
