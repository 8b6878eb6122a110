import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import { useStreamStore } from '@/stream/store';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import { currentScope } from '@/stores/scope';
import { CaptureTracker } from './captureTracker';

// Only a note actually on screen counts as visible (the list renders more, a screen either way).
const ROOT_MARGIN = '0px';
// Past a screen's height away a note is released without waiting for the grace period.
const FAR_MARGIN = '100% 0px';

interface Observers {
  observe(el: Element): void;
  unobserve(el: Element): void;
}

interface Shared {
  tracker: CaptureTracker<Element>;
  observer: Observers;
}

// Two IntersectionObservers (in view, not far) and one tracker for the notes of each account
// scope on the page (a deck column of another account captures on that account's socket).
const byScope = new Map<string, Shared>();

function shared(scope: string): Shared {
  let found = byScope.get(scope);
  if (!found) {
    const stream = useStreamStore(scope);
    const session = useSessionStore(scope);
    const notes = useNotesStore(scope);
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
    found = {
      tracker: t,
      observer: {
        observe(el) {
          near.observe(el);
          far.observe(el);
        },
        unobserve(el) {
          near.unobserve(el);
          far.unobserve(el);
        },
      },
    };
    byScope.set(scope, found);
  }
  return found;
}

/** Forgets a scope's observers (its account's last column is gone). */
export function forgetVisibility(scope: string): void {
  byScope.delete(scope);
}

// Captures `ids` (the appear note, and a pure renote's wrapper) while `el` is on screen.
export function useNoteVisibility(el: Ref<HTMLElement | null>, ids: Ref<string[]>): void {
  if (typeof IntersectionObserver === 'undefined') return;
  const scope = currentScope();
  let current: HTMLElement | null = null;

  function detach(): void {
    if (!current) return;
    const { tracker: t, observer: o } = shared(scope);
    o.unobserve(current);
    t.untrack(current);
    current = null;
  }

  function attach(next: HTMLElement | null): void {
    if (next === current) return;
    detach();
    if (!next) return;
    const { tracker: t, observer: o } = shared(scope);
    t.track(next, ids.value);
    o.observe(next);
    current = next;
  }

  onMounted(() => attach(el.value));
  watch(el, attach, { flush: 'post' });
  watch(ids, (next) => {
    if (current) shared(scope).tracker.setIds(current, next);
  });
  onBeforeUnmount(detach);
}
