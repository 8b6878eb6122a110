import { describe, expect, it } from 'vitest';
import { formatMuteFilters, mutedBy, parseMuteFilters } from './wordMute';

const note = (text: string | null, cw: string | null = null, userId = 'bob') => ({ userId, text, cw });

describe('mutedBy', () => {
  it('matches when every word of a filter appears, in the CW or the text, as written', () => {
    expect(mutedBy(note('I love durian cake'), 'me', [['durian', 'cake']])).toEqual([['durian', 'cake']]);
    expect(mutedBy(note('durian only'), 'me', [['durian', 'cake']])).toBeNull();
    expect(mutedBy(note('the fruit', 'durian ahead'), 'me', [['durian']])).toEqual([['durian']]);
    expect(mutedBy(note('Durian'), 'me', [['durian']])).toBeNull();
  });

  it('matches /regex/flags filters, and ignores ones that do not compile', () => {
    expect(mutedBy(note('DURIAN season'), 'me', ['/durian/i'])).toEqual(['/durian/i']);
    expect(mutedBy(note('durian'), 'me', ['/(unclosed/'])).toBeNull();
  });

  it("never mutes the reader's own notes, empty notes, or with no filters", () => {
    expect(mutedBy(note('durian', null, 'me'), 'me', [['durian']])).toBeNull();
    expect(mutedBy(note(null), 'me', [['durian']])).toBeNull();
    expect(mutedBy(note('durian'), 'me', [])).toBeNull();
    expect(mutedBy(note('durian'), 'me', [['', '']])).toBeNull();
  });
});

describe('the settings text', () => {
  it('reads one filter per line and writes it back the same way', () => {
    const parsed = parseMuteFilters('durian cake\n\n  /spoil(er)?s?/i \n/(broken/\nsingle');
    expect(parsed).toEqual({ filters: [['durian', 'cake'], '/spoil(er)?s?/i', ['single']], invalid: ['/(broken/'] });
    expect(formatMuteFilters(parsed.filters)).toBe('durian cake\n/spoil(er)?s?/i\nsingle');
  });
});
