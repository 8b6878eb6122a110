import { describe, expect, it } from 'vitest';
import { anchorShift } from './anchorShift';

const tops = (map: Record<string, number>) => (id: string) => map[id] ?? null;

describe('anchorShift', () => {
  it('scrolls back by the height removed above the item being read', () => {
    // Twenty notes of 383 px left the top: the note being read rose by 7,660 px.
    const placed = [
      { id: 'n272', top: -40 },
      { id: 'n273', top: 300 },
    ];
    expect(anchorShift(placed, tops({ n272: -7700, n273: -7360 }))).toBe(-7660);
  });

  it('scrolls forward by the height inserted above it', () => {
    expect(anchorShift([{ id: 'a', top: 10 }], tops({ a: 490 }))).toBe(480);
  });

  it('holds the next item in place when the first one is gone', () => {
    const placed = [
      { id: 'gone', top: -50 },
      { id: 'b', top: 120 },
      { id: 'c', top: 400 },
    ];
    expect(anchorShift(placed, tops({ b: 20, c: 300 }))).toBe(-100);
  });

  it('leaves the page alone when nothing moved, or nothing it measured is left', () => {
    expect(anchorShift([{ id: 'a', top: 10 }], tops({ a: 10.4 }))).toBe(0);
    expect(anchorShift([{ id: 'a', top: 10 }], tops({}))).toBe(0);
    expect(anchorShift([], tops({ a: 10 }))).toBe(0);
  });
});
