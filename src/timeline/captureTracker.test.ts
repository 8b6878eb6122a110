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

describe('CaptureTracker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('captures on entering and releases after the grace period', () => {
    const { sink, log } = fakeSink();
    const t = new CaptureTracker<string>(sink, 1000);
    t.track('a', ['renoted', 'wrapper']);
    t.setVisible('a', true);
    expect(log).toEqual(['+renoted', '+wrapper']);
    t.setVisible('a', false);
    expect(log).toHaveLength(2);
    vi.runAllTimers();
    expect(log).toEqual(['+renoted', '+wrapper', '-renoted', '-wrapper']);
  });

  it('a note that comes back within the grace period is not released', () => {
    const { sink, log } = fakeSink();
    const t = new CaptureTracker<string>(sink, 1000);
    t.track('a', ['n1']);
    t.setVisible('a', true);
    t.setVisible('a', false);
    t.setVisible('a', true);
    vi.runAllTimers();
    expect(log).toEqual(['+n1']);
  });

  it('untracking releases at once', () => {
    const { sink, log } = fakeSink();
    const t = new CaptureTracker<string>(sink, 1000);
    t.track('a', ['n1']);
    t.setVisible('a', true);
    t.setVisible('a', false);
    t.untrack('a');
    expect(log).toEqual(['+n1', '-n1']);
    vi.runAllTimers();
    expect(log).toEqual(['+n1', '-n1']);
    expect(t.size).toBe(0);
  });

  it('notes never seen are never captured', () => {
    const { sink, log } = fakeSink();
    const t = new CaptureTracker<string>(sink, 1000);
    t.track('a', ['n1']);
    t.untrack('a');
    expect(log).toEqual([]);
  });

  it('guests do not capture', () => {
    const { sink, log } = fakeSink(false);
    const t = new CaptureTracker<string>(sink, 1000);
    t.track('a', ['n1']);
    t.setVisible('a', true);
    t.untrack('a');
    expect(log).toEqual([]);
  });

  it('swaps captures when a visible note changes ids', () => {
    const { sink, log } = fakeSink();
    const t = new CaptureTracker<string>(sink, 1000);
    t.track('a', ['w']);
    t.setVisible('a', true);
    t.setIds('a', ['r', 'w']);
    expect(log).toEqual(['+w', '-w', '+r', '+w']);
  });
});
