import { describe, expect, it, vi } from 'vitest';
import { FrameBatcher, FrameShare, RateMeter } from './arrivals';

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

describe('FrameShare', () => {
  // A clock that each job advances by its cost, as rendering its batch would.
  function setup(budgetMs: number) {
    const frames = manualFrames();
    let clock = 0;
    const share = new FrameShare(
      budgetMs,
      frames.schedule,
      () => Promise.resolve(),
      () => clock,
    );
    const ran: string[] = [];
    const job = (name: string, cost: number) => () => {
      ran.push(name);
      clock += cost;
    };
    // A frame, then the renders its jobs wait for.
    const frame = async () => {
      frames.frame();
      for (let i = 0; i < 20; i++) await Promise.resolve();
    };
    return { share, ran, job, frame, frames };
  }

  it('runs jobs of several lists in one frame while they fit the budget', async () => {
    const { share, ran, job, frame } = setup(8);
    share.add(job('a', 2));
    share.add(job('b', 2));
    share.add(job('c', 2));
    await frame();
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('leaves what does not fit to the next frames, one costly job per frame at least', async () => {
    const { share, ran, job, frame, frames } = setup(8);
    for (const name of ['a', 'b', 'c']) share.add(job(name, 30));
    expect(frames.waiting()).toBe(1);
    await frame();
    expect(ran).toEqual(['a']);
    expect(frames.waiting()).toBe(1);
    await frame();
    await frame();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(frames.waiting()).toBe(0);
  });

  it('takes jobs added while a frame runs in a later frame, in order', async () => {
    const { share, ran, job, frame } = setup(8);
    share.add(() => {
      job('a', 10)();
      share.add(job('late', 1));
    });
    await frame();
    expect(ran).toEqual(['a']);
    await frame();
    expect(ran).toEqual(['a', 'late']);
  });

  it('runs the other jobs when one fails, and reports it', async () => {
    const { share, ran, job, frame } = setup(8);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    share.add(() => {
      throw new Error('broken batch');
    });
    share.add(job('b', 1));
    await frame();
    expect(ran).toEqual(['b']);
    expect(error).toHaveBeenCalledWith(new Error('broken batch'));
    error.mockRestore();
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
