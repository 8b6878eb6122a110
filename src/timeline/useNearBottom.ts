import { onBeforeUnmount, onMounted, type Ref } from 'vue';

const MARGIN_PX = 800;

// Calls `onNear` when `sentinel` comes within MARGIN_PX of the viewport (older pages load early).
// `check()` asks again after a load, since a short page can leave the sentinel in range.
export function useNearBottom(sentinel: Ref<HTMLElement | null>, onNear: () => void) {
  let observer: IntersectionObserver | null = null;

  function check(): void {
    const el = sentinel.value;
    if (el && el.getBoundingClientRect().top < window.innerHeight + MARGIN_PX) onNear();
  }

  onMounted(() => {
    if (!sentinel.value || typeof IntersectionObserver === 'undefined') return;
    observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onNear();
      },
      { rootMargin: `0px 0px ${MARGIN_PX}px 0px` },
    );
    observer.observe(sentinel.value);
  });
  onBeforeUnmount(() => observer?.disconnect());

  return { check };
}
