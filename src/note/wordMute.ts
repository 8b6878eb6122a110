import type * as Misskey from 'misskey-js';

// Misskey's soft word mute, applied by the client as the official one does: a filter is either
// words that must all appear (case as written) or a "/regex/flags" string. The reader's own
// notes are never muted.

// MeDetailed types these as string[][]; servers also send regex filters as plain strings.
export type MuteFilter = string[] | string;

function regexOf(filter: string): RegExp | null {
  const match = /^\/(.+)\/([a-z]*)$/.exec(filter);
  if (!match) return null;
  try {
    return new RegExp(match[1]!, match[2]);
  } catch {
    return null;
  }
}

// The filters that match the note's CW and text, or null when none does.
export function mutedBy(
  note: Pick<Misskey.entities.Note, 'userId' | 'cw' | 'text'>,
  meId: string | null,
  filters: readonly MuteFilter[],
): MuteFilter[] | null {
  if (note.userId === meId || !filters.length) return null;
  const text = `${note.cw ?? ''}\n${note.text ?? ''}`.trim();
  if (!text) return null;
  const matched = filters.filter((filter) => {
    if (Array.isArray(filter)) {
      const words = filter.filter((w) => w !== '');
      return words.length > 0 && words.every((w) => text.includes(w));
    }
    return regexOf(filter)?.test(text) ?? false;
  });
  return matched.length ? matched : null;
}

// The settings text: one filter per line, words separated by spaces, or /regex/flags.
export function formatMuteFilters(filters: readonly MuteFilter[]): string {
  return filters.map((f) => (Array.isArray(f) ? f.join(' ') : f)).join('\n');
}

export interface ParsedFilters {
  filters: MuteFilter[];
  // Lines that look like a regex but do not compile (Misskey refuses them).
  invalid: string[];
}

export function parseMuteFilters(text: string): ParsedFilters {
  const filters: MuteFilter[] = [];
  const invalid: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (/^\/.+\/[a-z]*$/.test(line)) {
      if (regexOf(line)) filters.push(line);
      else invalid.push(line);
    } else {
      filters.push(line.split(/\s+/));
    }
  }
  return { filters, invalid };
}

// How a matched filter reads in "muted: …".
export function describeFilter(filter: MuteFilter): string {
  return Array.isArray(filter) ? filter.join(' ') : filter;
}
