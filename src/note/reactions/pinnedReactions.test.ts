import { describe, expect, it } from 'vitest';
import registryGet from '@/testing/fixtures/rest-i-registry-get.json';
import registrySet from '@/testing/fixtures/rest-i-registry-set.json';
import { DEFAULT_PINNED, isPinned, movePinned, pin, PINNED_KEY, PINNED_SCOPE, readPinned, unpin } from './pinnedReactions';

describe('the registry entry', () => {
  it('is the one recorded from 2024.10.1', () => {
    expect(registrySet.request.body).toMatchObject({ scope: PINNED_SCOPE, key: PINNED_KEY });
    expect(readPinned(registryGet.response)).toEqual(['👍', '❤', '🎉']);
  });

  it('reads what another client stored defensively: no duplicates (with or without FE0F), no non-strings', () => {
    expect(readPinned(['👍', 3, '', '❤️', '❤', ':blobcat:', null])).toEqual(['👍', '❤️', ':blobcat:']);
    expect(readPinned({ reactions: ['👍'] })).toBeNull();
    expect(readPinned(Array.from({ length: 150 }, (_, i) => `:e${i}:`))).toHaveLength(100);
  });
});

describe('editing', () => {
  it('pins first, once', () => {
    expect(pin(['👍', '❤'], ':blobcat:')).toEqual([':blobcat:', '👍', '❤']);
    expect(pin(['👍', '❤'], '❤️')).toEqual(['👍', '❤']);
    expect(isPinned(DEFAULT_PINNED, '❤️')).toBe(true);
  });

  it('unpins and moves, staying inside the list', () => {
    expect(unpin(['👍', '❤', '🎉'], '❤️')).toEqual(['👍', '🎉']);
    expect(movePinned(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(movePinned(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(movePinned(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
