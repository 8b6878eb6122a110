import { describe, expect, it } from 'vitest';
import emojis from '@/testing/fixtures/rest-emojis-get.json';
import { safeHttpUrl } from '../mfm/safety';
import { customEmoji, unicodeEmoji } from './emojiCatalog';
import { pickerTabs, resolveReactions } from './pickerTabs';

const custom = customEmoji(
  [
    ...emojis.response.emojis,
    { name: 'blobcat_sad', aliases: ['sad'], category: 'blobs', url: 'https://example.com/sad.png' },
    { name: 'party', aliases: [], category: 'fun', url: 'https://example.com/party.png' },
    { name: 'loose', aliases: [], category: null, url: 'https://example.com/loose.png' },
  ],
  safeHttpUrl,
);

describe('pickerTabs', () => {
  it('puts pinned then recent reactions first, then a tab per custom category, then Unicode', () => {
    const tabs = pickerTabs({ custom, unicode: unicodeEmoji, pinned: [':party:', '👍'], recent: ['❤', '👍'] });
    expect(tabs[0]!.id).toBe('favorites');
    const [pinned, recent] = tabs[0]!.sections;
    expect(pinned!.emoji.map((e) => e.reaction)).toEqual([':party:', '👍']);
    // ❤ (as the server stores it) is the list's ❤️; 👍 shows under recent although it is pinned.
    expect(recent!.emoji.map((e) => e.char)).toEqual(['❤️', '👍']);
    const customTabs = tabs.filter((t) => t.kind === 'custom').map((t) => ('category' in t ? t.category : ''));
    expect(customTabs).toEqual(['blobs', 'fun', '']);
    expect(tabs.find((t) => t.id === 'custom:blobs')!.sections[0]!.emoji.map((e) => e.name)).toEqual(['blobcat', 'blobcat_sad']);
    expect(tabs.filter((t) => t.kind === 'unicode').length).toBeGreaterThan(5);
  });
});

describe('resolveReactions', () => {
  it('keeps a reaction the lists do not know, as text or :name:', () => {
    expect(resolveReactions([':gone:', '🫠'], [])).toEqual([
      { reaction: ':gone:', name: 'gone', keywords: [], category: '', char: null, url: null },
      { reaction: '🫠', name: '🫠', keywords: [], category: '', char: '🫠', url: null },
    ]);
  });
});
