import { describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, reactive } from 'vue';
import { ApiError } from '@/api/errors';
import { usePagedFeed, type FeedCursor } from './usePagedFeed';

const session = vi.hoisted(() => ({ status: 'ready', me: { id: 'alice' } as { id: string } | null }));
const reconnected = vi.hoisted(() => new Set<() => void>());

vi.mock('@/stores/session', () => ({ useSessionStore: () => sessionState }));
vi.mock('@/stream/store', () => ({
  useStreamStore: () => ({
    onReconnected(fn: () => void) {
      reconnected.add(fn);
      return () => reconnected.delete(fn);
    },
  }),
}));
const sessionState = reactive(session);
// What is kept on the device, and the "server is back" listeners.
const device = vi.hoisted(() => ({ kept: new Map<string, { value: unknown; savedAt: number }>(), back: new Set<() => void>() }));
vi.mock('@/offline/useReadCache', () => ({
  useReadCache: () => ({
    load: async (what: string) => device.kept.get(what) ?? null,
    save: (what: string, value: unknown) => device.kept.set(what, { value, savedAt: Date.now() }),
    onServerBack: (fn: () => void) => device.back.add(fn),
  }),
}));

type Entry = { id: string };
const flush = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
  await nextTick();
};

// A server holding entries e01…eNN: untilId pages newest first, sinceId-only pages oldest first.
function feedOn(
  all: Entry[],
  { keep, offline = false, refreshHead = false }: { keep?: string; offline?: boolean; refreshHead?: boolean } = {},
) {
  const calls: FeedCursor[] = [];
  const held: string[] = [];
  let fail = offline;
  const scope = effectScope();
  const feed = scope.run(() =>
    usePagedFeed<Entry>({
      endpoint: 'i/notifications',
      async fetch(cursor, limit) {
        calls.push(cursor);
        if (fail)
          throw new ApiError({ kind: 'server-error', endpoint: 'i/notifications', message: 'Internal error', status: 500 });
        if (cursor.sinceId) return all.filter((e) => e.id > cursor.sinceId!).slice(0, limit);
        return [...all]
          .reverse()
          .filter((e) => !cursor.untilId || e.id < cursor.untilId)
          .slice(0, limit);
      },
      hold: (list) => held.push(...list.map((e) => e.id)),
      release: (list) => list.forEach((e) => held.splice(held.indexOf(e.id), 1)),
      ...(keep ? { keep } : {}),
      refreshHead,
    }),
  )!;
  return { feed, calls, held, scope, failNext: () => (fail = true), recover: () => (fail = false) };
}

const entries = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ id: `e${String(from + i).padStart(2, '0')}` }));

describe('usePagedFeed', () => {
  it('pages down, catches up after a reconnect, and lets go of everything when closed', async () => {
    const all = entries(1, 30);
    const t = feedOn(all);
    await flush();
    expect(t.feed.items.value.map((e) => e.id).slice(0, 2)).toEqual(['e30', 'e29']);
    await t.feed.loadMore();
    expect(t.feed.items.value).toHaveLength(30);
    await t.feed.loadMore();
    expect(t.feed.done.value).toBe(true);

    // Three came while the socket was down; the first live one after it is not listed twice.
    all.push(...entries(31, 34));
    reconnected.forEach((fn) => fn());
    t.feed.prepend([{ id: 'e34' }]);
    await flush();
    expect(t.calls.at(-1)).toEqual({ sinceId: 'e30' });
    expect(t.feed.items.value.map((e) => e.id).slice(0, 5)).toEqual(['e34', 'e33', 'e32', 'e31', 'e30']);
    expect(new Set(t.held).size).toBe(t.held.length);

    t.scope.stop();
    expect(t.held).toEqual([]);
    expect(reconnected.size).toBe(0);
  });

  it('with refreshHead, re-reads the newest page after a reconnect and lets it replace what it covers', async () => {
    const all = entries(1, 30);
    const t = feedOn(all, { refreshHead: true });
    await flush();
    all.push(...entries(31, 33));
    t.feed.prepend([{ id: 'e31' }]);
    reconnected.forEach((fn) => fn());
    await flush();
    expect(t.calls.at(-1)).toEqual({});
    const ids = t.feed.items.value.map((e) => e.id);
    expect(ids.slice(0, 4)).toEqual(['e33', 'e32', 'e31', 'e30']);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...t.held].sort()).toEqual([...ids].sort());
    t.scope.stop();
    expect(t.held).toEqual([]);
  });

  it('keeps what it has when a page fails, and says why', async () => {
    const t = feedOn(entries(1, 30));
    await flush();
    t.failNext();
    await t.feed.loadMore();
    expect(t.feed.error.value?.kind).toBe('server-error');
    expect(t.feed.items.value).toHaveLength(20);
    t.recover();
    await t.feed.loadMore();
    expect(t.feed.error.value).toBeNull();
    expect(t.feed.items.value).toHaveLength(30);
    t.scope.stop();
  });

  it('starts over for another account', async () => {
    const t = feedOn(entries(1, 5));
    await flush();
    expect(t.held).toHaveLength(5);
    sessionState.me = { id: 'bob' };
    await flush();
    expect(t.held).toHaveLength(5);
    expect(t.calls.filter((c) => !c.untilId && !c.sinceId)).toHaveLength(2);
    sessionState.me = { id: 'alice' };
    t.scope.stop();
  });

  it('kept entries show until the first page comes, stay marked offline, and are replaced once the server is back', async () => {
    device.kept.set('feed', { value: entries(1, 3).reverse(), savedAt: 42 });
    const all = entries(1, 5);
    const t = feedOn(all, { keep: 'feed', offline: true });
    await flush();
    expect(t.feed.items.value.map((e) => e.id)).toEqual(['e03', 'e02', 'e01']);
    expect(t.feed.asOf.value).toBe(42);
    expect(t.feed.error.value).toBeNull();

    t.recover();
    device.back.forEach((fn) => fn());
    await flush();
    expect(t.feed.items.value.map((e) => e.id)).toEqual(['e05', 'e04', 'e03', 'e02', 'e01']);
    expect(t.feed.asOf.value).toBeNull();
    expect([...t.held].sort()).toEqual(['e01', 'e02', 'e03', 'e04', 'e05']);
    // The server's newest entries are what is kept now.
    expect((device.kept.get('feed')?.value as Entry[]).map((e) => e.id)[0]).toBe('e05');
    t.scope.stop();
  });
});
