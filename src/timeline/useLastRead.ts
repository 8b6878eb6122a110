import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { scrollerOf } from '@/app/pane';
import { accountKey } from '@/stores/accounts';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import type { TimelineRow } from './timelineRows';

// Home's last-read mark, per account on this device: the newest note the reader has had on
// screen. A visit shows a "You left off here" line above the mark it found on arrival, while
// the mark itself moves on with what is read.

export interface LastRead {
  id: string;
  // When that note was posted (ms): where Catch-up's "since you left off" starts.
  at: number;
}

const PREFIX = 'mkc:last-read:';
// Read once per account; written only when it moves forward.
const cache = new Map<string, LastRead | null>();

export function readLastRead(account: string): LastRead | null {
  if (cache.has(account)) return cache.get(account) ?? null;
  let found: LastRead | null = null;
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(PREFIX + account) ?? 'null');
    if (typeof saved === 'object' && saved !== null) {
      const { id, at } = saved as Record<string, unknown>;
      if (typeof id === 'string' && typeof at === 'number') found = { id, at };
    }
  } catch {
    // An unreadable mark is no mark.
  }
  cache.set(account, found);
  return found;
}

function writeLastRead(account: string, mark: LastRead): void {
  cache.set(account, mark);
  try {
    localStorage.setItem(PREFIX + account, JSON.stringify(mark));
  } catch {
    // Storage full or refused: the mark holds until the page is closed.
  }
}

/** The key the signed-in account of the calling component's scope keeps its mark under. */
export function useLastReadAccount(): Ref<string | null> {
  const session = useSessionStore();
  return computed(() => (session.me && session.origin ? accountKey(session.me.id, session.origin) : null));
}

export interface LastReadOptions {
  enabled: boolean;
  rows: Ref<readonly TimelineRow[]>;
  // The rows on screen now.
  onScreen(): TimelineRow[];
  // The timeline is shown (a deck column in view, the tab visible).
  shown(): boolean;
  // An element of the timeline: its scroller is watched.
  root: Ref<HTMLElement | null>;
}

export function useLastRead(opts: LastReadOptions) {
  const notes = useNotesStore();
  const account = useLastReadAccount();
  // This visit's line: the mark as it was when the visit began.
  const line = ref<string | null>(null);
  // The line is below what is on screen: the reader has not got back to it yet.
  const lineAhead = ref(false);

  watch(
    account,
    (key) => {
      line.value = opts.enabled && key ? (readLastRead(key)?.id ?? null) : null;
    },
    { immediate: true },
  );

  // What is on screen now has been seen: the mark moves up to the newest of it.
  function look(): void {
    const key = account.value;
    if (!opts.enabled || !key) return;
    const rows = opts.onScreen();
    const at = line.value;
    lineAhead.value = at !== null && rows.length > 0 && rows.every((row) => row.kind !== 'lastRead' && row.position > at);
    if (document.visibilityState !== 'visible' || !opts.shown()) return;
    let newest: string | null = null;
    for (const row of rows) if (row.kind === 'note' && (newest === null || row.position > newest)) newest = row.position;
    const mark = readLastRead(key);
    if (newest === null || (mark && mark.id >= newest)) return;
    const createdAt = notes.peek(newest)?.createdAt;
    if (createdAt) writeLastRead(key, { id: newest, at: Date.parse(createdAt) });
  }

  let frame = 0;
  function lookSoon(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      look();
    });
  }

  let target: HTMLElement | Window | null = null;
  onMounted(() => {
    if (!opts.enabled) return;
    target = scrollerOf(opts.root.value) ?? window;
    target.addEventListener('scroll', lookSoon, { passive: true });
    document.addEventListener('visibilitychange', lookSoon);
  });
  watch(opts.rows, lookSoon, { flush: 'post' });
  onBeforeUnmount(() => {
    target?.removeEventListener('scroll', lookSoon);
    document.removeEventListener('visibilitychange', lookSoon);
    if (frame) cancelAnimationFrame(frame);
  });

  return { line, lineAhead };
}
