import { watch, type Ref } from 'vue';
import { callSafely } from './listeners';

// How often what is on screen is polled while there is no stream, and when the tab is hidden.
export const POLL_INTERVAL_MS = 15_000;
export const POLL_HIDDEN_MS = 60_000;

/**
 * The clock of polling: while `active`, its listeners are called at once (what the missing stream
 * did not bring), then every POLL_INTERVAL_MS, or POLL_HIDDEN_MS while the tab is hidden; never
 * while the browser is offline. Create it inside the store's setup (it watches `active`).
 */
export function createPoller(active: Ref<boolean>) {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;

  function stop(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function tick(): void {
    stop();
    if (!active.value) return;
    last = Date.now();
    if (navigator.onLine) for (const fn of [...listeners]) callSafely(fn, undefined);
    timer = setTimeout(tick, document.visibilityState === 'visible' ? POLL_INTERVAL_MS : POLL_HIDDEN_MS);
  }

  watch(active, (on) => (on ? tick() : stop()));

  return {
    onPoll(fn: () => void): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    // The tab is shown again: poll now if a visible tab would have by now.
    shown(): void {
      if (active.value && Date.now() - last >= POLL_INTERVAL_MS) tick();
    },
  };
}
