import { describe, expect, it } from 'vitest';
import { showBadge } from './useAppBadge';

function badge() {
  const calls: string[] = [];
  return {
    calls,
    setAppBadge: async (n?: number) => void calls.push(n === undefined ? 'mark' : `count ${n}`),
    clearAppBadge: async () => void calls.push('clear'),
  };
}

describe('the app badge', () => {
  it('shows the unread count, a mark when only "something" is unread, and clears when all is read', async () => {
    const b = badge();
    await showBadge(b, 3, true);
    await showBadge(b, 0, true);
    await showBadge(b, 0, false);
    expect(b.calls).toEqual(['count 3', 'mark', 'clear']);
  });
});
