import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick, ref, type App } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import type * as Misskey from 'misskey-js';
import { ApiError } from '@/api/errors';
import { useNotesStore } from '@/stores/notes';
import { useTimeline, type CachedList } from './useTimeline';
import { useBackfill, MAX_BACKFILL_PAGES } from './useBackfill';
import type { TimelineFilters, TimelineSource } from './timelineSource';

type Note = Misskey.entities.Note;

// The server: notes n001… in id order; answers timeline pages the way Misskey does.
const server = vi.hoisted(() => ({
  // While set, requests wait for it.
  gate: null as Promise<void> | null,
  // While true, requests fail as they do offline.
  offline: false,
  notes: [] as Array<{ id: string }>,
  requests: [] as Array<{ endpoint: string; params: Record<string, unknown> }>,
}));
// The stream: channels opened and their note listeners.
const stream = vi.hoisted(() => ({
  channels: [] as Array<{ channel: string; params: unknown; listener: ((n: unknown) => void) | null; disposed: boolean }>,
  reconnected: new Set<() => void>(),
  polls: new Set<() => void>(),
  // Ids of the items on screen (what a refresh reads again).
  onScreen: new Set<string>(),
}));

function page(params: Record<string, unknown>): Array<{ id: string }> {
  const limit = Number(params.limit ?? 10);
  const since = params.sinceId as string | undefined;
  const until = params.untilId as string | undefined;
  const inRange = server.notes.filter((n) => (!since || n.id > since) && (!until || n.id < until));
  // sinceId alone: oldest first; otherwise newest first.
  return since && !until ? inRange.slice(0, limit) : [...inRange].reverse().slice(0, limit);
}

vi.mock('@/stores/session', () => ({
  useSessionStore: () => ({
    me: { id: 'me' },
    api: {
      request: async (endpoint: string, params: Record<string, unknown>) => {
        server.requests.push({ endpoint, params });
        await server.gate;
        if (server.offline) throw new TypeError('Failed to fetch');
        if (endpoint === 'notes/show') {
          const found = server.notes.find((n) => n.id === params.noteId);
          if (!found)
            throw new ApiError({ kind: 'client', endpoint, message: 'No such note.', status: 400, code: 'NO_SUCH_NOTE' });
          return makeNote(found.id);
        }
        return page(params).map((n) => makeNote(n.id));
      },
    },
  }),
}));

vi.mock('@/stream/store', () => ({
  useStreamStore: () => ({
    connect(channel: string, params: unknown) {
      const record = { channel, params, listener: null as ((n: unknown) => void) | null, disposed: false };
      stream.channels.push(record);
      return {
        on: (_event: string, fn: (n: unknown) => void) => {
          record.listener = fn;
        },
        dispose: () => {
          record.disposed = true;
        },
      };
    },
    onReconnected(fn: () => void) {
      stream.reconnected.add(fn);
      return () => stream.reconnected.delete(fn);
    },
    onPoll(fn: () => void) {
      stream.polls.add(fn);
      return () => stream.polls.delete(fn);
    },
    // The note store subscribes here; these tests drive deletions through the note store itself.
    onNoteUpdated: () => () => undefined,
  }),
}));

function makeNote(id: string): Note {
  return {
    id,
    createdAt: new Date(0).toISOString(),
    userId: 'u',
    user: { id: 'u', username: 'u', host: null } as Note['user'],
    text: `note ${id}`,
    cw: null,
    visibility: 'public',
    reactionAcceptance: null,
    reactions: {},
    reactionEmojis: {},
    reactionCount: 0,
    renoteCount: 0,
    repliesCount: 0,
    fileIds: [],
    files: [],
    replyId: null,
    renoteId: null,
  } as Note;
}

const id = (i: number) => `n${String(i).padStart(3, '0')}`;
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

function mountTimeline(source: TimelineSource, live = true, cached?: () => Promise<CachedList | null>) {
  const filters = ref<TimelineFilters>({ withRenotes: true, withReplies: false, withFiles: false });
  const isLive = ref(live);
  let tl!: ReturnType<typeof useTimeline>;
  let backfill!: ReturnType<typeof useBackfill>;
  const Host = defineComponent({
    setup() {
      tl = useTimeline(ref(source), filters, {
        isLive: () => isLive.value,
        ...(cached ? { cached, onRestored: (since: string | null) => backfill.catchUp(since) } : {}),
      });
      backfill = useBackfill(tl, () => [...stream.onScreen]);
      tl.start();
      return () => h('div');
    },
  });
  const app: App = createApp(Host);
  app.use(createPinia());
  app.use(createI18n({ legacy: false, locale: 'en', messages: { en: {} }, missingWarn: false, fallbackWarn: false }));
  app.mount(document.createElement('div'));
  setActivePinia(app.config.globalProperties.$pinia);
  const ids = () => tl.items.value.map((i) => i.id);
  return { app, tl: () => tl, filters, isLive, ids, announcement: () => backfill.announcement.value };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  await nextTick();
}

describe('useTimeline against a fake server and stream', () => {
  beforeEach(() => {
    server.gate = null;
    server.offline = false;
    server.notes = Array.from({ length: 50 }, (_, i) => ({ id: id(i + 1) }));
    server.requests = [];
    stream.channels = [];
    stream.reconnected.clear();
    stream.onScreen.clear();
  });

  it('connects its channel with the filters, loads the first page, and pages down until empty', async () => {
    const t = mountTimeline({ kind: 'local' });
    await settle();
    expect(stream.channels).toMatchObject([
      { channel: 'localTimeline', params: { withRenotes: true, withReplies: false, withFiles: false } },
    ]);
    expect(server.requests[0]).toMatchObject({ endpoint: 'notes/local-timeline', params: { limit: 20 } });
    expect(t.ids()[0]).toBe(id(50));
    expect(t.ids()).toHaveLength(20);
    for (let i = 0; i < 3; i++) {
      await t.tl().loadOlder();
    }
    expect(t.ids()).toHaveLength(50);
    expect(t.tl().older.value).toBe('done');
    expect(server.requests.at(-1)?.params.untilId).toBe(id(1));
    t.app.unmount();
  });

  it('reconnects the channel when the filters change and disconnects on unmount', async () => {
    const t = mountTimeline({ kind: 'global' });
    await settle();
    t.filters.value = { withRenotes: false, withReplies: false, withFiles: true };
    await settle();
    expect(stream.channels.map((c) => [c.channel, c.disposed])).toEqual([
      ['globalTimeline', true],
      ['globalTimeline', false],
    ]);
    expect(stream.channels[1]?.params).toEqual({ withRenotes: false, withFiles: true });
    t.app.unmount();
    expect(stream.channels.every((c) => c.disposed)).toBe(true);
  });

  it('shows streamed notes once per frame at the top, queues them when scrolled down, ignores duplicates', async () => {
    const t = mountTimeline({ kind: 'home' });
    await settle();
    const push = (n: number) => stream.channels[0]?.listener?.(makeNote(id(n)));
    push(51);
    push(52);
    push(52);
    await frame();
    expect(t.ids().slice(0, 2)).toEqual([id(52), id(51)]);
    t.isLive.value = false;
    push(53);
    push(51);
    await frame();
    expect(t.ids()[0]).toBe(id(52));
    expect(t.tl().pending.value).toEqual([id(53)]);
    t.tl().flushPending();
    expect(t.ids()[0]).toBe(id(53));
    t.app.unmount();
  });

  it('re-reads queued notes once shown: one deleted while it waited leaves, the others stay', async () => {
    const t = mountTimeline({ kind: 'local' });
    await settle();
    t.isLive.value = false;
    server.notes.push({ id: id(51) }, { id: id(53) });
    [51, 52, 53].forEach((n) => stream.channels[0]?.listener?.(makeNote(id(n))));
    await frame();
    expect(t.tl().pending.value).toEqual([id(53), id(52), id(51)]);
    server.requests = [];
    t.tl().flushPending();
    expect(t.ids().slice(0, 3)).toEqual([id(53), id(52), id(51)]);
    await settle();
    expect(t.ids().slice(0, 3)).toEqual([id(53), id(51), id(50)]);
    expect(server.requests.map((r) => r.endpoint)).toEqual(['notes/local-timeline', 'notes/show']);
    t.app.unmount();
  });

  it('drops channel bodies that are not notes without losing the good ones beside them', async () => {
    const t = mountTimeline({ kind: 'local' });
    await settle();
    const push = (body: unknown) => stream.channels[0]?.listener?.(body);
    push(null);
    push({ id: 'x' });
    push(makeNote(id(51)));
    push('a note');
    await frame();
    expect(t.ids()[0]).toBe(id(51));
    expect(t.ids()).not.toContain('x');
    t.app.unmount();
  });

  it('drops notes deleted elsewhere', async () => {
    const t = mountTimeline({ kind: 'local' });
    await settle();
    useNotesStore().applyNoteUpdate({ id: id(49), type: 'deleted', body: { deletedAt: new Date().toISOString() } });
    expect(t.ids()).not.toContain(id(49));
    t.app.unmount();
  });

  it('after a reconnect, drops a note on screen the server no longer has', async () => {
    const t = mountTimeline({ kind: 'local' });
    await settle();
    stream.onScreen = new Set([id(50), id(49), id(48)]);
    server.notes = server.notes.filter((n) => n.id !== id(49));
    server.requests = [];
    stream.reconnected.forEach((fn) => fn());
    await settle();
    expect(t.ids()).not.toContain(id(49));
    expect(t.ids().slice(0, 2)).toEqual([id(50), id(48)]);
    // The notes on screen are read again in one page (the one gone, then by itself).
    const reads = server.requests.filter((r) => r.params.sinceId !== id(50));
    expect(reads).toEqual([
      { endpoint: 'notes/local-timeline', params: expect.objectContaining({ limit: 100, sinceId: id(47) }) },
      { endpoint: 'notes/show', params: { noteId: id(49) } },
    ]);
    t.app.unmount();
  });

  it('on a poll, brings new notes without calling them missed, and reads the notes on screen in one request', async () => {
    const t = mountTimeline({ kind: 'local' });
    await settle();
    stream.onScreen = new Set([id(45), id(44)]);
    server.notes.push({ id: id(51) }, { id: id(52) });
    server.requests = [];
    stream.polls.forEach((fn) => fn());
    await settle();
    expect(t.ids().slice(0, 3)).toEqual([id(52), id(51), id(50)]);
    expect(t.announcement()).toBe('');
    expect(server.requests.filter((r) => r.params.untilId).map((r) => r.params)).toEqual([
      expect.objectContaining({ limit: 12, untilId: id(46), sinceId: id(43) }),
    ]);
    expect(server.requests.some((r) => r.endpoint === 'notes/show')).toBe(false);
    t.app.unmount();
  });

  it('after a reconnect, loads every missed note in order, or leaves a gap past the page cap', async () => {
    const t = mountTimeline({ kind: 'local' });
    await settle();
    server.notes.push(...Array.from({ length: 30 }, (_, i) => ({ id: id(51 + i) })));
    stream.reconnected.forEach((fn) => fn());
    await settle();
    expect(t.ids().slice(0, 31)).toEqual(Array.from({ length: 31 }, (_, i) => id(80 - i)));

    const extra = 20 * MAX_BACKFILL_PAGES + 15;
    server.notes.push(...Array.from({ length: extra }, (_, i) => ({ id: id(81 + i) })));
    stream.reconnected.forEach((fn) => fn());
    await settle();
    const gapAt = t.ids().indexOf(`gap:${id(80 + 20 * MAX_BACKFILL_PAGES)}`);
    expect(gapAt).toBe(0);
    t.app.unmount();
  });

  describe('a list kept from the last session', () => {
    const kept = (from: number, to: number, savedAt = 1000): CachedList => ({
      items: Array.from({ length: to - from + 1 }, (_, i) => ({ kind: 'note' as const, id: id(to - i) })),
      notes: Array.from({ length: to - from + 1 }, (_, i) => makeNote(id(to - i))),
      savedAt,
    });

    it('shows at once, then catches up from its newest note like a reconnect, and is current from then on', async () => {
      let open!: () => void;
      server.gate = new Promise((r) => (open = r));
      const t = mountTimeline({ kind: 'local' }, true, () => Promise.resolve(kept(1, 30, 1234)));
      expect(t.tl().status.value).toBe('loading');
      await settle();
      // Shown while the server has not answered yet.
      expect(t.ids()[0]).toBe(id(30));
      expect(t.tl().status.value).toBe('ready');
      expect(t.tl().asOf.value).toBe(1234);
      open();
      await settle();
      expect(t.ids()).toEqual(Array.from({ length: 50 }, (_, i) => id(50 - i)));
      expect(t.tl().asOf.value).toBeNull();
      // No first page was read: only what came after the kept list.
      expect(server.requests.every((r) => r.params.sinceId !== undefined)).toBe(true);
      expect(server.requests[0]?.params.sinceId).toBe(id(30));
      t.app.unmount();
    });

    it('leaves a gap marker past the page cap', async () => {
      const t = mountTimeline({ kind: 'local' }, true, () => Promise.resolve(kept(1, 5)));
      server.notes = Array.from({ length: 200 }, (_, i) => ({ id: id(i + 1) }));
      await settle();
      expect(t.ids()[0]).toBe(`gap:${id(5 + 20 * MAX_BACKFILL_PAGES)}`);
      expect(t.ids()).toContain(id(5));
      t.app.unmount();
    });

    it('keeps notes that streamed in while it was read, and still reads what lies between', async () => {
      let answer!: (list: CachedList) => void;
      const t = mountTimeline({ kind: 'local' }, true, () => new Promise((r) => (answer = r)));
      stream.channels[0]?.listener?.(makeNote(id(50)));
      await frame();
      answer(kept(1, 30));
      await settle();
      expect(t.ids()).toEqual(Array.from({ length: 50 }, (_, i) => id(50 - i)));
      t.app.unmount();
    });

    it('offline it stays as it was kept, marked; back online the gap above it fills and the mark goes', async () => {
      server.offline = true;
      const t = mountTimeline({ kind: 'local' }, true, () => Promise.resolve(kept(1, 30, 1234)));
      await settle();
      expect(t.ids()).toEqual([`gap:${id(30)}`, ...Array.from({ length: 30 }, (_, i) => id(30 - i))]);
      expect(t.tl().asOf.value).toBe(1234);
      server.offline = false;
      window.dispatchEvent(new Event('online'));
      await settle();
      expect(t.ids()).toEqual(Array.from({ length: 50 }, (_, i) => id(50 - i)));
      expect(t.tl().asOf.value).toBeNull();
      t.app.unmount();
    });

    it('without one, the first page loads as usual', async () => {
      const t = mountTimeline({ kind: 'local' }, true, () => Promise.resolve(null));
      await settle();
      expect(server.requests[0]?.params).not.toHaveProperty('sinceId');
      expect(t.ids()).toHaveLength(20);
      t.app.unmount();
    });
  });
});
