import { nextTick } from 'vue';

// Work handed to the next animation frames, shared by every list on screen: a deck of six
// streaming columns would otherwise render all six batches in one frame (one long task). Each
// frame runs jobs in turn, each followed by the render it causes, until the budget is spent;
// the rest waits for the next frame. At least one job runs per frame, so none starves.
export class FrameShare {
  private jobs: Array<() => void> = [];
  private scheduled = false;

  constructor(
    private readonly budgetMs = 8,
    private readonly frame: (run: () => void) => void = (run) => requestAnimationFrame(run),
    private readonly rendered: () => Promise<void> = nextTick,
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(job: () => void): void {
    this.jobs.push(job);
    this.request();
  }

  private request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.frame(() => void this.run());
  }

  private async run(): Promise<void> {
    const start = this.now();
    do {
      try {
        this.jobs.shift()?.();
      } catch (e) {
        // One list's broken batch must not stop the others' (as a throwing frame callback would not).
        console.error(e);
      }
      await this.rendered();
    } while (this.jobs.length && this.now() - start < this.budgetMs);
    this.scheduled = false;
    if (this.jobs.length) this.request();
  }
}

export const sharedFrames = new FrameShare();

// Streamed notes are collected and handed over once per animation frame: one layout per frame,
// never one per note.
export class FrameBatcher<T> {
  private buffer: T[] = [];
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly flush: (batch: T[]) => void,
    private readonly schedule: (run: () => void) => void = (run) => sharedFrames.add(run),
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
