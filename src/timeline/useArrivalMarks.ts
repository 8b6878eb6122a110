import { reactive, watch, type Ref } from 'vue';
import type { TimelineItem } from './timelineList';

/** The items put in front of what was the first one: the notes that just arrived at the top. */
export function prepended(before: readonly TimelineItem[], now: readonly TimelineItem[]): string[] {
  const first = before[0];
  if (!first) return [];
  const at = now.findIndex((i) => i.id === first.id);
  return at > 0 ? now.slice(0, at).map((i) => i.id) : [];
}

// Marks the latest notes to arrive at the top so they fade in; the first page and older pages do not.
// Only colour and opacity change: rows never move for it, so the note being read stays put.
// A new arrival replaces the marks of the one before (its short fade is over by then).
export function useArrivalMarks(items: Ref<readonly TimelineItem[]>): (id: string) => boolean {
  const marked = reactive(new Set<string>());
  watch(items, (now, before) => {
    const ids = prepended(before, now);
    if (!ids.length) return;
    marked.clear();
    for (const id of ids) marked.add(id);
  });
  return (id) => marked.has(id);
}
