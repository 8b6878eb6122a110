import { onBeforeUnmount, onMounted } from 'vue';
import { isPageKey } from '@/app/hotkeys';

// h / l, and ← / → when no field has focus, move between the deck's columns (j / k stay with
// the focused column's timeline). Left alone with a modifier or under an open dialog.
export function useDeckKeys(step: (by: -1 | 1) => void): void {
  function onKey(e: KeyboardEvent): void {
    if (!isPageKey(e)) return;
    const by = e.key === 'h' || e.key === 'ArrowLeft' ? -1 : e.key === 'l' || e.key === 'ArrowRight' ? 1 : 0;
    if (!by) return;
    e.preventDefault();
    step(by);
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
