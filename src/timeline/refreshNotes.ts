import type * as Misskey from 'misskey-js';
import { toApiError } from '@/api/errors';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import { minId, type TimelineItem } from './timelineList';
import type { PageCursor } from './timelineSource';

// Re-reading notes whose noteUpdated events went unheard: those on screen while the socket was
// down, and those that waited uncaptured behind the "N new notes" button.

type Note = Misskey.entities.Note;

// notes/show requests in flight at once.
const CONCURRENCY = 4;
// Newest-first pages read to re-check notes shown from the queue: 3 × 100 covers a full queue.
export const RECHECK_PAGES = 3;
export const RECHECK_PAGE_SIZE = 100;

export interface NoteSink {
  show(id: string): Promise<Note>;
  put(note: Note): void;
  // The server says the note is gone: its `deleted` event was missed, so it is applied here.
  deleted(id: string): void;
}

// Reads with the signed-in session, writes to the note store.
// Call at setup: it reads and writes the notes of the calling component's account.
export function storeSink(): NoteSink {
  const notes = useNotesStore();
  const session = useSessionStore();
  return {
    show: (noteId) => session.api.request('notes/show', { noteId }),
    put: (note) => notes.put(note),
    deleted: (id) => notes.applyNoteUpdate({ id, type: 'deleted', body: { deletedAt: new Date().toISOString() } }),
  };
}

// One notes/show per note; any failure other than NO_SUCH_NOTE leaves the note as it was.
export async function refreshEach(ids: readonly string[], sink: NoteSink): Promise<void> {
  const queue = [...new Set(ids)];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        sink.put(await sink.show(id));
      } catch (e) {
        if (toApiError(e, 'notes/show').code === 'NO_SUCH_NOTE') sink.deleted(id);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

// Reads the timeline from its top down to the oldest of `ids` (a few requests for a whole
// queue) and refreshes the notes found there. An id missing from the pages was deleted or is
// filtered differently over REST, so it is asked for by itself before anything is removed.
export async function recheckShown(
  ids: readonly string[],
  fetchUntil: (untilId: string | undefined, limit: number) => Promise<Note[]>,
  sink: NoteSink,
): Promise<void> {
  const missing = new Set(ids);
  const oldest = minId(ids);
  if (oldest === null) return;
  let untilId: string | undefined;
  // Every note at or above `floor` has been read ('' once the pages went past the oldest id).
  let floor = '';
  for (let pages = 0; pages < RECHECK_PAGES && missing.size; pages++) {
    const page = await fetchUntil(untilId, RECHECK_PAGE_SIZE);
    for (const note of page) {
      if (missing.delete(note.id)) sink.put(note);
    }
    const low = minId(page.map((n) => n.id));
    if (low === null || page.length < RECHECK_PAGE_SIZE || low <= oldest) {
      floor = '';
      break;
    }
    floor = low;
    untilId = low;
  }
  // Below the pages read nothing is known: those notes keep their copy.
  await refreshEach(
    [...missing].filter((id) => id >= floor),
    sink,
  );
}

// The part of a timeline to read again for the notes on screen: one run of the list (with the
// notes around it as cursors), and the few on screen far from it (a thread's parent pulled up)
// to be read one by one.
export interface RefreshPlan {
  ids: string[];
  above: string | null;
  below: string | null;
  apart: string[];
}

// Notes between the first on screen and the last one in the run: this many beyond those on screen.
const RUN_SLACK = 20;

export function planRefresh(items: readonly TimelineItem[], onScreen: readonly string[]): RefreshPlan {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.kind === 'note') index.set(item.id, i);
  });
  const at = [...new Set(onScreen)].flatMap((id) => index.get(id) ?? []).sort((a, b) => a - b);
  const first = at[0];
  if (first === undefined) return { ids: [], above: null, below: null, apart: [] };
  let last = first;
  const apart: string[] = [];
  for (const i of at) {
    if (i - first <= at.length + RUN_SLACK) last = i;
    else apart.push(items[i]!.id);
  }
  const ids = items.slice(first, last + 1).flatMap((item) => (item.kind === 'note' ? [item.id] : []));
  let above: string | null = null;
  for (let i = first - 1; i >= 0 && above === null; i--) if (items[i]?.kind === 'note') above = items[i]!.id;
  let below: string | null = null;
  for (let i = last + 1; i < items.length && below === null; i++) if (items[i]?.kind === 'note') below = items[i]!.id;
  return { ids, above, below, apart };
}

// Reads a run of the timeline again in one request (the page between its neighbours), and the
// notes apart one by one; a note the page should have held but did not is asked for by itself
// (deleted, or filtered differently over REST).
export async function refreshPlan(
  plan: RefreshPlan,
  fetch: (cursor: PageCursor, limit: number) => Promise<Note[]>,
  sink: NoteSink,
): Promise<void> {
  const missing = new Set(plan.ids);
  if (missing.size) {
    const cursor: PageCursor = {};
    if (plan.above) cursor.untilId = plan.above;
    if (plan.below) cursor.sinceId = plan.below;
    // Without an upper bound the page starts at the newest note, which may be newer than the list.
    const limit = plan.above ? Math.min(100, missing.size + 10) : 100;
    for (const note of await fetch(cursor, limit)) {
      if (missing.delete(note.id)) sink.put(note);
    }
  }
  await refreshEach([...missing, ...plan.apart], sink);
}
