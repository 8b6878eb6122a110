import { onBeforeUnmount, onMounted, toRaw, type Ref } from 'vue';
import type { VirtualListHandle } from '@/app/virtualizer';
import type { TimelineRecord } from '@/offline/db';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import type { TimelineItem } from './timelineList';
import { snapshotItems, snapshotNotes } from './timelineSnapshot';
import type { CachedList } from './useTimeline';

// IndexedDB code loads on first use, off the first screen.
const offline = () => import('@/offline/cache');

// A changed timeline is written this long after its last change, and at least this often while
// it keeps changing (a busy stream), so the next start finds it nearly as it was.
const SAVE_AFTER_MS = 1000;
const SAVE_AT_LEAST_EVERY_MS = 5000;

export interface TimelineNow {
  key: string;
  items: readonly TimelineItem[];
  // When the list was last known current (it still shows a kept session), else null: now.
  asOf: number | null;
}

// Keeps a timeline on this device for the next start, per account: its newest notes, their
// heights and the reader's place. `load` gives useTimeline the kept list (and the list its
// layout); `changed` schedules a write; leaving the page or the timeline writes at once.
export function useTimelineCache(list: Ref<VirtualListHandle | null>, now: () => TimelineNow) {
  const notes = useNotesStore();
  const session = useSessionStore();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirtySince: number | null = null;

  async function load(key: string): Promise<CachedList | null> {
    const account = session.cacheKey;
    const record = account ? await offline().then((m) => m.loadTimeline(key)) : null;
    if (!record || record.account !== account) return null;
    list.value?.adopt({ sizes: new Map(record.sizes), anchor: record.anchor });
    return { items: record.items, notes: record.notes, savedAt: record.savedAt };
  }

  function changed(): void {
    dirtySince ??= Date.now();
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, Math.max(0, Math.min(SAVE_AFTER_MS, dirtySince + SAVE_AT_LEAST_EVERY_MS - Date.now())));
  }

  function save(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    dirtySince = null;
    const account = session.cacheKey;
    const { key, items: all, asOf } = now();
    // A list that is loading or failed has nothing to keep, and must not replace what was kept.
    if (!account || !all.some((i) => i.kind === 'note')) return;
    const items = snapshotItems(all);
    const kept = new Set(items.map((i) => i.id));
    const layout = list.value?.layout();
    const record: TimelineRecord = {
      key,
      account,
      items,
      notes: snapshotNotes(items, (id) => {
        const note = notes.get(id);
        return note && toRaw(note);
      }),
      sizes: [...(layout?.sizes ?? [])].filter(([id]) => kept.has(id)),
      anchor: layout?.anchor && kept.has(layout.anchor.key) ? layout.anchor : null,
      savedAt: asOf ?? Date.now(),
    };
    void offline().then((m) => m.saveTimeline(record));
  }

  function onHide(): void {
    if (document.visibilityState === 'hidden') save();
  }

  onMounted(() => {
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onHide);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('pagehide', save);
    document.removeEventListener('visibilitychange', onHide);
  });

  return { load, changed, save };
}
