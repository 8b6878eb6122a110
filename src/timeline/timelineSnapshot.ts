import type * as Misskey from 'misskey-js';
import { trimOldest, type TimelineItem } from './timelineList';

type Note = Misskey.entities.Note;

// How much of a timeline is kept on the device: its newest notes (and the gaps among them).
export const CACHED_NOTES = 200;

export function snapshotItems(items: readonly TimelineItem[], cap = CACHED_NOTES): TimelineItem[] {
  return trimOldest(items, cap).items;
}

/** The notes `items` show, as the note store keeps them (flat), with the renotes and replies they point to. */
export function snapshotNotes(items: readonly TimelineItem[], get: (id: string) => Note | undefined): Note[] {
  const found = new Map<string, Note>();
  const visit = (id: string | null | undefined): void => {
    if (!id || found.has(id)) return;
    const note = get(id);
    if (!note) return;
    found.set(id, note);
    visit(note.renoteId);
    visit(note.replyId);
  };
  for (const item of items) if (item.kind === 'note') visit(item.id);
  return [...found.values()];
}
