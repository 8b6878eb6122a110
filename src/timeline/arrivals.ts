// Streamed notes are collected and handed over once per animation frame: one layout per frame,
// never one per note.
export class FrameBatcher<T> {
  private buffer: T[] = [];
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly flush: (batch: T[]) => void,
    private readonly schedule: (run: () => void) => void = (run) => requestAnimationFrame(run),
  ) {}

  push(item: T): void {
    if (this.stopped) return;
    this.buffer.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      if (this.stopped) return;
      const batch = this.buffer;
      this.buffer = [];
      if (batch.length) this.flush(batch);
    });
  }

  stop(): void {
    this.stopped = true;
    this.buffer = [];
  }
}

// Above this many notes per second nobody can read along: show a counter instead.
export const READABLE_PER_SECOND = 10;

// Counts arrivals over the last second.
export class RateMeter {
  private stamps: number[] = [];

  record(count: number, now: number): void {
    for (let i = 0; i < count; i++) this.stamps.push(now);
    this.prune(now);
  }

  perSecond(now: number): number {
    this.prune(now);
    return this.stamps.length;
  }

  private prune(now: number): void {
    const from = now - 1000;
    let cut = 0;
    while (cut < this.stamps.length && (this.stamps[cut] ?? 0) <= from) cut++;
    if (cut) this.stamps = this.stamps.slice(cut);
  }
}
