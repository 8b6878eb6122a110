import { describe, expect, it } from 'vitest';
import { clampNumber, safeColor, safeDuration, safeHttpUrl } from './safety';

describe('MFM safety guards', () => {
  it('accepts only http and https URLs', () => {
    expect(safeHttpUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHttpUrl('http://a.example')).toBe('http://a.example/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });

  it('accepts only bare hex colours', () => {
    expect(safeColor('f00')).toBe('#f00');
    expect(safeColor('ff000080')).toBe('#ff000080');
    expect(safeColor('red')).toBeNull();
    expect(safeColor('f00;x:y')).toBeNull();
    expect(safeColor(true)).toBeNull();
  });

  it('clamps numbers and falls back on garbage', () => {
    expect(clampNumber('3', 0, 5, 1)).toBe(3);
    expect(clampNumber('99', 0, 5, 1)).toBe(5);
    expect(clampNumber('-99', -2, 5, 1)).toBe(-2);
    expect(clampNumber('abc', 0, 5, 1)).toBe(1);
    expect(clampNumber(undefined, 0, 5, 1)).toBe(1);
  });

  it('accepts only plain durations', () => {
    expect(safeDuration('1.5s', '1s')).toBe('1.5s');
    expect(safeDuration('300ms', '1s')).toBe('300ms');
    expect(safeDuration('1s;color:red', '1s')).toBe('1s');
  });
});
