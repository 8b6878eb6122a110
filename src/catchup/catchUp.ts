// Catch-up: Home over a span of time, read over REST by date and looked at in one place, with
// filters, a sort by engagement and the authors who posted most.
import * as noteUtil from 'misskey-js/note.js';
import type * as Misskey from 'misskey-js';

type Note = Misskey.entities.Note;

export type Span = '1h' | '6h' | '12h' | '24h' | 'lastRead';
export const SPAN_HOURS: Record<Exclude<Span, 'lastRead'>, number> = { '1h': 1, '6h': 6, '12h': 12, '24h': 24 };

// Notes read per span at most (ten pages): past this the reader is asked for a shorter span.
export const CATCH_UP_LIMIT = 1000;
export const CATCH_UP_PAGE = 100;

export type NoteKind = 'original' | 'reply' | 'renote' | 'quote';
export const NOTE_KINDS: readonly NoteKind[] = ['original', 'reply', 'renote', 'quote'];

export type CatchUpSort = 'time' | 'engagement';

export interface CatchUpFilters {
  kinds: Record<NoteKind, boolean>;
  withFiles: boolean;
  // Only this author's notes (and renotes), or everyone's.
  author: string | null;
}

export function kindOf(note: Note): NoteKind {
  if (noteUtil.isPureRenote(note)) return 'renote';
  if (note.renoteId) return 'quote';
  if (note.replyId) return 'reply';
  return 'original';
}

// The note whose content a note shows: a pure renote shows the renoted one.
function shown(note: Note): Note {
  return noteUtil.isPureRenote(note) && note.renote ? note.renote : note;
}

export function engagement(note: Note): number {
  const n = shown(note);
  return n.reactionCount + n.renoteCount + n.repliesCount;
}

function hasFiles(note: Note): boolean {
  return (shown(note).files?.length ?? 0) > 0;
}

/** The notes that pass the filters, newest first or most engaged first (then newest). */
export function selectNotes(notes: readonly Note[], filters: CatchUpFilters, sort: CatchUpSort): Note[] {
  const kept = notes.filter(
    (n) =>
      filters.kinds[kindOf(n)] && (!filters.withFiles || hasFiles(n)) && (filters.author === null || n.userId === filters.author),
  );
  const newestFirst = (a: Note, b: Note) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  if (sort === 'time') return kept.sort(newestFirst);
  const score = new Map(kept.map((n) => [n.id, engagement(n)]));
  return kept.sort((a, b) => score.get(b.id)! - score.get(a.id)! || newestFirst(a, b));
}

export interface ActiveAuthor {
  user: Note['user'];
  count: number;
}

/** Who posted most in the span (renotes count for the renoter), most first, at most `max`. */
export function activeAuthors(notes: readonly Note[], max = 10): ActiveAuthor[] {
  const byUser = new Map<string, ActiveAuthor>();
  for (const n of notes) {
    const entry = byUser.get(n.userId);
    if (entry) entry.count++;
    else byUser.set(n.userId, { user: n.user, count: 1 });
  }
  return [...byUser.values()].sort((a, b) => b.count - a.count || a.user.username.localeCompare(b.user.username)).slice(0, max);
}

export interface DateCursor {
  sinceDate: number;
  untilDate: number;
}

export interface SpanResult {
  notes: Note[];
  // Stopped at `limit` while pages were still full: the span holds more.
  capped: boolean;
}

/**
 * Reads every note posted after `since` and before `until` (epoch ms), newest first, a page at
 * a time: each next page ends just after the oldest note so far (notes of that millisecond come
 * again and are skipped), until a page brings nothing new or `limit` notes were read.
 */
export async function readSpan(
  fetchPage: (cursor: DateCursor, limit: number) => Promise<Note[]>,
  since: number,
  until: number,
  onPage: (readSoFar: number) => void = () => {},
  limit = CATCH_UP_LIMIT,
): Promise<SpanResult> {
  const seen = new Set<string>();
  const notes: Note[] = [];
  let untilDate = until;
  for (;;) {
    const page = await fetchPage({ sinceDate: since, untilDate }, CATCH_UP_PAGE);
    const fresh = page.filter((n) => !seen.has(n.id));
    if (!fresh.length) return { notes, capped: false };
    for (const n of fresh) {
      seen.add(n.id);
      notes.push(n);
    }
    onPage(notes.length);
    if (notes.length >= limit) return { notes: notes.slice(0, limit), capped: page.length >= CATCH_UP_PAGE };
    const oldest = Math.min(...page.map((n) => Date.parse(n.createdAt)));
    untilDate = Math.min(untilDate, oldest + 1);
  }
}
