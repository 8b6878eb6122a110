import { describe, expect, it } from 'vitest';
import { customEmoji, groupByCategory, searchEmoji, unicodeEmoji, UNICODE_CATEGORIES } from './emojiCatalog';
import { safeHttpUrl } from '../mfm/safety';

const custom = customEmoji(
  [
    { name: 'blobcat', aliases: ['blob', 'cat'], category: 'blobs', url: 'https://example.com/blobcat.png' },
    { name: 'blobcat_sad', aliases: [''], category: 'blobs', url: 'https://example.com/sad.png' },
    { name: 'party_parrot', aliases: ['tada'], category: null, url: 'javascript:alert(1)' },
  ],
  safeHttpUrl,
);
const all = [...custom, ...unicodeEmoji];

describe('the built-in Unicode list', () => {
  it('has a few hundred named emoji, each in a known category', () => {
    expect(unicodeEmoji.length).toBeGreaterThan(300);
    for (const e of unicodeEmoji) {
      expect(e.name).not.toBe('');
      expect(UNICODE_CATEGORIES).toContain(e.category);
    }
  });

  it('has no duplicates', () => {
    const chars = unicodeEmoji.map((e) => e.char);
    expect(new Set(chars).size).toBe(chars.length);
  });
});

describe('customEmoji', () => {
  it('sends :name:, keeps aliases as keywords and drops unsafe image addresses', () => {
    expect(custom[0]).toMatchObject({
      reaction: ':blobcat:',
      keywords: ['blob', 'cat'],
      category: 'blobs',
      url: 'https://example.com/blobcat.png',
    });
    expect(custom[1]?.keywords).toEqual([]);
    expect(custom[2]).toMatchObject({ category: '', url: null });
  });
});

describe('searchEmoji', () => {
  it('ranks an exact name first, then names starting with the query', () => {
    const names = searchEmoji(all, 'blobcat').map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(['blobcat', 'blobcat_sad']);
  });

  it('finds by keyword and alias', () => {
    expect(searchEmoji(all, 'like')[0]?.char).toBe('👍');
    expect(searchEmoji(all, 'cat').map((e) => e.name)).toContain('blobcat');
    expect(searchEmoji(all, 'pudding')[0]?.char).toBe('🍮');
  });

  it('puts an exact keyword or alias before a keyword that only starts with the query', () => {
    const results = searchEmoji(all, 'tada');
    expect(
      results
        .slice(0, 2)
        .map((e) => e.char ?? e.name)
        .sort(),
    ).toEqual(['party_parrot', '🎉']);
    const hug = searchEmoji(all, 'hug');
    expect(hug[0]?.char).toBe('🤗');
  });

  it("finds the server's emoji by category, after matches by name", () => {
    expect(searchEmoji(all, 'blobs').map((e) => e.name)).toEqual(['blobcat', 'blobcat_sad']);
    // Our own Unicode categories are not searched by their ids.
    expect(searchEmoji(all, 'smileys')).toEqual([]);
  });

  it('accepts :colons: and ignores case and spaces around', () => {
    expect(searchEmoji(all, ' :BlobCat: ')[0]?.name).toBe('blobcat');
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(searchEmoji(all, '  ')).toEqual([]);
    expect(searchEmoji(all, 'face', 5)).toHaveLength(5);
  });
});

describe('groupByCategory', () => {
  it('keeps first-seen order of categories and of emoji within them', () => {
    const groups = groupByCategory(custom);
    expect(groups.map((g) => g.category)).toEqual(['blobs', '']);
    expect(groups[0]?.emoji.map((e) => e.name)).toEqual(['blobcat', 'blobcat_sad']);
  });
});
