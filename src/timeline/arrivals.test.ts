import { describe, expect, it } from 'vitest';
import { FrameBatcher, RateMeter } from './arrivals';

function manualFrames() {
  const queue: Array<() => void> = [];
  return {
    schedule: (run: () => void) => queue.push(run),
    frame: () => queue.splice(0).forEach((run) => run()),
    waiting: () => queue.length,
  };
}

describe('FrameBatcher', () => {
  it('hands over everything pushed within one frame as one batch', () => {
    const frames = manualFrames();
    const batches: number[][] = [];
    const b = new FrameBatcher<number>((batch) => batches.push(batch), frames.schedule);
    b.push(1);
    b.push(2);
    b.push(3);
    expect(frames.waiting()).toBe(1);
    frames.frame();
    b.push(4);
    frames.frame();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('drops what is buffered once stopped', () => {
    const frames = manualFrames();
    const batches: number[][] = [];
    const b = new FrameBatcher<number>((batch) => batches.push(batch), frames.schedule);
    b.push(1);
    b.stop();
    frames.frame();
    b.push(2);
    frames.frame();
    expect(batches).toEqual([]);
  });
});

describe('RateMeter', () => {
  it('counts arrivals of the last second only', () => {
    const m = new RateMeter();
    m.record(5, 1000);
    m.record(7, 1500);
    expect(m.perSecond(1600)).toBe(12);
    expect(m.perSecond(2100)).toBe(7);
    expect(m.perSecond(2600)).toBe(0);
  });
});
