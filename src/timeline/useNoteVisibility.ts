import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import { useStreamStore } from '@/stream/store';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import { CaptureTracker } from './captureTracker';

// Only a note actually on screen counts as visible (the list renders more, a screen either way).
const ROOT_MARGIN = '0px';
// Past a screen's height away a note is released without waiting for the grace period.
const FAR_MARGIN = '100% 0px';

interface Observers {
  observe(el: Element): void;
  unobserve(el: Element): void;
}

let tracker: CaptureTracker<Element> | null = null;
let observer: Observers | null = null;

// Two IntersectionObservers (in view, not far) and one tracker for every note on the page.
function shared(): { tracker: CaptureTracker<Element>; observer: Observers } {
  if (!tracker || !observer) {
    const stream = useStreamStore();
    const session = useSessionStore();
    const notes = useNotesStore();
    // A note that mentions the reader, or is addressed to them, is read by being seen (`sr`).
    const addressedToMe = (id: string): boolean => {
      const me = session.me?.id;
      const note = notes.get(id);
      return !!me && !!note && note.userId !== me && (!!note.mentions?.includes(me) || !!note.visibleUserIds?.includes(me));
    };
    const t = new CaptureTracker<Element>({
      capture: (id) => stream.capture(id, addressedToMe(id)),
      release: (id) => stream.release(id),
      enabled: () => session.me != null,
    });
    const near = new IntersectionObserver((entries) => entries.forEach((e) => t.setVisible(e.target, e.isIntersecting)), {
      rootMargin: ROOT_MARGIN,
    });
    const far = new IntersectionObserver((entries) => entries.forEach((e) => e.isIntersecting || t.setFar(e.target)), {
      rootMargin: FAR_MARGIN,
    });
    observer = {
      observe(el) {
        near.observe(el);
        far.observe(el);
      },
      unobserve(el) {
        near.unobserve(el);
        far.unobserve(el);
      },
    };
    tracker = t;
  }
  return { tracker, observer };
}

// Captures `ids` (the appear note, and a pure renote's wrapper) while `el` is on screen.
export function useNoteVisibility(el: Ref<HTMLElement | null>, ids: Ref<string[]>): void {
  if (typeof IntersectionObserver === 'undefined') return;
  let current: HTMLElement | null = null;

  function detach(): void {
    if (!current) return;
    const { tracker: t, observer: o } = shared();
    o.unobserve(current);
    t.untrack(current);
    current = null;
  }

  function attach(next: HTMLElement | null): void {
    if (next === current) return;
    detach();
    if (!next) return;
    const { tracker: t, observer: o } = shared();
    t.track(next, ids.value);
    o.observe(next);
    current = next;
  }

  onMounted(() => attach(el.value));
  watch(el, attach, { flush: 'post' });
  watch(ids, (next) => {
    if (current) shared().tracker.setIds(current, next);
  });
  onBeforeUnmount(detach);
}
