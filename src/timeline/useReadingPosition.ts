import type { KeptLayout } from '@/app/virtualizer';
import { useNotesStore } from '@/stores/notes';
import type { TimelineItem } from './timelineList';

interface Kept {
  key: string;
  items: TimelineItem[];
  layout: KeptLayout;
}

// Lists kept for back/forward, by history entry; their notes stay held in the store meanwhile.
const kept = new Map<string, Kept>();
const MAX_KEPT = 5;
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

  // The list kept for this history entry, with the heights it had and the reader's place.
  function restore(key: string): { items: TimelineItem[]; layout: KeptLayout } | null {
    const entry = kept.get(token);
    if (!entry || entry.key !== key) return null;
    kept.delete(token);
    // Notes the store let go of meanwhile (a sign-out, say) cannot be shown again: start afresh.
    if (entry.items.some((item) => item.kind === 'note' && !notes.get(item.id))) {
      release(entry);
      return null;
    }
    return { items: entry.items, layout: entry.layout };
  }

  function save(key: string, items: TimelineItem[], layout: KeptLayout): void {
    const previous = kept.get(token);
    kept.delete(token);
    if (previous) release(previous);
    kept.set(token, { key, items, layout });
    while (kept.size > MAX_KEPT) {
      const [oldest, entry] = kept.entries().next().value as [string, Kept];
      kept.delete(oldest);
      release(entry);
    }
  }

  function release(entry: Kept): void {
    entry.items.forEach((item) => {
      if (item.kind === 'note') notes.unretain(item.id);
    });
  }

  return { restore, save };
}
