import { describe, expect, it } from 'vitest';
import { formatBytes, usagePercent } from './formatBytes';

describe('formatBytes', () => {
  it('reads bytes, kilobytes and megabytes in steps of 1024, as Misskey does', () => {
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(formatBytes(429, 'en')).toBe('429 bytes');
    expect(formatBytes(1023, 'en')).toBe('1,023 bytes');
    expect(formatBytes(3_482, 'en')).toBe('3.4 kB');
    expect(formatBytes(104_857_600, 'en')).toBe('100 MB');
    expect(formatBytes(2_684_354_560, 'en')).toBe('2.5 GB');
  });

  it("speaks the reader's language and never goes negative", () => {
    expect(formatBytes(3_482, 'ja')).toMatch(/^3\.4 ?[kK]B$/);
    expect(formatBytes(-5, 'en')).toBe('0 bytes');
  });
});

describe('usagePercent', () => {
  it('rounds down to a tenth, and a drive without capacity counts as full', () => {
    expect(usagePercent(429, 104_857_600)).toBe(0);
    expect(usagePercent(52_428_800, 104_857_600)).toBe(50);
    expect(usagePercent(104_857_599, 104_857_600)).toBe(99.9);
    expect(usagePercent(200, 100)).toBe(100);
    expect(usagePercent(0, 0)).toBe(100);
  });
});
