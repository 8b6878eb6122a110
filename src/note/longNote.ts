// Misskey folds a note whose text runs past 500 characters or 15 lines; so do we.
const MAX_CHARS = 500;
const MAX_LINES = 15;

/** Whether a note's text is long enough to be folded behind "Show more". */
export function isLong(text: string | null): boolean {
  if (!text) return false;
  return text.length > MAX_CHARS || text.split('\n').length > MAX_LINES;
}
