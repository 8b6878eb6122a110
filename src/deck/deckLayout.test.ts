import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WIDTH,
  MAX_WIDTH,
  MIN_WIDTH,
  addColumn,
  keepAccounts,
  moveColumn,
  parseLayout,
  removeColumn,
  resizeColumn,
  saveLayout,
  type DeckLayout,
} from './deckLayout';

const three = (): DeckLayout => {
  let layout: DeckLayout = { columns: [] };
  layout = addColumn(layout, { kind: 'home', account: 'a@x' }, 'c1');
  layout = addColumn(layout, { kind: 'notifications', account: 'b@x' }, 'c2');
  layout = addColumn(layout, { kind: 'hashtag', account: 'a@x', target: 'misskey', targetLabel: '#misskey' }, 'c3');
  return layout;
};
const ids = (l: DeckLayout) => l.columns.map((c) => c.id);

describe('deck layout', () => {
  it('adds columns at the end with the default width', () => {
    const layout = three();
    expect(ids(layout)).toEqual(['c1', 'c2', 'c3']);
    expect(layout.columns.every((c) => c.width === DEFAULT_WIDTH)).toBe(true);
  });

  it('moves a column left and right, and not past either end', () => {
    const layout = three();
    expect(ids(moveColumn(layout, 'c2', -1))).toEqual(['c2', 'c1', 'c3']);
    expect(ids(moveColumn(layout, 'c2', 1))).toEqual(['c1', 'c3', 'c2']);
    expect(moveColumn(layout, 'c1', -1)).toBe(layout);
    expect(moveColumn(layout, 'c3', 1)).toBe(layout);
  });

  it('removes a column, and the columns of accounts no longer signed in', () => {
    expect(ids(removeColumn(three(), 'c2'))).toEqual(['c1', 'c3']);
    expect(ids(keepAccounts(three(), new Set(['a@x'])))).toEqual(['c1', 'c3']);
  });

  it('keeps widths within bounds', () => {
    expect(resizeColumn(three(), 'c1', 10).columns[0]?.width).toBe(MIN_WIDTH);
    expect(resizeColumn(three(), 'c1', 5000).columns[0]?.width).toBe(MAX_WIDTH);
  });

  it('comes back from storage as it was saved, leaving out what it cannot read', () => {
    const stored = new Map<string, string>();
    saveLayout(three(), { setItem: (k, v) => stored.set(k, v) });
    const raw = stored.get('mkc:deck')!;
    expect(parseLayout(raw)).toEqual(three());
    const damaged = JSON.stringify({
      columns: [
        ...three().columns,
        { id: 'x', kind: 'nonsense', account: 'a@x', width: 300 },
        { id: 'y', kind: 'list', account: 'a@x', width: 300 },
      ],
    });
    expect(ids(parseLayout(damaged))).toEqual(['c1', 'c2', 'c3']);
    expect(parseLayout('not json')).toEqual({ columns: [] });
    expect(parseLayout(null)).toEqual({ columns: [] });
  });
});
