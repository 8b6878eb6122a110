import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openCache } from '@/offline/db';
import { sharedText, takeShare } from './sharedItems';

describe('things shared to the app', () => {
  it('become one text: title, text, then the link unless the text has it already', () => {
    expect(sharedText({ title: 'A page', text: 'Look at this', url: 'https://example.com/a' })).toBe(
      'A page\nLook at this\nhttps://example.com/a',
    );
    expect(sharedText({ text: 'Look https://example.com/a', url: 'https://example.com/a' })).toBe('Look https://example.com/a');
    expect(sharedText({ url: ' https://example.com/b ' })).toBe('https://example.com/b');
  });

  it('are taken once, with their files', async () => {
    const file = new File(['png'], 'picture.png', { type: 'image/png' });
    await (await openCache())!.put('shares', { id: 's1', title: '', text: 'hello', url: '', files: [file], savedAt: 1 });
    const shared = await takeShare('s1');
    expect(shared?.text).toBe('hello');
    expect(shared?.files.map((f) => f.name)).toEqual(['picture.png']);
    expect(await takeShare('s1')).toBeNull();
  });
});
