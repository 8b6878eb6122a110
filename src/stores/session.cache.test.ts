import 'fake-indexeddb/auto';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replayEndpoints } from '@/testing/replayFetch';
import { FakeWebSocket } from '@/stream/testing/fakeWebSocket';
import { useStreamStore } from '@/stream/store';
import { loadSession, saveSession } from '@/offline/cache';
import meta from '@/testing/fixtures/rest-meta.json';
import me from '@/testing/fixtures/rest-i-alice.json';
import emojis from '@/testing/fixtures/rest-emojis-post.json';
import { useAccountsStore } from './accounts';
import { useSessionStore } from './session';

// A session kept on the device: ready before the server answers, and readable offline.

const ORIGIN = 'https://misskey.example';
const alice = me.response as never;
const recorded = { meta, emojis, i: me };

function signIn(): string {
  return useAccountsStore().add(ORIGIN, 'TOKEN-A', alice).key;
}

async function keep(key: string, name: string): Promise<void> {
  const kept = { ...me.response, name };
  await saveSession({ account: key, meta: meta.response as never, me: kept as never, emojis: [], savedAt: 1234 });
}

// A server that answers only once `open()` is called.
function heldServer() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const replay = replayEndpoints(recorded);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    await gate;
    return replay.fetch(input, init);
  });
  return { release: () => release() };
}

function setOnline(online: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
}

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal('WebSocket', FakeWebSocket);
  FakeWebSocket.reset();
  setActivePinia(createPinia());
});
afterEach(() => {
  useStreamStore().reset();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a session kept on this device', () => {
  it("is ready from what was kept before the server answers, then takes the server's word", async () => {
    const key = signIn();
    await keep(key, 'Alice as kept');
    const server = heldServer();
    const session = useSessionStore();
    const opened = session.open({ kind: 'account', key });
    await vi.waitFor(() => expect(session.status).toBe('ready'));
    expect(session.me?.name).toBe('Alice as kept');
    expect(session.savedAt).toBe(1234);
    expect(FakeWebSocket.latest.url).toContain('i=TOKEN-A');
    server.release();
    await opened;
    expect(session.me?.name).toBe(me.response.name);
    expect(session.savedAt).toBeNull();
  });

  it('keeps reading offline, and asks the server again once back online', async () => {
    const key = signIn();
    await keep(key, 'Alice offline');
    setOnline(false);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const session = useSessionStore();
    await session.open({ kind: 'account', key });
    expect(session.status).toBe('ready');
    expect(session.error).toBeNull();
    expect(session.me?.name).toBe('Alice offline');

    setOnline(true);
    vi.stubGlobal('fetch', replayEndpoints(recorded).fetch);
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(session.savedAt).toBeNull());
    expect(session.me?.name).toBe(me.response.name);
  });

  it('is kept once the server answered, and a first start offline says so', async () => {
    const key = signIn();
    vi.stubGlobal('fetch', replayEndpoints(recorded).fetch);
    await useSessionStore().open({ kind: 'account', key });
    await vi.waitFor(async () => expect((await loadSession(key))?.me?.id).toBe(me.response.id));

    const guest = `guest@${ORIGIN}`;
    setOnline(false);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const session = useSessionStore();
    await session.open({ kind: 'guest', origin: ORIGIN });
    expect(await loadSession(guest)).toBeNull();
    expect(session.status).toBe('error');
    expect(session.error?.kind).toBe('offline');
  });
});
