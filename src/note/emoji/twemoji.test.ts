import { describe, expect, it } from 'vitest';
import { twemojiUrl } from './twemoji';

const url = (emoji: string) => twemojiUrl('https://misskey.example', emoji);

describe('twemojiUrl', () => {
  it('names files as Misskey 2024.10 does (the recorded /twemoji/ requests)', () => {
    expect(url('👍')).toBe('https://misskey.example/twemoji/1f44d.svg');
    expect(url('❤️')).toBe('https://misskey.example/twemoji/2764.svg');
    expect(url('❤')).toBe('https://misskey.example/twemoji/2764.svg');
    expect(url('1️⃣')).toBe('https://misskey.example/twemoji/31-20e3.svg');
    expect(url('👨‍👩‍👧')).toBe('https://misskey.example/twemoji/1f468-200d-1f469-200d-1f467.svg');
  });

  it('keeps U+FE0F in a ZWJ sequence and modifiers and flags as code points', () => {
    expect(url('🏳️‍🌈')).toBe('https://misskey.example/twemoji/1f3f3-fe0f-200d-1f308.svg');
    expect(url('👍🏽')).toBe('https://misskey.example/twemoji/1f44d-1f3fd.svg');
    expect(url('🇯🇵')).toBe('https://misskey.example/twemoji/1f1ef-1f1f5.svg');
  });

  it('has no image for text, digits, several emoji or an emoji with text around it', () => {
    for (const text of ['a', '1', '#', '', '👍👍', ' 👍', ':blobcat:']) expect(url(text), text).toBeNull();
  });
});
