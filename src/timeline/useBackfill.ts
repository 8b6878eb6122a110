import { onBeforeUnmount, onMounted, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type * as Misskey from 'misskey-js';
import { useStreamStore } from '@/stream/store';
import { useNotesStore } from '@/stores/notes';
import { backfill } from './backfill';
import { planRefresh, refreshPlan, storeSink } from './refreshNotes';
import { gapItem, maxId, type TimelineItem } from './timelineList';
import { PAGE_SIZE, type Timeline } from './useTimeline';

type Note = Misskey.entities.Note;

// Pages read per catch-up before the rest is left behind a gap marker the reader can open.
export const MAX_BACKFILL_PAGES = 5;
const ANNOUNCE_FOR_MS = 10_000;

// After every reconnect: load what was posted while the socket was down, and read the notes on
// screen again, whose reaction and poll events were lost meanwhile. Without a stream (polling),
// the same on every poll, quietly. `onScreen` gives the ids of the timeline's items on screen.
export function useBackfill(tl: Timeline, onScreen: () => string[]) {
  const stream = useStreamStore();
  const notes = useNotesStore();
  const sink = storeSink();
  const { t } = useI18n();
  const announcement = ref('');
  const filling = ref<string | null>(null);
  let running: Promise<void> | null = null;
  let clearTimer: ReturnType<typeof setTimeout> | null = null;

  function announce(text: string): void {
    announcement.value = text;
    if (clearTimer !== null) clearTimeout(clearTimer);
    clearTimer = setTimeout(() => {
      announcement.value = '';
      clearTimer = null;
    }, ANNOUNCE_FOR_MS);
  }

  // Reads forward from `sinceId`; whatever could not be read (cap, failure) becomes a gap.
  async function walk(
    sinceId: string,
    onPage: (page: Note[]) => void,
  ): Promise<{ loaded: number; gap: boolean; failed: boolean }> {
    const gen = tl.generation();
    let cursor = sinceId;
    let loaded = 0;
    try {
      const result = await backfill(
        (since) => tl.fetch({ sinceId: since }, PAGE_SIZE),
        sinceId,
        MAX_BACKFILL_PAGES,
        (page) => {
          if (gen !== tl.generation()) return;
          onPage(page);
          loaded += page.length;
          cursor = maxId(page.map((n) => n.id)) ?? cursor;
        },
      );
      if (gen === tl.generation() && result.capped) {
        tl.state.addGap(result.cursor);
        tl.sync();
      }
      return { loaded, gap: result.capped, failed: false };
    } catch {
      if (gen === tl.generation()) {
        tl.state.addGap(cursor);
        tl.sync();
      }
      return { loaded, gap: true, failed: true };
    }
  }

  async function refreshOnScreen(): Promise<void> {
    const gen = tl.generation();
    try {
      await refreshPlan(planRefresh(tl.state.items, onScreen()), (cursor, limit) => tl.fetch(cursor, limit), sink);
    } catch (e) {
      // They stay as they were; the next capture or poll reads them again.
      if (gen === tl.generation()) console.warn('re-reading the notes on screen failed', e);
    }
  }

  // `quiet`: a poll, not a recovery; what it brings is news, not something missed. From `from` (a
  // list kept from before, whose newest note may lie under ones streamed since), else from the
  // newest note held.
  async function catchUp(quiet: boolean, from: string | null): Promise<void> {
    const since = from ?? tl.state.newestId();
    if (tl.status.value !== 'ready' || !since) {
      await tl.loadFirst();
      return;
    }
    // A gap an earlier catch-up left here (it failed, offline) is what this one reads.
    tl.state.removeGap(gapItem(since).id);
    tl.sync();
    const gen = tl.generation();
    const [result] = await Promise.all([walk(since, (page) => tl.arrive(page)), refreshOnScreen()]);
    // Caught up: the list no longer shows an older session.
    if (!result.failed && gen === tl.generation()) tl.asOf.value = null;
    if (result.gap) announce(t('timeline.backfill.partial', { n: result.loaded }));
    else if (result.loaded && !quiet) announce(t('timeline.backfill.loaded', { n: result.loaded }));
  }

  // One catch-up at a time; one asked for meanwhile runs after it (a poll then gives way to a recovery).
  let queued: boolean | null = null;
  function run(quiet: boolean, from: string | null = null): void {
    if (running) {
      queued = queued === null ? quiet : queued && quiet;
      return;
    }
    running = catchUp(quiet, from).finally(() => {
      running = null;
      const next = queued;
      queued = null;
      if (next !== null) run(next);
    });
  }

  function onReconnected(): void {
    run(false);
  }

  async function fillGap(gap: TimelineItem): Promise<void> {
    if (gap.kind !== 'gap' || filling.value) return;
    filling.value = gap.id;
    tl.state.removeGap(gap.id);
    tl.sync();
    const result = await walk(gap.sinceId, (page) => {
      tl.state.insert(notes.putMany(page));
      tl.sync();
    });
    filling.value = null;
    announce(t(result.gap ? 'timeline.backfill.partial' : 'timeline.backfill.loaded', { n: result.loaded }));
  }

  // Back from the back/forward cache or from offline: the socket may have survived, the notes did not.
  function onPageShow(e: PageTransitionEvent): void {
    if (e.persisted) onReconnected();
  }

  let off: (() => void) | null = null;
  let offPoll: (() => void) | null = null;
  onMounted(() => {
    off = stream.onReconnected(onReconnected);
    offPoll = stream.onPoll(() => run(true));
    window.addEventListener('pageshow', onPageShow);
    window.addEventListener('online', onReconnected);
  });
  onBeforeUnmount(() => {
    off?.();
    offPoll?.();
    window.removeEventListener('pageshow', onPageShow);
    window.removeEventListener('online', onReconnected);
    if (clearTimer !== null) clearTimeout(clearTimer);
  });

  /** Catches up now: from `from` (a list restored or kept from before), else from the newest note held. */
  function catchUpFrom(from: string | null = null): void {
    run(false, from);
  }

  return { announcement, filling, fillGap, catchUp: catchUpFrom };
}
