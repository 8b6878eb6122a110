import type { TimelineSource } from '@/timeline/timelineSource';
import type { DeckColumn } from './deckLayout';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The column's title: its kind, and for a targeted kind what it reads (a list's name, a tag…). */
export function columnTitle(t: Translate, column: DeckColumn): string {
  const label = column.targetLabel ?? column.target ?? '';
  switch (column.kind) {
    case 'list':
    case 'antenna':
    case 'channel':
      return t(`deck.titles.${column.kind}`, { name: label });
    case 'hashtag':
      return t('deck.titles.hashtag', { tag: column.target ?? '' });
    case 'user':
      return t('deck.titles.user', { user: label });
    case 'search':
      return t('deck.titles.search', { query: column.target ?? '' });
    default:
      return t(`deck.kinds.${column.kind}`);
  }
}

/** The timeline a column shows, or null for the kinds that are not timelines. */
export function columnSource(column: DeckColumn): TimelineSource | null {
  const target = column.target ?? '';
  switch (column.kind) {
    case 'home':
    case 'local':
    case 'social':
    case 'global':
      return { kind: column.kind };
    case 'list':
      return { kind: 'list', listId: target };
    case 'hashtag':
      return { kind: 'hashtag', tag: target };
    case 'user':
      return { kind: 'user', userId: target };
    case 'search':
      return { kind: 'search', query: target };
    default:
      return null;
  }
}
