// What the reaction picker's tabs hold: the account's pinned and recent reactions first, then one
// tab per category of the server's emoji, then the Unicode categories.
import { groupByCategory, type PickerEmoji } from './emojiCatalog';

export interface PickerSection {
  id: 'pinned' | 'recent' | 'all';
  emoji: PickerEmoji[];
}

export type PickerTab =
  | { id: 'favorites'; kind: 'favorites'; sections: PickerSection[] }
  | { id: string; kind: 'custom' | 'unicode'; category: string; sections: PickerSection[] };

const bare = (r: string) => r.replace(/\uFE0F/g, '');

/**
 * Reactions as picker entries. One the lists do not know (an emoji since deleted, a character
 * not in our list) still shows: as its text, or its :name:.
 */
export function resolveReactions(reactions: readonly string[], all: readonly PickerEmoji[]): PickerEmoji[] {
  const byReaction = new Map(all.map((e) => [bare(e.reaction), e]));
  return reactions.map((r) => {
    const known = byReaction.get(bare(r));
    if (known) return known;
    const custom = /^:([^:\s]+):$/.exec(r);
    return custom
      ? { reaction: r, name: custom[1]!.toLowerCase(), keywords: [], category: '', char: null, url: null }
      : { reaction: r, name: r, keywords: [], category: '', char: r, url: null };
  });
}

export function pickerTabs(input: {
  custom: readonly PickerEmoji[];
  unicode: readonly PickerEmoji[];
  pinned: readonly string[];
  recent: readonly string[];
}): PickerTab[] {
  const all = [...input.custom, ...input.unicode];
  // Like Misskey's picker, a recent reaction shows under Recently used even when it is pinned too.
  const tabs: PickerTab[] = [
    {
      id: 'favorites',
      kind: 'favorites',
      sections: [
        { id: 'pinned', emoji: resolveReactions(input.pinned, all) },
        { id: 'recent', emoji: resolveReactions(input.recent, all) },
      ],
    },
  ];
  for (const g of groupByCategory(input.custom))
    tabs.push({ id: `custom:${g.category}`, kind: 'custom', category: g.category, sections: [{ id: 'all', emoji: g.emoji }] });
  for (const g of groupByCategory(input.unicode))
    tabs.push({ id: `unicode:${g.category}`, kind: 'unicode', category: g.category, sections: [{ id: 'all', emoji: g.emoji }] });
  return tabs;
}
