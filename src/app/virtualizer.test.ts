import { describe, expect, it } from 'vitest';
import { Virtualizer, type VirtualizerOptions } from '@tanstack/virtual-core';
import {
  aroundViewport,
  renderWindow,
  forgetUnlisted,
  listOptions,
  readingItems,
  survivorShift,
  type ListSpec,
  type ListVirtualizer,
  type Scroller,
} from './virtualizer';

// A virtualizer set up as VirtualList sets it up, over a scroller of our own: a 500 px viewport
// whose scroll position the test moves, and which records where the list scrolled it.
function list(keys: string[], holdReading = true) {
  const scroller = document.createElement('div');
  let offset = 0;
  let report: ((offset: number, scrolling: boolean) => void) | null = null;
  const spec = (next: string[], hold = holdReading): ListSpec => ({
    count: next.length,
    keyAt: (i) => next[i]!,
    estimate: 100,
    scroller: () => scroller,
    margin: 0,
    holdReading: hold,
    pinned: null,
    mounted: () => false,
    complete: true,
    onDeferred: () => {},
    onChange: () => {},
  });
  // In place of the DOM's: the test's viewport and scroll position.
  const environment: Pick<
    VirtualizerOptions<Scroller, HTMLElement>,
    'observeElementRect' | 'observeElementOffset' | 'scrollToFn'
  > = {
    observeElementRect: (_, cb) => cb({ width: 400, height: 500 }),
    observeElementOffset: (_, cb) => {
      report = cb;
      cb(offset, false);
    },
    scrollToFn: (to, { adjustments }) => {
      offset = to + (adjustments ?? 0);
      report?.(offset, false);
    },
  };
  let v: ListVirtualizer | null = null;
  v = new Virtualizer({ ...listOptions(spec(keys), () => v), ...environment });
  const virtualizer = v;
  virtualizer._didMount();
  virtualizer._willUpdate();
  return {
    v: virtualizer,
    offset: () => offset,
    scrollTo(to: number) {
      offset = to;
      report?.(to, false);
    },
    // Every item measured at `size` px, as the rows' ResizeObserver would report them.
    measureAll(size: number) {
      for (let i = 0; i < virtualizer.options.count; i++) virtualizer.resizeItem(i, size);
    },
    // The list changes (VirtualList's watcher): new options, then the post-render update.
    set(next: string[], hold = holdReading) {
      const reading = hold ? readingItems(virtualizer) : [];
      const s = spec(next, hold);
      virtualizer.setOptions({ ...listOptions(s, () => virtualizer), ...environment });
      virtualizer._willUpdate();
      return survivorShift(virtualizer, reading, s);
    },
    startOf(key: string) {
      return virtualizer.measurementsCache.find((m) => m.key === key)?.start;
    },
  };
}

const keys = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, i) => `n${String(from - i).padStart(3, '0')}`);

describe('list virtualizer', () => {
  it('keeps each measured height with its key when items move', () => {
    const l = list(keys(50, 1));
    l.measureAll(120);
    l.set([...keys(53, 51), ...keys(50, 1)]);
    // The three new items are estimated; the 50 measured ones kept their 120 px wherever they are now.
    expect(l.v.measurementsCache[3]).toMatchObject({ key: 'n050', size: 120, start: 300 });
    expect(l.v.getTotalSize()).toBe(3 * 100 + 50 * 120);
  });

  it('keeps the item being read in place when items arrive above it', () => {
    const l = list(keys(50, 1));
    l.measureAll(120);
    l.scrollTo(1210); // n040 starts at 1200: the reader is 10 px into it
    l.set([...keys(53, 51), ...keys(50, 1)]);
    expect(l.offset()).toBe(1510);
    expect(l.startOf('n040')! - l.offset()).toBe(-10);
  });

  it('keeps it in place when the oldest are trimmed, and when the newest are trimmed behind a gap', () => {
    const l = list(keys(50, 1));
    l.measureAll(120);
    l.scrollTo(2400); // n030
    l.set(keys(50, 11));
    expect(l.offset()).toBe(2400);
    // Paging down past the cap: ten newest notes leave, a gap marker (estimated) takes their place.
    l.set(['gap:n040', ...keys(40, 11)]);
    expect(l.offset()).toBe(100 + 10 * 120);
    expect(l.startOf('n030')! - l.offset()).toBe(0);
  });

  it('at the top, new items show where the reader is looking', () => {
    const l = list(keys(50, 1), false);
    l.measureAll(120);
    l.set([...keys(52, 51), ...keys(50, 1)], false);
    expect(l.offset()).toBe(0);
    expect(l.v.getVirtualItems()[0]?.key).toBe('n052');
  });

  it('when the item being read is deleted, the next one stays where it was', () => {
    const l = list(keys(50, 1));
    l.measureAll(120);
    l.scrollTo(1250); // 50 px into n040; n039 starts 70 px below the viewport's top
    const shift = l.set([...keys(50, 41), ...keys(39, 1)]);
    // n039 moved up by n040's 120 px; scrolling up by as much puts it back.
    expect(shift).toBe(-120);
    expect(l.startOf('n039')! - (l.offset() + shift)).toBe(70);
  });

  it('renders about a screen above and below what is visible', () => {
    const l = list(keys(100, 1));
    l.measureAll(100);
    l.scrollTo(2000);
    const rendered = l.v.getVirtualItems().map((i) => i.index);
    // Visible: 20–24 (500 px from 2000). A screen either way: 15–29.
    expect(rendered[0]).toBe(15);
    expect(rendered.at(-1)).toBe(29);
  });

  it('forgets heights of items no longer listed once they pile up', () => {
    const l = list(keys(300, 1));
    l.measureAll(120);
    l.set(keys(20, 1));
    forgetUnlisted(l.v, 20, (i) => keys(20, 1)[i]!);
    expect([...l.v.itemSizeCache.keys()].sort()).toEqual(keys(20, 1).sort());
  });
});

describe('aroundViewport', () => {
  const itemAt = (i: number) => ({ start: i * 100, end: (i + 1) * 100 });

  it('adds a screen of items either way and the pinned item, in order', () => {
    const range = { startIndex: 10, endIndex: 14, overscan: 1, count: 100 };
    expect(aroundViewport(range, itemAt, 300, null)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(aroundViewport(range, itemAt, 300, 60)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 60]);
    expect(aroundViewport(range, itemAt, 300, 2)[0]).toBe(2);
  });

  it('stops at the ends of the list', () => {
    expect(aroundViewport({ startIndex: 0, endIndex: 2, overscan: 1, count: 4 }, itemAt, 1000, null)).toEqual([0, 1, 2, 3]);
    expect(aroundViewport({ startIndex: 0, endIndex: -1, overscan: 1, count: 0 }, itemAt, 1000, 3)).toEqual([]);
  });
});

describe('renderWindow', () => {
  const itemAt = (i: number) => ({ start: i * 100, end: (i + 1) * 100 });
  const range = { startIndex: 10, endIndex: 14, overscan: 1, count: 100 };
  const keyAt = (i: number) => `k${i}`;

  it('mounts the visible rows now and the screen around them later, keeping rows already there', () => {
    const mounted = new Set(['k8', 'k9', 'k15']);
    const now = renderWindow(range, itemAt, 300, { pinned: null, keyAt, mounted: (k) => mounted.has(k), complete: false });
    expect(now).toEqual({ indexes: [8, 9, 10, 11, 12, 13, 14, 15], deferred: true });
    const later = renderWindow(range, itemAt, 300, { pinned: null, keyAt, mounted: (k) => mounted.has(k), complete: true });
    expect(later).toEqual({ indexes: [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17], deferred: false });
  });

  it('holds nothing back once the whole window is rendered', () => {
    const all = new Set([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map(keyAt));
    expect(renderWindow(range, itemAt, 300, { pinned: 40, keyAt, mounted: (k) => all.has(k), complete: false })).toEqual({
      indexes: [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 40],
      deferred: false,
    });
  });
});
