// Which observed notes are captured: captured on entering the viewport (plus margin), released
// a grace period after leaving, so a fast scroll past a note sends nothing at all.

export const RELEASE_GRACE_MS = 1000;

export interface CaptureSink {
  capture(noteId: string): void;
  release(noteId: string): void;
  // Guests do not capture.
  enabled(): boolean;
}

interface Tracked {
  ids: string[];
  visible: boolean;
  captured: string[];
  releaseTimer: ReturnType<typeof setTimeout> | null;
}

export class CaptureTracker<K> {
  private readonly tracked = new Map<K, Tracked>();

  constructor(
    private readonly sink: CaptureSink,
    private readonly graceMs = RELEASE_GRACE_MS,
  ) {}

  get size(): number {
    return this.tracked.size;
  }

  track(key: K, ids: string[]): void {
    this.tracked.set(key, { ids, visible: false, captured: [], releaseTimer: null });
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

  setVisible(key: K, visible: boolean): void {
    const t = this.tracked.get(key);
    if (!t || t.visible === visible) return;
    t.visible = visible;
    if (visible) {
      this.captureNow(t);
    } else if (t.captured.length && t.releaseTimer === null) {
      t.releaseTimer = setTimeout(() => {
        t.releaseTimer = null;
        if (!t.visible) this.releaseNow(t);
      }, this.graceMs);
    }
  }

  private captureNow(t: Tracked): void {
    if (t.releaseTimer !== null) {
      clearTimeout(t.releaseTimer);
      t.releaseTimer = null;
    }
    if (t.captured.length || !this.sink.enabled()) return;
    t.captured = [...t.ids];
    t.captured.forEach((id) => this.sink.capture(id));
  }

  private releaseNow(t: Tracked): void {
    if (t.releaseTimer !== null) {
      clearTimeout(t.releaseTimer);
      t.releaseTimer = null;
    }
    t.captured.forEach((id) => this.sink.release(id));
    t.captured = [];
  }
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
