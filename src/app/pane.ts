// Where a feed is shown. On its own page it is on screen and the keyboard is its; in the deck, a
// column scrolled out of sight or behind another tab is not on screen (its new notes wait behind a
// counter instead of being rendered), and only the focused column answers j / k.
import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue';

export interface Pane {
  onScreen: ComputedRef<boolean>;
  hasKeyboard: ComputedRef<boolean>;
  // How many new notes wait behind the pane's counter (a deck tab shows it).
  reportNew(count: number): void;
}

const PANE: InjectionKey<Pane> = Symbol('pane');
const WHOLE_PAGE: Pane = { onScreen: computed(() => true), hasKeyboard: computed(() => true), reportNew: () => {} };

export function providePane(pane: Pane): void {
  provide(PANE, pane);
}

export function usePane(): Pane {
  return inject(PANE, WHOLE_PAGE);
}

/** The element that scrolls `el` (a deck column's body), or null for the window. */
export function scrollerOf(el: Element | null): HTMLElement | null {
  return el?.closest<HTMLElement>('[data-scroller]') ?? null;
}
