import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';
import { useReadCache } from '@/offline/useReadCache';

export interface FeedCursor {
  untilId?: string;
  sinceId?: string;
}

export interface FeedOptions<T extends { id: string }> {
  endpoint: string;
  fetch(cursor: FeedCursor, limit: number): Promise<T[]>;
  // Entries joining the list (their notes held in the note store), and leaving it.
  hold?(entries: T[]): void;
  release?(entries: T[]): void;
  // The server has just answered with a page: what it listed counts as read.
  onRead?(): void;
  // Keeps the newest entries on the device under this name: shown while the first page is asked
  // for, and instead of it offline.
  keep?: string;
  /**
   * Entries stand for several server items (a group of notifications carries only its oldest
   * member's id), so what came meanwhile cannot be asked for with sinceId: after a reconnect
   * the newest page is read again and replaces the entries it covers.
   */
  refreshHead?: boolean;
}

const PAGE = 20;
// How many of the newest entries are kept on the device.
const KEEP = 40;
// After a reconnect, what came while the socket was down; more than this and the reader pages.
const CATCH_UP = 100;

/** The entries of `incoming` not already in `list` (nor repeated in `incoming`). */
export function unseen<T extends { id: string }>(list: readonly T[], incoming: readonly T[]): T[] {
  const known = new Set(list.map((n) => n.id));
  return incoming.filter((n) => !known.has(n.id) && known.add(n.id));
}

// Ids (Misskey's aid) sort by time as strings: a catch-up that answers after a live entry
// still lands below it.
function newestFirst<T extends { id: string }>(list: T[]): T[] {
  return list.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * A list read newest first over REST: older pages on demand, what came during an outage after
 * each reconnect, live entries put on top by the caller, and a fresh start per account.
 */
export function usePagedFeed<T extends { id: string }>(opts: FeedOptions<T>) {
  const session = useSessionStore();
  const stream = useStreamStore();
  const kept = useReadCache();
  const items = shallowRef<T[]>([]);
  const loading = ref(false);
  const done = ref(false);
  const error = shallowRef<ApiError | null>(null);
  // When the entries shown were kept on the device (not yet, or not, the server's first page).
  const asOf = ref<number | null>(null);
  let generation = 0;

  function add(incoming: T[], where: 'start' | 'end'): void {
    const fresh = unseen(items.value, incoming);
    if (!fresh.length) return;
    opts.hold?.(fresh);
    items.value = where === 'start' ? newestFirst([...fresh, ...items.value]) : [...items.value, ...fresh];
  }

  function keep(): void {
    if (opts.keep && asOf.value === null && items.value.length) kept.save(opts.keep, items.value.slice(0, KEEP));
  }

  // The first page: what was kept shows until the server answers, which then replaces it.
  async function loadFirst(): Promise<void> {
    const gen = generation;
    loading.value = true;
    error.value = null;
    const cached = opts.keep
      ? kept.load<T[]>(opts.keep).then((found) => {
          if (!found || gen !== generation || items.value.length) return;
          add(found.value, 'end');
          asOf.value = found.savedAt;
        })
      : null;
    try {
      const page = await opts.fetch({}, PAGE);
      if (gen !== generation) return;
      await cached;
      opts.onRead?.();
      if (asOf.value !== null) {
        opts.release?.(items.value);
        items.value = [];
        asOf.value = null;
      }
      add(page, 'end');
      if (page.length === 0) done.value = true;
      keep();
    } catch (e) {
      await cached;
      // Offline with kept entries on screen: they stay, marked; paging waits for the server.
      if (gen === generation && asOf.value === null) error.value = toApiError(e, opts.endpoint);
    } finally {
      if (gen === generation) loading.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (loading.value || done.value || session.status !== 'ready') return;
    if (!items.value.length || asOf.value !== null) return loadFirst();
    const gen = generation;
    loading.value = true;
    error.value = null;
    try {
      const untilId = items.value.at(-1)?.id;
      const page = await opts.fetch(untilId ? { untilId } : {}, PAGE);
      if (gen !== generation) return;
      opts.onRead?.();
      add(page, 'end');
      if (page.length === 0) done.value = true;
    } catch (e) {
      if (gen === generation) error.value = toApiError(e, opts.endpoint);
    } finally {
      if (gen === generation) loading.value = false;
    }
  }

  function replaceHead(page: T[]): void {
    const oldest = page.at(-1)?.id;
    if (oldest === undefined) return;
    const covered = items.value.filter((n) => n.id >= oldest);
    opts.hold?.(page);
    opts.release?.(covered);
    items.value = [...page, ...items.value.filter((n) => n.id < oldest)];
  }

  async function catchUp(): Promise<void> {
    const sinceId = items.value[0]?.id;
    if (!sinceId || session.status !== 'ready') return;
    const gen = generation;
    if (opts.refreshHead) {
      try {
        const page = await opts.fetch({}, CATCH_UP);
        if (gen !== generation) return;
        opts.onRead?.();
        replaceHead(page);
        keep();
      } catch {
        // As below: the next visit shows them.
      }
      return;
    }
    try {
      // With only sinceId the server answers oldest first.
      const page = await opts.fetch({ sinceId }, CATCH_UP);
      if (gen !== generation) return;
      opts.onRead?.();
      add([...page].reverse(), 'start');
      keep();
    } catch {
      // Missed entries stay missed until the next visit; live ones keep coming.
    }
  }

  function reset(): void {
    generation++;
    opts.release?.(items.value);
    items.value = [];
    loading.value = false;
    done.value = false;
    error.value = null;
    asOf.value = null;
  }

  const offReconnected = stream.onReconnected(() => void catchUp());
  // Kept entries on screen (an offline start): the server's first page replaces them once it can be asked.
  kept.onServerBack(() => {
    if (asOf.value !== null && !loading.value) void loadFirst();
  });

  // A new account (or the first load after a reload) starts the list over.
  watch(
    () => (session.status === 'ready' ? (session.me?.id ?? null) : null),
    (account) => {
      reset();
      if (account) void loadMore();
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    offReconnected();
    reset();
  });

  function prepend(entries: T[]): void {
    add(entries, 'start');
    keep();
  }

  return { items, loading, done, error, asOf, loadMore, catchUp, prepend };
}
