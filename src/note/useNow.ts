import { onScopeDispose, ref, type Ref } from 'vue';

// One timer for every relative time on screen; it runs only while someone shows one.
const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;

export const NOW_TICK_MS = 15_000;

export function useNow(): Readonly<Ref<number>> {
  users++;
  if (timer === null) {
    now.value = Date.now();
    timer = setInterval(() => {
      now.value = Date.now();
    }, NOW_TICK_MS);
  }
  onScopeDispose(() => {
    users--;
    if (users === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  });
  return now;
}
