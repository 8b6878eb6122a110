import { onBeforeUnmount, onMounted, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type * as Misskey from 'misskey-js';
import { useStreamStore } from '@/stream/store';
import { useNotesStore } from '@/stores/notes';
import { backfill } from './backfill';
import { refreshEach, storeSink } from './refreshNotes';
import { maxId, type TimelineItem } from './timelineList';
import { PAGE_SIZE, type Timeline } from './useTimeline';

type Note = Misskey.entities.Note;

// Pages read per catch-up before the rest is left behind a gap marker the reader can open.
export const MAX_BACKFILL_PAGES = 5;
const ANNOUNCE_FOR_MS = 10_000;

// After every reconnect: load what was posted while the socket was down, and refresh the
// captured notes on screen, whose reaction and poll events were lost meanwhile.
export function useBackfill(tl: Timeline) {
  const stream = useStreamStore();
  const notes = useNotesStore();
  const sink = storeSink();
  const { t } = useI18n();
  const announcement = ref('');
  const filling = ref<string | null>(null);
  let running: Promise<void> | null = null;
  let again = false;
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
  async function walk(sinceId: string, onPage: (page: Note[]) => void): Promise<{ loaded: number; gap: boolean }> {
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
      return { loaded, gap: result.capped };
    } catch {
      if (gen === tl.generation()) {
        tl.state.addGap(cursor);
        tl.sync();
      }
      return { loaded, gap: true };
    }
  }

  function refreshCaptured(): Promise<void> {
    const ids = tl.state.items.flatMap((i) => (i.kind === 'note' ? [notes.appearId(i.id)] : []));
    return refreshEach(
      ids.filter((id) => stream.isCaptured(id)),
      sink,
    );
  }

  async function catchUp(): Promise<void> {
    const since = tl.state.newestId();
    if (tl.status.value !== 'ready' || !since) {
      await tl.loadFirst();
      return;
    }
    const [result] = await Promise.all([walk(since, (page) => tl.arrive(page)), refreshCaptured()]);
    if (result.gap) announce(t('timeline.backfill.partial', { n: result.loaded }));
    else if (result.loaded) announce(t('timeline.backfill.loaded', { n: result.loaded }));
  }

  function onReconnected(): void {
    if (running) {
      again = true;
      return;
    }
    running = catchUp().finally(() => {
      running = null;
      if (again) {
        again = false;
        onReconnected();
      }
    });
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
  onMounted(() => {
    off = stream.onReconnected(onReconnected);
    window.addEventListener('pageshow', onPageShow);
    window.addEventListener('online', onReconnected);
  });
  onBeforeUnmount(() => {
    off?.();
    window.removeEventListener('pageshow', onPageShow);
    window.removeEventListener('online', onReconnected);
    if (clearTimer !== null) clearTimeout(clearTimer);
  });

  return { announcement, filling, fillGap, catchUp: onReconnected };
}
