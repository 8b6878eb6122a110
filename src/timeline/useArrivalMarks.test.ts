import { describe, expect, it } from 'vitest';
import { prepended } from './useArrivalMarks';
import type { TimelineItem } from './timelineList';

const note = (id: string) => ({ kind: 'note', id }) as TimelineItem;

describe('prepended', () => {
  it('names the items put in front of the old first one', () => {
    expect(prepended([note('b'), note('c')], [note('a0'), note('a'), note('b'), note('c')])).toEqual(['a0', 'a']);
  });
  it('names none for a first page, older notes at the end, or a list started over', () => {
    expect(prepended([], [note('a')])).toEqual([]);
    expect(prepended([note('a')], [note('a'), note('b')])).toEqual([]);
    expect(prepended([note('a')], [note('x')])).toEqual([]);
  });
});
