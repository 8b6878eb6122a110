import { describe, expect, it } from 'vitest';
import { loadRecent, pushRecent, recentKey, RECENT_LIMIT, saveRecent } from './recentReactions';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('recent reactions', () => {
  it('puts the newest first without duplicates, FE0F or not', () => {
    expect(pushRecent(['👍', '❤', ':blobcat:'], '❤️')).toEqual(['❤️', '👍', ':blobcat:']);
  });

  it('keeps at most the limit', () => {
    const many = Array.from({ length: RECENT_LIMIT }, (_, i) => `:e${i}:`);
    const next = pushRecent(many, '🎉');
    expect(next).toHaveLength(RECENT_LIMIT);
    expect(next[0]).toBe('🎉');
    expect(next).not.toContain(`:e${RECENT_LIMIT - 1}:`);
  });

  it('is stored per account', () => {
    const storage = memoryStorage();
    saveRecent(storage, 'alice@https://a.example', ['🎉']);
    saveRecent(storage, 'bob@https://a.example', ['👍']);
    expect(loadRecent(storage, 'alice@https://a.example')).toEqual(['🎉']);
    expect(loadRecent(storage, 'bob@https://a.example')).toEqual(['👍']);
    expect(storage.data.has(recentKey('alice@https://a.example'))).toBe(true);
  });

  it('reads damaged storage as empty, and drops non-strings', () => {
    const storage = memoryStorage();
    storage.setItem(recentKey('a'), '{not json');
    expect(loadRecent(storage, 'a')).toEqual([]);
    storage.setItem(recentKey('a'), JSON.stringify({ x: 1 }));
    expect(loadRecent(storage, 'a')).toEqual([]);
    storage.setItem(recentKey('a'), JSON.stringify(['🎉', 3, null]));
    expect(loadRecent(storage, 'a')).toEqual(['🎉']);
  });
});
