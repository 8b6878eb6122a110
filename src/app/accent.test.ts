import { describe, expect, it } from 'vitest';
import { accentFor, contrast, parseHex, textOn } from './accent';

const LIGHT = parseHex('#f4f4f1')!;
const DARK = parseHex('#1e2125')!;

describe('accentFor', () => {
  it('keeps a colour that already reads well, in each theme', () => {
    expect(accentFor('#2b5797')?.light).toBe('#2b5797');
    expect(accentFor('#ffcc00')?.dark).toBe('#ffcc00');
  });

  it('darkens a pale colour for the light theme and lightens a dark one for the dark theme, to 4.5:1', () => {
    for (const color of ['#86b300', '#ffcc00', '#f0f', '#0000aa', '#000', '#fff']) {
      const accent = accentFor(color)!;
      expect(contrast(parseHex(accent.light)!, LIGHT), color).toBeGreaterThanOrEqual(4.5);
      expect(contrast(parseHex(accent.dark)!, DARK), color).toBeGreaterThanOrEqual(4.5);
    }
    expect(accentFor('#86b300')!.light).not.toBe('#86b300');
  });

  it('ignores what is not a hex colour', () => {
    expect(accentFor('')).toBeNull();
    expect(accentFor('red')).toBeNull();
    expect(accentFor('#12345')).toBeNull();
  });
});

describe('textOn', () => {
  it('picks black or white for text on a colour', () => {
    expect(textOn('#ffcc00')).toBe('#000000');
    expect(textOn('#1f3a93')).toBe('#ffffff');
    expect(textOn('nope')).toBeNull();
  });
});
