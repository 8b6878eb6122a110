import {
  gapItem,
  mergeItems,
  newestNoteId,
  noteItem,
  oldestNoteId,
  removeNotes,
  trimNewest,
  trimOldest,
  type TimelineItem,
} from './timelineList';

export interface Holder {
  // Called once for each note id entering the timeline (list or queue), once for each leaving.
  hold(ids: string[]): void;
  drop(ids: string[]): void;
}

// Notes kept per timeline, scrollable back without a refetch (only those near the viewport are
// rendered); a long session stays bounded whatever the stream rate.
export const DEFAULT_CAP = 1000;
// New notes held behind the "N new notes" button; past this the oldest of them leave, and a gap
// marks where they were.
export const QUEUE_CAP = 300;

// What a timeline holds: the rendered list and the queue of new notes waiting behind the
// "N new notes" button. Every id is held in the note store exactly while it is in either.
export class TimelineState {
  items: TimelineItem[] = [];
  pending: string[] = [];
  // The queue has let go of some of its oldest notes: they are missing below it once shown.
  private queueCut = false;

  constructor(
    private readonly holder: Holder,
    private readonly cap = DEFAULT_CAP,
    private readonly queueCap = Math.min(cap, QUEUE_CAP),
  ) {}

  private held(): Set<string> {
    const ids = new Set(this.pending);
    for (const i of this.items) if (i.kind === 'note') ids.add(i.id);
    return ids;
  }

  private hold(ids: string[]): void {
    if (ids.length) this.holder.hold(ids);
  }

  private drop(ids: string[]): void {
    if (ids.length) this.holder.drop(ids);
  }

  has(id: string): boolean {
    return this.pending.includes(id) || this.items.some((i) => i.id === id);
  }

  newestId(): string | null {
    const top = newestNoteId(this.items);
    return this.pending.reduce<string | null>((max, id) => (max === null || id > max ? id : max), top);
  }

  oldestId(): string | null {
    return oldestNoteId(this.items);
  }

  clear(): void {
    this.drop([...this.held()]);
    this.items = [];
    this.pending = [];
    this.queueCut = false;
  }

  // Takes over a list whose notes are already held (a kept reading position).
  adopt(items: TimelineItem[]): void {
    this.clear();
    this.items = items;
  }

  // Hands the list over with its holds (the queue is released: a catch-up reloads it).
  detach(): TimelineItem[] {
    const items = this.items;
    this.items = [];
    this.drop(this.pending);
    this.pending = [];
    this.queueCut = false;
    return items;
  }

  // New notes on top: shown at once when `live`, otherwise queued (newest first, capped).
  // Returns the queued notes this showed (they may have changed while they waited).
  arrive(ids: string[], live: boolean): string[] {
    const known = this.held();
    const fresh = [...new Set(ids)].filter((id) => !known.has(id));
    this.hold(fresh);
    if (live) {
      const queued = this.pending;
      this.pending = [];
      this.markQueueCut();
      this.show([...queued, ...fresh]);
      return queued;
    }
    const queue = [...fresh, ...this.pending].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    const overflow = queue.slice(this.queueCap);
    if (overflow.length) this.queueCut = true;
    this.drop(overflow);
    this.pending = queue.slice(0, this.queueCap);
    return [];
  }

  // Before the queue is shown: a gap above the list's newest note stands for what the queue let go.
  private markQueueCut(): void {
    if (!this.queueCut) return;
    this.queueCut = false;
    const top = newestNoteId(this.items);
    if (top) this.addGap(top);
  }

  // Notes loaded into a gap: straight into the list, the queue left as it is.
  insert(ids: string[]): void {
    const known = this.held();
    const fresh = [...new Set(ids)].filter((id) => !known.has(id));
    this.hold(fresh);
    this.show(fresh);
  }

  // Shows the queue; returns what it showed.
  flushPending(): string[] {
    const queued = this.pending;
    this.pending = [];
    this.markQueueCut();
    if (queued.length) this.show(queued);
    return queued;
  }

  private show(ids: string[]): void {
    const merged = mergeItems(this.items, ids.map(noteItem));
    const trimmed = trimOldest(merged.items, this.cap);
    this.items = trimmed.items;
    this.drop(trimmed.dropped);
  }

  // Older notes at the bottom (paging down); past the cap the newest leave and a gap marks them.
  addOlder(ids: string[]): void {
    const known = this.held();
    const fresh = ids.filter((id) => !known.has(id));
    this.hold(fresh);
    const merged = mergeItems(this.items, fresh.map(noteItem));
    const trimmed = trimNewest(merged.items, this.cap);
    this.items = trimmed.items;
    this.drop(trimmed.dropped);
    // Queued notes are above the dropped range: they now lie beyond the gap.
    if (trimmed.dropped.length) {
      this.drop(this.pending);
      this.pending = [];
      this.queueCut = false;
    }
  }

  addGap(sinceId: string): void {
    this.items = mergeItems(this.items, [gapItem(sinceId)]).items;
  }

  removeGap(id: string): void {
    this.items = this.items.filter((i) => i.id !== id);
  }

  remove(gone: (id: string) => boolean): void {
    const result = removeNotes(this.items, gone);
    const pendingGone = this.pending.filter(gone);
    if (pendingGone.length) this.pending = this.pending.filter((id) => !gone(id));
    this.items = result.items;
    this.drop([...result.dropped, ...pendingGone]);
  }
}
