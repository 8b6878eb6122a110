import { onBeforeUnmount, onMounted } from 'vue';
import { isPageKey } from '@/app/hotkeys';

// j / k move to the next / previous note of the timeline, "." shows the new notes and goes to
// the top. Keys typed into a field, with a modifier, or under an open dialog are left alone.
export const TIMELINE_KEYS = 'j k .';

export interface TimelineKeyActions {
  move(by: 1 | -1): void;
  showNew(): void;
  // Several timelines on screen (a deck): only the focused one answers.
  enabled(): boolean;
}

export function useTimelineKeys(actions: TimelineKeyActions): void {
  function onKey(e: KeyboardEvent): void {
    if (!isPageKey(e) || !actions.enabled()) return;
    if (e.key === 'j' || e.key === 'k') actions.move(e.key === 'j' ? 1 : -1);
    else if (e.key === '.') actions.showNew();
    else return;
    e.preventDefault();
  }

  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}

// The note j or k goes to: from the focused note, or (none focused) from the one being read,
// which j reaches first. Gap markers are stepped over. Null at either end.
export function nextNoteIndex(kinds: readonly string[], focused: number, reading: number, by: 1 | -1): number | null {
  let i = focused >= 0 ? focused + by : by > 0 ? reading : reading - 1;
  while (i >= 0 && i < kinds.length && kinds[i] !== 'note') i += by;
  return i >= 0 && i < kinds.length ? i : null;
}
