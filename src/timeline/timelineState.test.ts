import { describe, expect, it } from 'vitest';
import { TimelineState, type Holder } from './timelineState';

function counting() {
  const held = new Map<string, number>();
  const holder: Holder = {
    hold: (ids) => ids.forEach((id) => held.set(id, (held.get(id) ?? 0) + 1)),
    drop: (ids) =>
      ids.forEach((id) => {
        const n = held.get(id) ?? 0;
        if (n <= 0) throw new Error(`dropped ${id} that was not held`);
        if (n === 1) held.delete(id);
        else held.set(id, n - 1);
      }),
  };
  return { holder, held };
}

const ids = (s: TimelineState) => s.items.map((i) => i.id);

describe('TimelineState', () => {
  it('shows live notes on top and holds each id once', () => {
    const { holder, held } = counting();
    const s = new TimelineState(holder, 10);
    s.addOlder(['a03', 'a02', 'a01']);
    s.arrive(['a04', 'a05', 'a04'], true);
    expect(ids(s)).toEqual(['a05', 'a04', 'a03', 'a02', 'a01']);
    expect([...held.values()].every((n) => n === 1)).toBe(true);
    expect(held.size).toBe(5);
  });

  it('queues notes when not live and shows them on flush', () => {
    const { holder } = counting();
    const s = new TimelineState(holder, 10);
    s.addOlder(['a02', 'a01']);
    s.arrive(['a03'], false);
    s.arrive(['a04', 'a03'], false);
    expect(ids(s)).toEqual(['a02', 'a01']);
    expect(s.pending).toEqual(['a04', 'a03']);
    expect(s.newestId()).toBe('a04');
    s.flushPending();
    expect(ids(s)).toEqual(['a04', 'a03', 'a02', 'a01']);
    expect(s.pending).toEqual([]);
  });

  it('a live arrival also shows what was queued', () => {
    const { holder } = counting();
    const s = new TimelineState(holder, 10);
    s.arrive(['a01'], false);
    s.arrive(['a02'], true);
    expect(ids(s)).toEqual(['a02', 'a01']);
  });

  it('keeps at most `cap` notes, dropping (and releasing) the oldest', () => {
    const { holder, held } = counting();
    const s = new TimelineState(holder, 3);
    for (let i = 1; i <= 50; i++) s.arrive([`a${String(i).padStart(2, '0')}`], true);
    expect(ids(s)).toEqual(['a50', 'a49', 'a48']);
    expect([...held.keys()].sort()).toEqual(['a48', 'a49', 'a50']);
  });

  it('caps the queue as well', () => {
    const { holder, held } = counting();
    const s = new TimelineState(holder, 3);
    s.arrive(['a01', 'a02', 'a03', 'a04', 'a05'], false);
    expect(s.pending).toEqual(['a05', 'a04', 'a03']);
    expect(held.size).toBe(3);
  });

  it('keeps the list longer than the queue, and marks what an overflowing queue let go', () => {
    const { holder } = counting();
    const s = new TimelineState(holder, 10, 2);
    s.addOlder(['a02', 'a01']);
    s.arrive(['a03', 'a04', 'a05'], false);
    expect(s.pending).toEqual(['a05', 'a04']);
    s.flushPending();
    // a03 left the queue: a gap above a02 says notes newer than it are missing.
    expect(ids(s)).toEqual(['a05', 'a04', 'gap:a02', 'a02', 'a01']);
    s.arrive(['a06'], false);
    s.flushPending();
    expect(ids(s)).toEqual(['a06', 'a05', 'a04', 'gap:a02', 'a02', 'a01']);
  });

  it('paging down past the cap drops the newest and leaves a gap on top', () => {
    const { holder, held } = counting();
    const s = new TimelineState(holder, 3);
    s.addOlder(['a06', 'a05', 'a04']);
    s.arrive(['a07'], false);
    s.addOlder(['a03', 'a02']);
    expect(ids(s)).toEqual(['gap:a04', 'a04', 'a03', 'a02']);
    expect(s.pending).toEqual([]);
    expect(held.size).toBe(3);
  });

  it('removes deleted notes from the list and the queue', () => {
    const { holder, held } = counting();
    const s = new TimelineState(holder, 10);
    s.addOlder(['a02', 'a01']);
    s.arrive(['a03'], false);
    s.remove((id) => id === 'a01' || id === 'a03');
    expect(ids(s)).toEqual(['a02']);
    expect(s.pending).toEqual([]);
    expect([...held.keys()]).toEqual(['a02']);
  });

  it('clear releases everything', () => {
    const { holder, held } = counting();
    const s = new TimelineState(holder, 10);
    s.addOlder(['a02', 'a01']);
    s.arrive(['a03'], false);
    s.addGap('a02');
    s.clear();
    expect(held.size).toBe(0);
    expect(s.items).toEqual([]);
  });

  it('hands its list over with the holds and can adopt one', () => {
    const { holder, held } = counting();
    const a = new TimelineState(holder, 10);
    a.addOlder(['a02', 'a01']);
    a.arrive(['a03'], false);
    const kept = a.detach();
    expect([...held.keys()].sort()).toEqual(['a01', 'a02']);
    const b = new TimelineState(holder, 10);
    b.adopt(kept);
    expect(ids(b)).toEqual(['a02', 'a01']);
    b.clear();
    expect(held.size).toBe(0);
  });
});
