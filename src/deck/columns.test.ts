import { describe, expect, it } from 'vitest';
import { columnSource, columnTitle } from './columns';
import type { DeckColumn } from './deckLayout';

const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`;
const column = (c: Partial<DeckColumn>): DeckColumn => ({ id: 'c', kind: 'home', account: 'a@x', width: 360, ...c });

describe('deck columns', () => {
  it('titles a column by its kind, and a targeted one by what it reads', () => {
    expect(columnTitle(t, column({ kind: 'home' }))).toBe('deck.kinds.home');
    expect(columnTitle(t, column({ kind: 'list', target: 'l1', targetLabel: 'Friends' }))).toBe(
      'deck.titles.list{"name":"Friends"}',
    );
    expect(columnTitle(t, column({ kind: 'hashtag', target: 'misskey' }))).toBe('deck.titles.hashtag{"tag":"misskey"}');
    expect(columnTitle(t, column({ kind: 'user', target: 'u1', targetLabel: '@bob' }))).toBe('deck.titles.user{"user":"@bob"}');
  });

  it('maps timeline kinds to their source, and the others to none', () => {
    expect(columnSource(column({ kind: 'social' }))).toEqual({ kind: 'social' });
    expect(columnSource(column({ kind: 'list', target: 'l1' }))).toEqual({ kind: 'list', listId: 'l1' });
    expect(columnSource(column({ kind: 'search', target: 'tea' }))).toEqual({ kind: 'search', query: 'tea' });
    expect(columnSource(column({ kind: 'notifications' }))).toBeNull();
    expect(columnSource(column({ kind: 'mentions' }))).toBeNull();
  });
});
