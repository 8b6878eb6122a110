import { onBeforeUnmount, onMounted, type Ref } from 'vue';
import { scrollerOf } from '@/app/pane';

const MARGIN_PX = 800;

// Calls `onNear` when `sentinel` comes within MARGIN_PX of the bottom of what scrolls it (the
// window, or a deck column): older pages load early. `check()` asks again after a load, since a
// short page can leave the sentinel in range.
export function useNearBottom(sentinel: Ref<HTMLElement | null>, onNear: () => void) {
  let observer: IntersectionObserver | null = null;
  let root: HTMLElement | null = null;

  function check(): void {
    const el = sentinel.value;
    // Not laid out (a deck column behind another tab): nothing is near anything.
    if (!el || el.getClientRects().length === 0) return;
    const bottom = root ? root.getBoundingClientRect().bottom : window.innerHeight;
    if (el.getBoundingClientRect().top < bottom + MARGIN_PX) onNear();
  }

  onMounted(() => {
    if (!sentinel.value || typeof IntersectionObserver === 'undefined') return;
    root = scrollerOf(sentinel.value);
    observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onNear();
      },
      { root, rootMargin: `0px 0px ${MARGIN_PX}px 0px` },
    );
    observer.observe(sentinel.value);
  });
  onBeforeUnmount(() => observer?.disconnect());

  return { check };
}
