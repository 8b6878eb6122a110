import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaptureTracker, type CaptureSink } from './captureTracker';

function fakeSink(enabled = true) {
  const log: string[] = [];
  const sink: CaptureSink = {
    capture: (id) => log.push(`+${id}`),
    release: (id) => log.push(`-${id}`),
    enabled: () => enabled,
  };
  return { sink, log };
}

const timing = { dwellMs: 100, graceMs: 1000 };

// A note `a` (showing `ids`) that appeared off screen, so that entering the view waits a dwell.
function offScreenNote(ids: string[], enabled = true) {
  const { sink, log } = fakeSink(enabled);
  const t = new CaptureTracker<string>(sink, timing);
  t.track('a', ids);
  t.setVisible('a', false);
  return { t, log };
}

// The same note, scrolled into view long enough to be captured.
function capturedNote(ids: string[]) {
  const { t, log } = offScreenNote(ids);
  t.setVisible('a', true);
  vi.advanceTimersByTime(timing.dwellMs);
  return { t, log };
}

describe('CaptureTracker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('captures once a note has stayed in view, and releases after the grace period', () => {
    const { t, log } = offScreenNote(['renoted', 'wrapper']);
    t.setVisible('a', true);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['+renoted', '+wrapper']);
    t.setVisible('a', false);
    vi.advanceTimersByTime(999);
    expect(log).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['+renoted', '+wrapper', '-renoted', '-wrapper']);
  });

  it('a note already in view when it appears is captured at once', () => {
    const { sink, log } = fakeSink();
    const t = new CaptureTracker<string>(sink, timing);
    t.track('a', ['n1']);
    t.setVisible('a', true);
    expect(log).toEqual(['+n1']);
  });

  it('a note flung past faster than the dwell is never captured', () => {
    const { t, log } = offScreenNote(['n1']);
    t.setVisible('a', true);
    vi.advanceTimersByTime(60);
    t.setVisible('a', false);
    vi.runAllTimers();
    expect(log).toEqual([]);
  });

  it('a note that comes back within the grace period is not released', () => {
    const { t, log } = capturedNote(['n1']);
    t.setVisible('a', false);
    vi.advanceTimersByTime(500);
    t.setVisible('a', true);
    vi.runAllTimers();
    expect(log).toEqual(['+n1']);
  });

  it('a note gone far away is released at once, without waiting for the grace period', () => {
    const { t, log } = capturedNote(['n1']);
    t.setVisible('a', false);
    t.setFar('a');
    expect(log).toEqual(['+n1', '-n1']);
    vi.runAllTimers();
    expect(log).toEqual(['+n1', '-n1']);
  });

  it('a far note that was never captured sends nothing', () => {
    const { t, log } = offScreenNote(['n1']);
    t.setFar('a');
    t.setVisible('a', true);
    t.setFar('a');
    vi.runAllTimers();
    expect(log).toEqual([]);
  });

  it('untracking releases at once', () => {
    const { t, log } = capturedNote(['n1']);
    t.setVisible('a', false);
    t.untrack('a');
    expect(log).toEqual(['+n1', '-n1']);
    vi.runAllTimers();
    expect(log).toEqual(['+n1', '-n1']);
    expect(t.size).toBe(0);
  });

  it('notes never seen are never captured', () => {
    const { sink, log } = fakeSink();
    const t = new CaptureTracker<string>(sink, timing);
    t.track('a', ['n1']);
    t.untrack('a');
    expect(log).toEqual([]);
  });

  it('guests do not capture', () => {
    const { t, log } = offScreenNote(['n1'], false);
    t.setVisible('a', true);
    vi.runAllTimers();
    t.untrack('a');
    expect(log).toEqual([]);
  });

  it('swaps captures when a captured note changes ids', () => {
    const { t, log } = capturedNote(['w']);
    t.setIds('a', ['r', 'w']);
    expect(log).toEqual(['+w', '-w', '+r', '+w']);
  });
});
