import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import plain from '@/testing/fixtures/rest-notes-show-plain.json';
import { noteLink, renoteParams } from './noteLink';

const base = plain.response as unknown as Misskey.entities.Note;
const with_ = (patch: Partial<Misskey.entities.Note>) => ({ ...base, ...patch }) as Misskey.entities.Note;

describe('noteLink', () => {
  it('is /notes/<id> on our server for a local note', () => {
    expect(noteLink(base, 'https://misskey.example')).toBe(`https://misskey.example/notes/${base.id}`);
  });

  it('is the remote page for a remote note, but never a non-http address', () => {
    const user = { ...base.user, host: 'remote.example' };
    expect(noteLink(with_({ user, url: 'https://remote.example/notes/x' }), 'https://a.example')).toBe(
      'https://remote.example/notes/x',
    );
    expect(noteLink(with_({ user, url: 'javascript:alert(1)' }), 'https://a.example')).toBe(`https://a.example/notes/${base.id}`);
  });
});

describe('renoteParams', () => {
  it('keeps the audience and local-only flag', () => {
    expect(renoteParams(with_({ visibility: 'home', localOnly: true }), 'someone')).toEqual({
      renoteId: base.id,
      visibility: 'home',
      localOnly: true,
    });
  });

  it('refuses direct notes, and followers-only notes of others', () => {
    expect(renoteParams(with_({ visibility: 'specified' }), base.userId)).toBeNull();
    expect(renoteParams(with_({ visibility: 'followers' }), 'someone')).toBeNull();
    expect(renoteParams(with_({ visibility: 'followers' }), base.userId)).not.toBeNull();
  });
});
