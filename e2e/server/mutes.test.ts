import { describe, expect, it } from 'vitest';
import { api, standInForTests } from './testing.ts';

const { server, token } = standInForTests();

const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;

describe('muted words (i/update)', () => {
  it('keeps word lists and regex filters, and hands them back on i', async () => {
    const filters = [['durian', 'cake'], '/spoil(er)?s/i'];
    const updated = (await api(server, 'i/update', { mutedWords: filters }, token('alice'))).body as { mutedWords: unknown };
    expect(updated.mutedWords).toEqual(filters);
    expect(((await api(server, 'i', {}, token('alice'))).body as { mutedWords: unknown }).mutedWords).toEqual(filters);
  });

  it("refuses a regex that does not compile, and more than the role's wordMuteLimit", async () => {
    expect(errorOf((await api(server, 'i/update', { mutedWords: ['/(broken/'] }, token('alice'))).body))
      .toMatchObject({ code: 'INVALID_REGEXP', id: '0d786918-10df-41cd-8f33-8dec7d9a89a5' });
    expect(errorOf((await api(server, 'i/update', { mutedWords: ['no slashes'] }, token('alice'))).body).code).toBe('INVALID_REGEXP');
    const many = Array.from({ length: 40 }, (_, i) => [`word${i}`]);
    expect(errorOf((await api(server, 'i/update', { mutedWords: many }, token('alice'))).body))
      .toMatchObject({ code: 'TOO_MANY_MUTED_WORDS', id: '010665b1-a211-42d2-bc64-8f6609d79785' });
    expect(((await api(server, 'i', {}, token('alice'))).body as { mutedWords: unknown }).mutedWords).toEqual([]);
  });
});
