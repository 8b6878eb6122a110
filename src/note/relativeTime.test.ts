import { describe, expect, it } from 'vitest';
import { formatRelative } from './relativeTime';

const now = Date.parse('2026-11-23T12:00:00Z');
const ago = (s: number) => new Date(now - s * 1000);

describe('formatRelative', () => {
  it('says now for the last minute', () => {
    expect(formatRelative(ago(5), now, 'en')).toBe('now');
  });

  it('picks the largest whole unit', () => {
    expect(formatRelative(ago(3 * 60 + 20), now, 'en')).toBe('3 min. ago');
    expect(formatRelative(ago(2 * 3600), now, 'en')).toBe('2 hr. ago');
    expect(formatRelative(ago(24 * 3600), now, 'en')).toBe('yesterday');
    expect(formatRelative(ago(400 * 24 * 3600), now, 'en')).toBe('last yr.');
  });
});
