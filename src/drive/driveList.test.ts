import { describe, expect, it } from 'vitest';
import { drop, matchesType, place } from './driveList';

const e = (id: string, name = id) => ({ id, name });
const list = [e('c'), e('b')];

describe('place', () => {
  it('replaces an entry where it is, so applying a change twice changes nothing more', () => {
    const once = place(list, e('b', 'renamed'), true, false);
    expect(once).toEqual([e('c'), e('b', 'renamed')]);
    expect(place(once, e('b', 'renamed'), true, false)).toEqual(once);
  });

  it('adds a new entry at its place, newest first', () => {
    expect(place(list, e('d'), true, false).map((x) => x.id)).toEqual(['d', 'c', 'b']);
    expect(place([e('d'), e('b')], e('c'), true, false).map((x) => x.id)).toEqual(['d', 'c', 'b']);
  });

  it('leaves an entry older than the loaded page to paging, unless the list is complete', () => {
    expect(place(list, e('a'), true, false).map((x) => x.id)).toEqual(['c', 'b']);
    expect(place(list, e('a'), true, true).map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(place([], e('a'), true, false)).toEqual([e('a')]);
  });

  it('takes out an entry that no longer belongs (moved elsewhere), and ignores one it never had', () => {
    expect(place(list, e('c'), false, false)).toEqual([e('b')]);
    expect(place(list, e('z'), false, false)).toEqual(list);
  });
});

describe('drop and matchesType', () => {
  it('drops by id', () => {
    expect(drop(list, 'c')).toEqual([e('b')]);
    expect(drop(list, 'x')).toEqual(list);
  });

  it('matches exact types and major/* wildcards', () => {
    expect(matchesType('image/png', 'image/*')).toBe(true);
    expect(matchesType('text/plain', 'image/*')).toBe(false);
    expect(matchesType('image/png', 'image/png')).toBe(true);
    expect(matchesType('image/png', null)).toBe(true);
  });
});
