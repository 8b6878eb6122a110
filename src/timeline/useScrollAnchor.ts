import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import type { Anchor } from './useReadingPosition';
import { anchorShift, type PlacedItem } from './anchorShift';

// Within this many pixels of the top the reader counts as "at the top" (new notes appear).
const TOP_SLACK_PX = 16;
// Items measured from the viewport's top down: when the first one is removed (deleted), the
// next one still present is held in place instead.
const ANCHOR_CANDIDATES = 5;

// Keeps the item the reader is looking at still while anything above it changes size
// (notes inserted, images loading, custom emoji, off-screen notes rendered for real) and while
// the list itself changes (`measure` before the DOM is patched, `compensate` after: a trim at the
// top when paging down removes thousands of pixels that no resize would report).
// Done by hand, with the browser's own overflow-anchor off, so that every browser behaves alike.
export function useScrollAnchor(list: Ref<HTMLElement | null>, root: Ref<HTMLElement | null>) {
  const atTop = ref(true);
  let anchors: PlacedItem[] = [];
  let frame = 0;
  let resize: ResizeObserver | null = null;

  function items(): HTMLElement[] {
    return list.value ? [...list.value.querySelectorAll<HTMLElement>(':scope > [data-item-id]')] : [];
  }

  // The first item whose bottom is below the viewport's top (items are in vertical order).
  function firstVisible(): HTMLElement | null {
    const all = items();
    let lo = 0;
    let hi = all.length - 1;
    let found: HTMLElement | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const el = all[mid] as HTMLElement;
      if (el.getBoundingClientRect().bottom > 0) {
        found = el;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return found;
  }

  function measure(): void {
    atTop.value = window.scrollY <= TOP_SLACK_PX;
    anchors = [];
    for (let el: Element | null = firstVisible(); el && anchors.length < ANCHOR_CANDIDATES; el = el.nextElementSibling) {
      if (el instanceof HTMLElement && el.dataset.itemId)
        anchors.push({ id: el.dataset.itemId, top: el.getBoundingClientRect().top });
    }
  }

  function find(id: string): HTMLElement | null {
    return list.value?.querySelector<HTMLElement>(`:scope > [data-item-id="${CSS.escape(id)}"]`) ?? null;
  }

  function compensate(): void {
    if (atTop.value) return;
    const delta = anchorShift(anchors, (id) => find(id)?.getBoundingClientRect().top ?? null);
    if (delta) window.scrollBy(0, delta);
    measure();
  }

  function onScroll(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      measure();
    });
  }

  function current(): Anchor | null {
    measure();
    const [anchor] = anchors;
    return anchor && !atTop.value ? { id: anchor.id, offset: anchor.top } : null;
  }

  // Puts an item back at the distance from the top it had when the reader left.
  function restore(at: Anchor): void {
    const el = find(at.id);
    if (!el) return;
    window.scrollBy(0, el.getBoundingClientRect().top - at.offset);
    measure();
  }

  function toTop(): void {
    window.scrollTo({ top: 0 });
    measure();
  }

  onMounted(() => {
    window.addEventListener('scroll', onScroll, { passive: true });
    resize = new ResizeObserver(compensate);
    // The whole timeline: a status line above the list moves the list as much as a note does.
    if (root.value) resize.observe(root.value);
    measure();
  });
  onBeforeUnmount(() => {
    window.removeEventListener('scroll', onScroll);
    resize?.disconnect();
    if (frame) cancelAnimationFrame(frame);
  });

  return { atTop, current, restore, toTop, measure, compensate };
}
