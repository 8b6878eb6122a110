// Which observed notes are captured. A note already in view when it appears is captured at
// once; one that scrolls into view, once it has stayed there for a moment, so a fling past it
// sends nothing at all. It is released a grace period after
// it leaves the view, so scrolling back and forth does not churn, but at once when it is far
// away (the reader will not be back soon, and the open captures stay about a screenful).

export const CAPTURE_DWELL_MS = 120;
export const RELEASE_GRACE_MS = 1000;

export interface CaptureSink {
  capture(noteId: string): void;
  release(noteId: string): void;
  // Guests do not capture.
  enabled(): boolean;
}

export interface CaptureTiming {
  dwellMs: number;
  graceMs: number;
}

interface Tracked {
  ids: string[];
  // Not reported on yet: the first report says whether it appeared in view.
  fresh: boolean;
  visible: boolean;
  captured: string[];
  timer: ReturnType<typeof setTimeout> | null;
}

export class CaptureTracker<K> {
  private readonly tracked = new Map<K, Tracked>();
  private readonly timing: CaptureTiming;

  constructor(
    private readonly sink: CaptureSink,
    timing: Partial<CaptureTiming> = {},
  ) {
    this.timing = { dwellMs: CAPTURE_DWELL_MS, graceMs: RELEASE_GRACE_MS, ...timing };
  }

  get size(): number {
    return this.tracked.size;
  }

  track(key: K, ids: string[]): void {
    this.tracked.set(key, { ids, fresh: true, visible: false, captured: [], timer: null });
  }

  // A note whose ids change (its renote target loaded, say) swaps its captures at once.
  setIds(key: K, ids: string[]): void {
    const t = this.tracked.get(key);
    if (!t || sameIds(t.ids, ids)) return;
    t.ids = ids;
    if (t.captured.length) {
      this.releaseNow(t);
      this.captureNow(t);
    }
  }

  untrack(key: K): void {
    const t = this.tracked.get(key);
    if (!t) return;
    this.releaseNow(t);
    this.tracked.delete(key);
  }

  // In view (with the observer's margin) or not.
  setVisible(key: K, visible: boolean): void {
    const t = this.tracked.get(key);
    if (!t) return;
    const appeared = t.fresh;
    t.fresh = false;
    if (t.visible === visible) return;
    t.visible = visible;
    this.stopTimer(t);
    if (visible && !t.captured.length && appeared) {
      this.captureNow(t);
    } else if (visible && !t.captured.length) {
      t.timer = setTimeout(() => {
        t.timer = null;
        if (t.visible) this.captureNow(t);
      }, this.timing.dwellMs);
    } else if (!visible && t.captured.length) {
      t.timer = setTimeout(() => {
        t.timer = null;
        if (!t.visible) this.releaseNow(t);
      }, this.timing.graceMs);
    }
  }

  // Farther than the grace zone: released now, whatever its timer says.
  setFar(key: K): void {
    const t = this.tracked.get(key);
    if (!t) return;
    t.fresh = false;
    t.visible = false;
    this.releaseNow(t);
  }

  private stopTimer(t: Tracked): void {
    if (t.timer !== null) clearTimeout(t.timer);
    t.timer = null;
  }

  private captureNow(t: Tracked): void {
    if (t.captured.length || !this.sink.enabled()) return;
    t.captured = [...t.ids];
    t.captured.forEach((id) => this.sink.capture(id));
  }

  private releaseNow(t: Tracked): void {
    this.stopTimer(t);
    t.captured.forEach((id) => this.sink.release(id));
    t.captured = [];
  }
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
