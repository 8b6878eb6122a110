// The long-list machinery under VirtualList.vue: TanStack's virtualizer, set up for feeds read
// newest first. Heights are measured once per item key and kept; while the reader is scrolled
// away from the top, a change to the list (notes on top, a trim, a deletion) keeps the item
// under the viewport's top where it was (`anchorTo: 'end'` anchors on that item's key).
import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  observeWindowOffset,
  observeWindowRect,
  windowScroll,
  type Range,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';

// The window, or an element that scrolls (a deck column).
export type Scroller = Window | HTMLElement;

export type ListVirtualizer = Virtualizer<Scroller, HTMLElement>;

export interface ListSpec {
  count: number;
  keyAt(index: number): string;
  // Height of an item not measured yet.
  estimate: number;
  scroller(): Scroller | null;
  // Distance from the top of the scroller's content to the list.
  margin: number;
  // Keep the item being read in place when the list changes (false at the top, where new items show).
  holdReading: boolean;
  // An item kept rendered wherever it is (the focused one, so focus is not lost).
  pinned: number | null;
  // Whether an item's row is in the page now.
  mounted(key: string): boolean;
  // Render the whole window now. Otherwise rows that would be new in the screen above or below
  // the visible one wait (`onDeferred` is called): a jump then mounts one screenful per task.
  complete: boolean;
  onDeferred(): void;
  onChange(): void;
}

// Where the reader was: an item and its distance from the top of the viewport.
export interface Anchor {
  key: string;
  offset: number;
}

// What a list needs to come back exactly as it was (back/forward): its heights and the reader's place.
export interface KeptLayout {
  sizes: Map<string, number>;
  anchor: Anchor | null;
}

// What VirtualList.vue offers its parent (through a template ref).
export interface VirtualListHandle {
  // Within a few pixels of the top: new items may appear without moving anything.
  readonly atTop: boolean;
  toTop(): void;
  // Scrolls an item into view, rendering it first if it is not; resolves to its row element.
  reveal(index: number): Promise<HTMLElement | null>;
  // The first item whose bottom is below the viewport's top.
  readingIndex(): number;
  // The items on screen now (at least partly), top to bottom.
  visibleIndexes(): number[];
  // The index of the item holding `el`, or -1.
  indexOf(el: Element | null): number;
  layout(): KeptLayout;
  adopt(kept: KeptLayout): void;
}

interface Extent {
  start: number;
  end: number;
}

// What to render: the visible items and the pinned one always; of the screen above and below,
// what is already rendered, or all of it when `complete`. Says whether anything was held back.
export function renderWindow(
  range: Range,
  itemAt: (index: number) => Extent,
  screen: number,
  spec: Pick<ListSpec, 'pinned' | 'keyAt' | 'mounted' | 'complete'>,
): { indexes: number[]; deferred: boolean } {
  const all = aroundViewport(range, itemAt, screen, spec.pinned);
  if (spec.complete) return { indexes: all, deferred: false };
  const indexes = all.filter(
    (i) => (i >= range.startIndex && i <= range.endIndex) || i === spec.pinned || spec.mounted(spec.keyAt(i)),
  );
  return { indexes, deferred: indexes.length < all.length };
}

// The visible items plus about a screen above and below, and the pinned one.
export function aroundViewport(range: Range, itemAt: (index: number) => Extent, screen: number, pinned: number | null): number[] {
  const indexes: number[] = [];
  if (range.count > 0 && range.endIndex >= range.startIndex) {
    let first = range.startIndex;
    let last = Math.min(range.endIndex, range.count - 1);
    const top = itemAt(first).start - screen;
    while (first > 0 && itemAt(first - 1).end > top) first--;
    const bottom = itemAt(last).end + screen;
    while (last < range.count - 1 && itemAt(last + 1).start < bottom) last++;
    for (let i = first; i <= last; i++) indexes.push(i);
  }
  if (pinned !== null && pinned >= 0 && pinned < range.count && !indexes.includes(pinned)) {
    indexes.push(pinned);
    indexes.sort((a, b) => a - b);
  }
  return indexes;
}

function isWindow(scroller: Scroller | null): scroller is Window {
  return scroller !== null && 'document' in scroller;
}

export function listOptions(spec: ListSpec, self: () => ListVirtualizer | null): VirtualizerOptions<Scroller, HTMLElement> {
  const scroller = spec.scroller();
  const windowed = scroller === null || isWindow(scroller);
  const screen = () => self()?.scrollRect?.height ?? (typeof innerHeight === 'number' ? innerHeight : 800);
  return {
    count: spec.count,
    getScrollElement: () => spec.scroller(),
    estimateSize: () => spec.estimate,
    getItemKey: (index) => spec.keyAt(index),
    scrollMargin: spec.margin,
    anchorTo: spec.holdReading ? 'end' : 'start',
    rangeExtractor: (range) =>
      aroundViewport(range, (i) => self()?.measurementsCache[i] ?? { start: 0, end: 0 }, screen(), spec.pinned),
    onChange: () => spec.onChange(),
    // Sizes come from the ResizeObserver only (it reports before the frame is painted). Reading
    // offsetHeight as each row is patched in would force a layout per row.
    measureElement: (el, entry, v) => {
      const box = entry?.borderBoxSize[0];
      // A hidden column (behind a deck tab) reports 0: keep the size it had.
      if (box && box.blockSize > 0) return Math.round(box.blockSize);
      return v.measurementsCache[v.indexFromElement(el)]?.size ?? spec.estimate;
    },
    ...(windowed
      ? {
          observeElementRect: observeWindowRect as VirtualizerOptions<Scroller, HTMLElement>['observeElementRect'],
          observeElementOffset: observeWindowOffset as VirtualizerOptions<Scroller, HTMLElement>['observeElementOffset'],
          scrollToFn: windowScroll as VirtualizerOptions<Scroller, HTMLElement>['scrollToFn'],
          initialOffset: () => (typeof scrollY === 'number' ? scrollY : 0),
        }
      : {
          observeElementRect: observeElementRect as VirtualizerOptions<Scroller, HTMLElement>['observeElementRect'],
          observeElementOffset: observeElementOffset as VirtualizerOptions<Scroller, HTMLElement>['observeElementOffset'],
          scrollToFn: elementScroll as VirtualizerOptions<Scroller, HTMLElement>['scrollToFn'],
          initialOffset: () => (scroller instanceof HTMLElement ? scroller.scrollTop : 0),
        }),
  };
}

export function createListVirtualizer(spec: ListSpec): ListVirtualizer {
  let instance: ListVirtualizer | null = null;
  instance = new Virtualizer(listOptions(spec, () => instance));
  return instance;
}

export function updateListVirtualizer(v: ListVirtualizer, spec: ListSpec): void {
  v.setOptions(listOptions(spec, () => v));
}

// Sizes of keys no longer listed are dropped, so a long session does not pile them up.
export function forgetUnlisted(v: ListVirtualizer, count: number, keyAt: (index: number) => string): void {
  if (v.itemSizeCache.size <= count * 2 + 50) return;
  const listed = new Set<string>();
  for (let i = 0; i < count; i++) listed.add(keyAt(i));
  for (const key of [...v.itemSizeCache.keys()]) if (!listed.has(String(key))) v.itemSizeCache.delete(key);
}

// The item under the viewport's top and a few after it, where they are now.
export function readingItems(v: ListVirtualizer, count = 5): Array<{ key: string; start: number }> {
  const first = v.getVirtualItemForOffset(v.scrollOffset ?? 0);
  if (!first) return [];
  const items: Array<{ key: string; start: number }> = [];
  for (let i = first.index; i < first.index + count && i < v.options.count; i++) {
    const item = v.measurementsCache[i];
    if (item) items.push({ key: String(item.key), start: item.start });
  }
  return items;
}

// The virtualizer keeps the item under the viewport's top in place by its key; when that very
// item left the list (deleted), the next one still listed is kept in place instead. Returns the
// scroll that does it (0 when the virtualizer's own anchoring applied, or nothing survived).
export function survivorShift(
  v: ListVirtualizer,
  reading: ReadonlyArray<{ key: string; start: number }>,
  spec: ListSpec,
): number {
  const [first] = reading;
  if (!first) return 0;
  const index = new Map<string, number>();
  for (let i = 0; i < spec.count; i++) index.set(spec.keyAt(i), i);
  if (index.has(first.key)) return 0;
  for (const item of reading) {
    const at = index.get(item.key);
    const now = at === undefined ? undefined : v.measurementsCache[at];
    if (!now) continue;
    const delta = now.start - item.start;
    return Math.abs(delta) >= 1 ? delta : 0;
  }
  return 0;
}
