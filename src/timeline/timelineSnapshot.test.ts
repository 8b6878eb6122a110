import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import { gapItem, noteItem } from './timelineList';
import { snapshotItems, snapshotNotes } from './timelineSnapshot';

const note = (id: string, refs: { renoteId?: string; replyId?: string } = {}) =>
  ({ id, renoteId: refs.renoteId ?? null, replyId: refs.replyId ?? null }) as Misskey.entities.Note;

describe('timeline snapshot', () => {
  it('keeps the newest notes and the gaps among them', () => {
    const items = [noteItem('n5'), gapItem('n4'), noteItem('n4'), noteItem('n3'), noteItem('n2'), noteItem('n1')];
    expect(snapshotItems(items, 3).map((i) => i.id)).toEqual(['n5', 'gap:n4', 'n4', 'n3']);
    expect(snapshotItems(items, 10)).toHaveLength(6);
  });

  it('takes the notes shown with what they renote and reply to, once each', () => {
    const store = new Map([
      ['a', note('a', { renoteId: 'x' })],
      ['b', note('b', { replyId: 'y' })],
      ['c', note('c', { renoteId: 'x' })],
      ['x', note('x', { replyId: 'y' })],
      ['y', note('y')],
      ['unrelated', note('unrelated')],
    ]);
    const got = snapshotNotes([noteItem('a'), gapItem('a'), noteItem('b'), noteItem('c'), noteItem('gone')], (id) =>
      store.get(id),
    );
    expect(got.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'x', 'y']);
  });
});
