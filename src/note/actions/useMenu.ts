// A small disclosure menu: opens under its button, closes on Escape, on a click elsewhere, or on demand.
import { nextTick, onScopeDispose, ref, useId, watch } from 'vue';

// Bind `root` to the element holding button and menu, `trigger` to the button, `id` to the menu.
export function useMenu() {
  const root = ref<HTMLElement | null>(null);
  const trigger = ref<HTMLButtonElement | null>(null);
  const id = `menu-${useId()}`;
  const open = ref(false);

  function close(returnFocus = false): void {
    open.value = false;
    if (returnFocus) trigger.value?.focus();
  }

  function toggle(): void {
    open.value = !open.value;
    // Keyboard users land on the first item.
    if (open.value) void nextTick(() => root.value?.querySelector<HTMLElement>('.note-menu > button')?.focus());
  }

  function onPointerDown(ev: PointerEvent): void {
    if (!root.value?.contains(ev.target as Node)) close();
  }

  function onKeyDown(ev: KeyboardEvent): void {
    // An open modal inside the menu (compose, confirm) handles its own Escape.
    if (ev.key === 'Escape' && !root.value?.querySelector('dialog[open]')) close(true);
  }

  watch(open, (isOpen) => {
    if (isOpen) {
      document.addEventListener('pointerdown', onPointerDown, true);
      document.addEventListener('keydown', onKeyDown);
    } else {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
    }
  });
  onScopeDispose(() => close());

  return { root, trigger, id, open, toggle, close };
}
