import { ref, watch, type Ref } from 'vue';
import type { TimelineFilters } from './timelineSource';

// Each timeline keeps its own filters, remembered on this device: files-only on Global says
// nothing about Local.

const PREFIX = 'mkc:timeline-filters:';
export const DEFAULT_FILTERS: Readonly<TimelineFilters> = { withRenotes: true, withReplies: false, withFiles: false };

export function readFilters(name: string): TimelineFilters {
  const filters = { ...DEFAULT_FILTERS };
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(PREFIX + name) ?? 'null');
    if (typeof saved === 'object' && saved !== null) {
      for (const key of Object.keys(filters) as (keyof TimelineFilters)[]) {
        const value = (saved as Record<string, unknown>)[key];
        if (typeof value === 'boolean') filters[key] = value;
      }
    }
  } catch {
    // Unreadable settings are the defaults.
  }
  // Misskey refuses the two together; the form never offers both, an edited store might.
  if (filters.withReplies && filters.withFiles) filters.withReplies = false;
  return filters;
}

function writeFilters(name: string, filters: TimelineFilters): void {
  try {
    localStorage.setItem(PREFIX + name, JSON.stringify(filters));
  } catch {
    // Storage full or refused: the filters still apply until the page is closed.
  }
}

// The filters of the timeline named `name`: set a new object to change them; saved as they
// change, swapped when the name changes.
export function useTimelineFilters(name: Ref<string>): Ref<TimelineFilters> {
  const filters = ref(readFilters(name.value));
  watch(name, (next) => {
    filters.value = readFilters(next);
  });
  watch(filters, (now) => writeFilters(name.value, now));
  return filters;
}
