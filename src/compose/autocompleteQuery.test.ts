import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import { applyCompletion, detectQuery, matchEmojis } from './autocompleteQuery.ts';

const at = (text: string) => detectQuery(text, text.length);

describe('detectQuery', () => {
  it('finds an emoji query after a colon that starts a word', () => {
    expect(at(':blob')).toEqual({ kind: 'emoji', query: 'blob', start: 0, end: 5 });
    expect(at('nice :blobc')).toMatchObject({ kind: 'emoji', query: 'blobc', start: 5 });
  });

  it('finds a mention query, with or without a host', () => {
    expect(at('hi @al')).toMatchObject({ kind: 'mention', query: 'al', username: 'al', host: null, start: 3 });
    expect(at('@bob@remote.exa')).toMatchObject({ kind: 'mention', username: 'bob', host: 'remote.exa', start: 0 });
    expect(at('@bob@')).toMatchObject({ kind: 'mention', username: 'bob', host: null });
  });

  it('ignores triggers inside words, times, URLs and e-mail addresses', () => {
    expect(at('foo:bar')).toBeNull();
    expect(at('at 12:30')).toBeNull();
    expect(at('https://example.com/@alice')).toBeNull();
    expect(at('see http://x.example/:blob')).toBeNull();
    expect(at('mail me@example')).toBeNull();
    expect(at('a lone : ')).toBeNull();
    expect(at(':blob done')).toBeNull();
  });

  it('reads only the text before the caret', () => {
    const text = ':blob and more';
    expect(detectQuery(text, 3)).toMatchObject({ kind: 'emoji', query: 'bl', end: 3 });
    expect(detectQuery(text, text.length)).toBeNull();
  });
});

describe('matchEmojis and applyCompletion', () => {
  const emoji = (name: string, aliases: string[] = []): Misskey.entities.EmojiSimple => ({
    name,
    aliases,
    category: null,
    url: `https://x.example/${name}.png`,
  });

  it('puts names starting with the query first, then names and aliases containing it', () => {
    const list = [emoji('catblob'), emoji('blobcat'), emoji('party', ['blobparty']), emoji('dog')];
    expect(matchEmojis(list, 'blob').map((e) => e.name)).toEqual(['blobcat', 'catblob', 'party']);
  });

  it('replaces the query with the completion and moves the caret after it', () => {
    const q = detectQuery('hi :blo there', 7)!;
    expect(applyCompletion('hi :blo there', q, ':blobcat:')).toEqual({ text: 'hi :blobcat:  there', caret: 13 });
  });
});
