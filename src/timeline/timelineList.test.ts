import { describe, expect, it } from 'vitest';
import {
  gapItem,
  maxId,
  mergeItems,
  newestNoteId,
  noteItem,
  oldestNoteId,
  removeNotes,
  trimNewest,
  trimOldest,
  type TimelineItem,
} from './timelineList';

const ids = (items: TimelineItem[]) => items.map((i) => i.id);
const notes = (...list: string[]) => list.map(noteItem);

describe('timeline list', () => {
  it('merges pages newest first and ignores duplicates', () => {
    const first = mergeItems([], notes('a05', 'a04', 'a03'));
    expect(ids(first.items)).toEqual(['a05', 'a04', 'a03']);
    const older = mergeItems(first.items, notes('a03', 'a02', 'a01'));
    expect(ids(older.items)).toEqual(['a05', 'a04', 'a03', 'a02', 'a01']);
    expect(older.added).toEqual(['a02', 'a01']);
  });

  it('places streamed and backfilled notes by id, whatever their arrival order', () => {
    const base = mergeItems([], notes('a05', 'a01')).items;
    const merged = mergeItems(base, notes('a03', 'a07', 'a02', 'a06'));
    expect(ids(merged.items)).toEqual(['a07', 'a06', 'a05', 'a03', 'a02', 'a01']);
  });

  it('returns the same array when nothing is new', () => {
    const base = mergeItems([], notes('a02', 'a01')).items;
    expect(mergeItems(base, notes('a01')).items).toBe(base);
  });

  it('keeps a gap just above its sinceId, below newer notes', () => {
    const base = mergeItems([], [...notes('a09', 'a03'), gapItem('a03')]).items;
    expect(ids(base)).toEqual(['a09', 'gap:a03', 'a03']);
    const filled = mergeItems(base, notes('a05', 'a04'));
    expect(ids(filled.items)).toEqual(['a09', 'a05', 'a04', 'gap:a03', 'a03']);
  });

  it('caps by dropping the oldest notes', () => {
    const base = mergeItems([], notes('a05', 'a04', 'a03', 'a02', 'a01')).items;
    const trimmed = trimOldest(base, 3);
    expect(ids(trimmed.items)).toEqual(['a05', 'a04', 'a03']);
    expect(trimmed.dropped).toEqual(['a02', 'a01']);
    expect(trimOldest(base, 10).items).toBe(base);
  });

  it('caps by dropping the newest notes when paging down, leaving a gap on top', () => {
    const base = mergeItems([], notes('a05', 'a04', 'a03', 'a02', 'a01')).items;
    const trimmed = trimNewest(base, 3);
    expect(ids(trimmed.items)).toEqual(['gap:a03', 'a03', 'a02', 'a01']);
    expect(trimmed.dropped).toEqual(['a05', 'a04']);
  });

  it('removes deleted notes', () => {
    const base = mergeItems([], [...notes('a03', 'a02'), gapItem('a01'), noteItem('a01')]).items;
    const after = removeNotes(base, (id) => id === 'a02');
    expect(ids(after.items)).toEqual(['a03', 'gap:a01', 'a01']);
    expect(after.dropped).toEqual(['a02']);
  });

  it('finds the newest and oldest notes and the largest id', () => {
    const base = mergeItems([], [gapItem('a03'), ...notes('a03', 'a02')]).items;
    expect(newestNoteId(base)).toBe('a03');
    expect(oldestNoteId(base)).toBe('a02');
    expect(oldestNoteId([])).toBeNull();
    expect(maxId(['a02', 'a09', 'a05'])).toBe('a09');
  });
});
