import type * as Misskey from 'misskey-js';
import { maxId } from './timelineList';

type Note = Misskey.entities.Note;

export interface BackfillResult {
  loaded: number;
  // The newest id reached: where a gap starts when `capped`.
  cursor: string;
  // Stopped at the page cap while pages were still coming: notes newer than `cursor` are missing.
  capped: boolean;
}

// Walks forward from `sinceId` (a sinceId-only page holds the notes just after the cursor,
// oldest first) until a page comes back empty, or `maxPages` pages were read.
export async function backfill(
  fetchSince: (sinceId: string) => Promise<Note[]>,
  sinceId: string,
  maxPages: number,
  onPage: (notes: Note[]) => void,
): Promise<BackfillResult> {
  let cursor = sinceId;
  let loaded = 0;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await fetchSince(cursor);
    if (!page.length) return { loaded, cursor, capped: false };
    onPage(page);
    loaded += page.length;
    const next = maxId(page.map((n) => n.id));
    // A server that answers with nothing newer would loop forever.
    if (next === null || next <= cursor) return { loaded, cursor, capped: false };
    cursor = next;
  }
  return { loaded, cursor, capped: true };
}
