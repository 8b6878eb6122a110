import { describe, expect, it } from 'vitest';
import { reactionLook, type ReactionEmojiSources } from './reactionEmoji';

const src: ReactionEmojiSources = {
  reactionEmojis: { 'remotecat@remote.example': 'https://remote.example/cat.png', 'added@.': 'https://local.example/added.png' },
  localEmojiUrl: (name) => (name === 'blobcat' ? 'https://local.example/blobcat.png' : undefined),
  origin: 'https://local.example',
};

describe('reactionLook', () => {
  it('keeps Unicode reactions as text', () => {
    expect(reactionLook('❤', src)).toEqual({ kind: 'unicode', text: '❤' });
  });

  it('finds local custom emoji in either key form', () => {
    expect(reactionLook(':blobcat@.:', src)).toEqual({
      kind: 'custom',
      name: 'blobcat',
      url: 'https://local.example/blobcat.png',
    });
    expect(reactionLook(':blobcat:', src)).toEqual({ kind: 'custom', name: 'blobcat', url: 'https://local.example/blobcat.png' });
    expect(reactionLook(':added@.:', src).kind === 'custom' && reactionLook(':added@.:', src)).toMatchObject({
      url: 'https://local.example/added.png',
    });
  });

  it('finds remote emoji in reactionEmojis, else falls back to the server redirect', () => {
    expect(reactionLook(':remotecat@remote.example:', src)).toMatchObject({ url: 'https://remote.example/cat.png' });
    expect(reactionLook(':gone@other.example:', src)).toMatchObject({
      url: 'https://local.example/emoji/gone%40other.example.webp',
    });
  });

  it('never returns a non-http URL', () => {
    const hostile = { ...src, reactionEmojis: { 'x@evil.example': 'javascript:alert(1)' } };
    expect(reactionLook(':x@evil.example:', hostile)).toMatchObject({ url: null });
  });
});
