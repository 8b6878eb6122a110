import { describe, expect, it } from 'vitest';
import { nextNoteIndex } from './useTimelineKeys';

describe('nextNoteIndex', () => {
  const kinds = ['note', 'note', 'gap', 'note', 'note'];

  it('steps from the focused note, over gap markers', () => {
    expect(nextNoteIndex(kinds, 1, 0, 1)).toBe(3);
    expect(nextNoteIndex(kinds, 3, 0, -1)).toBe(1);
  });

  it('with nothing focused, j goes to the note being read and k to the one before', () => {
    expect(nextNoteIndex(kinds, -1, 3, 1)).toBe(3);
    expect(nextNoteIndex(kinds, -1, 3, -1)).toBe(1);
  });

  it('goes nowhere past either end', () => {
    expect(nextNoteIndex(kinds, 4, 0, 1)).toBeNull();
    expect(nextNoteIndex(kinds, 0, 0, -1)).toBeNull();
    expect(nextNoteIndex([], -1, 0, 1)).toBeNull();
  });
});
