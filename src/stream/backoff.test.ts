import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoff', () => {
  it('doubles the ceiling from 0.5 s and caps it at 10 s', () => {
    const ceilings = Array.from({ length: 10 }, (_, attempt) => backoffCeiling(attempt));
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000, 10000, 10000, 10000]);
    expect(backoffCeiling(1000)).toBe(DEFAULT_BACKOFF.capMs);
  });

  it('spreads each delay over [0, ceiling)', () => {
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(3, () => 0.5)).toBe(2000);
    expect(backoffDelay(3, () => 0.999999)).toBe(3999);
    expect(backoffDelay(50, () => 0.999999)).toBe(9999);
  });

  it('stays within bounds for real random numbers', () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const delay = backoffDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(backoffCeiling(attempt));
    }
  });

  it('takes its policy as a parameter', () => {
    const policy = { baseMs: 100, factor: 3, capMs: 1000 };
    expect([0, 1, 2, 3].map((a) => backoffCeiling(a, policy))).toEqual([100, 300, 900, 1000]);
  });
});
