import { computed, onBeforeUnmount, onMounted, shallowRef } from 'vue';
import { isPageKey } from '@/app/hotkeys';

// `n` opens a compose dialog from any page: the layout's, or while a page with a dialog of its own
// is shown (the deck's asks which account posts), that page's.
const pageComposer = shallowRef<(() => void) | null>(null);

/** The layout's side: `n` calls `open` when `enabled()`, unless a page took it over. */
export function useComposeKey(open: () => void, enabled: () => boolean) {
  function onKey(e: KeyboardEvent): void {
    if (e.key !== 'n' || !isPageKey(e) || !enabled()) return;
    e.preventDefault();
    (pageComposer.value ?? open)();
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
  return { pageHasComposer: computed(() => pageComposer.value !== null) };
}

/** A page whose own compose dialog answers `n` while it is mounted. */
export function usePageComposer(open: () => void): void {
  onMounted(() => (pageComposer.value = open));
  onBeforeUnmount(() => {
    if (pageComposer.value === open) pageComposer.value = null;
  });
}
