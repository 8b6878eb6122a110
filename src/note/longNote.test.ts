import { describe, expect, it } from 'vitest';
import { isLong } from './longNote';

describe('isLong', () => {
  it('folds past 500 characters or 15 lines, and never an empty note', () => {
    expect(isLong(null)).toBe(false);
    expect(isLong('short')).toBe(false);
    expect(isLong('a'.repeat(500))).toBe(false);
    expect(isLong('a'.repeat(501))).toBe(true);
    expect(isLong(Array(15).fill('line').join('\n'))).toBe(false);
    expect(isLong(Array(16).fill('line').join('\n'))).toBe(true);
  });
});
