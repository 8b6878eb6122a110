// The deck's columns as they are kept on this device: which kind, which account, what target,
// in what order and how wide. Pure functions; DeckPage persists the result.

export const COLUMN_KINDS = [
  'home',
  'local',
  'social',
  'global',
  'notifications',
  'mentions',
  'direct',
  'list',
  'antenna',
  'channel',
  'hashtag',
  'user',
  'search',
] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

// Kinds that need something more than an account: which list, which tag...
export const TARGETED: ReadonlySet<ColumnKind> = new Set(['list', 'antenna', 'channel', 'hashtag', 'user', 'search']);

export interface DeckColumn {
  id: string;
  kind: ColumnKind;
  // The signed-in account it reads as (StoredAccount.key).
  account: string;
  // The list, antenna, channel or user id; the tag; the search terms.
  target?: string;
  // How the target reads in the column's title (a list's name, @user).
  targetLabel?: string;
  width: number;
}

export interface DeckLayout {
  columns: DeckColumn[];
}

export const DEFAULT_WIDTH = 360;
export const MIN_WIDTH = 260;
export const MAX_WIDTH = 720;
const STORAGE_KEY = 'mkc:deck';

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

function isColumn(value: unknown): value is DeckColumn {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.id === 'string' &&
    typeof c.account === 'string' &&
    (COLUMN_KINDS as readonly unknown[]).includes(c.kind) &&
    (!TARGETED.has(c.kind as ColumnKind) || typeof c.target === 'string') &&
    typeof c.width === 'number'
  );
}

/** The saved layout; anything unreadable is left out rather than breaking the deck. */
export function parseLayout(raw: string | null): DeckLayout {
  try {
    const parsed = JSON.parse(raw ?? '') as { columns?: unknown };
    const columns = Array.isArray(parsed.columns) ? parsed.columns.filter(isColumn) : [];
    return { columns: columns.map((c) => ({ ...c, width: clampWidth(c.width) })) };
  } catch {
    return { columns: [] };
  }
}

export function loadLayout(storage: Pick<Storage, 'getItem'> = localStorage): DeckLayout {
  return parseLayout(storage.getItem(STORAGE_KEY));
}

export function saveLayout(layout: DeckLayout, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(layout));
}

export function newColumnId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function addColumn(layout: DeckLayout, column: Omit<DeckColumn, 'id' | 'width'>, id = newColumnId()): DeckLayout {
  return { columns: [...layout.columns, { ...column, id, width: DEFAULT_WIDTH }] };
}

export function removeColumn(layout: DeckLayout, id: string): DeckLayout {
  return { columns: layout.columns.filter((c) => c.id !== id) };
}

export function moveColumn(layout: DeckLayout, id: string, by: -1 | 1): DeckLayout {
  const columns = [...layout.columns];
  const from = columns.findIndex((c) => c.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= columns.length) return layout;
  const [moved] = columns.splice(from, 1);
  columns.splice(to, 0, moved as DeckColumn);
  return { columns };
}

export function resizeColumn(layout: DeckLayout, id: string, width: number): DeckLayout {
  return { columns: layout.columns.map((c) => (c.id === id ? { ...c, width: clampWidth(width) } : c)) };
}

/** Columns of accounts no longer signed in go (their token is gone). */
export function keepAccounts(layout: DeckLayout, accounts: ReadonlySet<string>): DeckLayout {
  const columns = layout.columns.filter((c) => accounts.has(c.account));
  return columns.length === layout.columns.length ? layout : { columns };
}
