import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError, type ApiError } from '@/api/errors';
import { useStreamStore } from '@/stream/store';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import { FrameBatcher, RateMeter, READABLE_PER_SECOND } from './arrivals';
import { TimelineState } from './timelineState';
import { newestNoteId, type TimelineItem } from './timelineList';
import { openChannel } from './openChannel';
import { recheckShown, storeSink } from './refreshNotes';
import { channelFor, fetchPage, timelineKey, type PageCursor, type TimelineFilters, type TimelineSource } from './timelineSource';

type Note = Misskey.entities.Note;

export const PAGE_SIZE = 20;

export type LoadStatus = 'loading' | 'ready' | 'error';
export type OlderStatus = 'idle' | 'loading' | 'done' | 'error';

// A list kept on this device from the last session (see useTimelineCache).
export interface CachedList {
  items: TimelineItem[];
  // The notes the items show (with the renotes and replies they point to).
  notes: Note[];
  savedAt: number;
}

export interface TimelineOptions {
  // True while the reader is at the top: new notes may appear without moving what they read.
  isLive(): boolean;
  // A list kept from an earlier visit of this history entry (see useReadingPosition).
  restore?(key: string): TimelineItem[] | null;
  // Otherwise, the list as it was at the end of the last session, if one was kept.
  cached?(key: string): Promise<CachedList | null>;
  // A kept or cached list is shown: what came after `sinceId` must be caught up, as after a reconnect.
  onRestored?(sinceId: string | null): void;
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
  // Set while the list shows a session kept on this device and not yet caught up: when it was saved.
  const asOf = ref<number | null>(null);
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

  // A list kept on this device, merged with whatever streamed in while it was read from disk.
  async function loadCached(cached: (key: string) => Promise<CachedList | null>): Promise<void> {
    const gen = generation;
    status.value = 'loading';
    const list = await cached(key.value).catch(() => null);
    if (gen !== generation) return;
    if (!list?.items.length) return loadFirst();
    notes.putMany(list.notes);
    state.insert(list.items.flatMap((i) => (i.kind === 'note' ? [i.id] : [])));
    for (const item of list.items) if (item.kind === 'gap') state.addGap(item.sinceId);
    sync();
    asOf.value = list.savedAt;
    status.value = 'ready';
    opts.onRestored?.(newestNoteId(list.items));
  }

  // Starts (or starts over, when the source or filters change): channel first, then the list.
  function start(): boolean {
    generation++;
    state.clear();
    older.value = 'idle';
    asOf.value = null;
    key.value = fullKey();
    connect();
    const kept = opts.restore?.(key.value);
    if (kept) {
      state.adopt(kept);
      sync();
      status.value = 'ready';
      opts.onRestored?.(state.newestId());
      return true;
    }
    sync();
    void (opts.cached ? loadCached(opts.cached) : loadFirst());
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
    asOf,
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
