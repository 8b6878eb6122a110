import type { KeptLayout } from '@/app/virtualizer';
import { useNotesStore } from '@/stores/notes';
import type { TimelineItem } from './timelineList';

interface Kept {
  items: TimelineItem[];
  layout: KeptLayout;
  // Lets go of the notes, in the store of the account that kept them.
  release(): void;
}

// Lists kept for back/forward, by history entry and timeline (a deck keeps one per column); their
// notes stay held in the store meanwhile.
const kept = new Map<string, Kept>();
const MAX_KEPT = 12;
const STATE_KEY = 'timelineEntry';

// A token stored in the current history entry's state: the same entry, revisited, finds its list.
function entryToken(): string {
  const state = (history.state ?? {}) as Record<string, unknown>;
  const existing = state[STATE_KEY];
  if (typeof existing === 'string') return existing;
  // Only needs to be unique among this tab's history entries (randomUUID needs a secure context).
  const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  history.replaceState({ ...state, [STATE_KEY]: token }, '');
  return token;
}

export function useReadingPosition() {
  const notes = useNotesStore();
  const token = entryToken();

  // The list kept for this history entry and timeline, with the heights it had and the reader's place.
  function restore(key: string): { items: TimelineItem[]; layout: KeptLayout } | null {
    const slot = `${token}|${key}`;
    const entry = kept.get(slot);
    if (!entry) return null;
    kept.delete(slot);
    // Notes the store let go of meanwhile (a sign-out, say) cannot be shown again: start afresh.
    if (entry.items.some((item) => item.kind === 'note' && !notes.get(item.id))) {
      entry.release();
      return null;
    }
    return { items: entry.items, layout: entry.layout };
  }

  function save(key: string, items: TimelineItem[], layout: KeptLayout): void {
    const slot = `${token}|${key}`;
    kept.get(slot)?.release();
    kept.delete(slot);
    const ids = items.flatMap((item) => (item.kind === 'note' ? [item.id] : []));
    kept.set(slot, { items, layout, release: () => notes.unretain(ids) });
    while (kept.size > MAX_KEPT) {
      const [oldest, entry] = kept.entries().next().value as [string, Kept];
      kept.delete(oldest);
      entry.release();
    }
  }

  return { restore, save };
}
