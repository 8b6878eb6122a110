import { describe, expect, it } from 'vitest';
import { antennaParams, antennaProblem, fieldsOf, keywordsFromText, textFromKeywords } from './antennaForm';

describe('antenna keywords', () => {
  it('reads one alternative per line, every word of a line required, as Misskey writes them', () => {
    expect(keywordsFromText('probe word\n  other \n\n')).toEqual([['probe', 'word'], ['other']]);
    expect(textFromKeywords([['probe', 'word'], ['other']])).toBe('probe word\nother');
    expect(keywordsFromText('   ')).toEqual([]);
  });

  it('needs a name, some keyword or exclude keyword, and the list or users its source reads', () => {
    const empty = fieldsOf(null);
    expect(antennaProblem(empty)).toBe('name');
    expect(antennaProblem({ ...empty, name: 'x' })).toBe('keywords');
    expect(antennaProblem({ ...empty, name: 'x', excludeKeywords: 'spam' })).toBeNull();
    expect(antennaProblem({ ...empty, name: 'x', keywords: 'a', src: 'list' })).toBe('list');
    expect(antennaProblem({ ...empty, name: 'x', keywords: 'a', src: 'users' })).toBe('users');
  });

  it('sends the list only for a list source and users only for user sources', () => {
    const base = { ...fieldsOf(null), name: ' Cats ', keywords: 'cat', userListId: 'l1', users: '@bob\n' };
    expect(antennaParams(base)).toMatchObject({ name: 'Cats', src: 'all', userListId: null, users: [], keywords: [['cat']] });
    expect(antennaParams({ ...base, src: 'list' })).toMatchObject({ userListId: 'l1', users: [] });
    expect(antennaParams({ ...base, src: 'users' })).toMatchObject({ userListId: null, users: ['@bob'] });
  });
});
