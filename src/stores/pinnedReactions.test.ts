import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replayEndpoints, type RecordedExchange } from '@/testing/replayFetch';
import { FakeWebSocket } from '@/stream/testing/fakeWebSocket';
import { setupStream, teardownStream } from '@/stream/testing/streamHarness';
import meta from '@/testing/fixtures/rest-meta.json';
import me from '@/testing/fixtures/rest-i-alice.json';
import emojis from '@/testing/fixtures/rest-emojis-post.json';
import registryGet from '@/testing/fixtures/rest-i-registry-get.json';
import registrySet from '@/testing/fixtures/rest-i-registry-set.json';
import noSuchKey from '@/testing/fixtures/rest-error-400-no-such-key.json';
import { DEFAULT_PINNED } from '@/note/reactions/pinnedReactions';
import { useAccountsStore } from './accounts';
import { usePinnedReactionsStore } from './pinnedReactions';
import { useSessionStore } from './session';

const ORIGIN = 'https://misskey.example';
let stream: ReturnType<typeof setupStream>;

function serve(exchanges: Record<string, RecordedExchange>) {
  const replay = replayEndpoints({ meta, emojis, i: me, ...exchanges });
  vi.stubGlobal('fetch', replay.fetch);
  return replay.sent;
}

async function signIn() {
  const account = useAccountsStore().add(ORIGIN, 'TOKEN', me.response as never);
  await useSessionStore().open({ kind: 'account', key: account.key });
}

beforeEach(() => {
  localStorage.clear();
  stream = setupStream();
});
afterEach(() => teardownStream(stream));

describe('pinned reactions', () => {
  it("reads the account's set once the session is ready, even when asked before", async () => {
    serve({ 'i/registry/get': registryGet });
    const pinned = usePinnedReactionsStore();
    const opening = signIn();
    await pinned.refresh();
    expect(pinned.list).toEqual([...DEFAULT_PINNED]);
    await opening;
    await vi.waitFor(() => expect(pinned.list).toEqual(['👍', '❤', '🎉']));
  });

  it('keeps the defaults when the account never set any (NO_SUCH_KEY)', async () => {
    serve({ 'i/registry/get': noSuchKey });
    await signIn();
    const pinned = usePinnedReactionsStore();
    await pinned.refresh();
    expect(pinned.loaded).toBe(true);
    expect(pinned.error).toBeNull();
    expect(pinned.list).toEqual([...DEFAULT_PINNED]);
  });

  it('saves to i/registry/set, and takes a change announced on main', async () => {
    const sent = serve({ 'i/registry/get': registryGet, 'i/registry/set': registrySet });
    await signIn();
    const pinned = usePinnedReactionsStore();
    await pinned.refresh();
    expect(await pinned.save([':blobcat:', '👍'])).toBeNull();
    expect(sent.find((r) => r.url.endsWith('/i/registry/set'))?.body).toMatchObject({
      scope: ['client'],
      key: 'reactions',
      value: [':blobcat:', '👍'],
    });
    const ws = FakeWebSocket.latest;
    ws.serverOpen();
    const mainId = (ws.frames as { type: string; body: { id: string; channel: string } }[]).find(
      (f) => f.body.channel === 'main',
    )!.body.id;
    ws.serverSend({
      type: 'channel',
      body: { id: mainId, type: 'registryUpdated', body: { scope: ['client'], key: 'reactions', value: ['🍮'] } },
    });
    expect(pinned.list).toEqual(['🍮']);
    // Another scope or key is not ours.
    ws.serverSend({
      type: 'channel',
      body: { id: mainId, type: 'registryUpdated', body: { scope: ['client', 'base'], key: 'reactions', value: ['x'] } },
    });
    expect(pinned.list).toEqual(['🍮']);
  });

  it('puts the old set back when saving fails', async () => {
    serve({
      'i/registry/get': registryGet,
      'i/registry/set': {
        status: 500,
        headers: {},
        response: { error: { code: 'INTERNAL_ERROR', message: 'x', id: 'y', kind: 'server' } },
      },
    });
    await signIn();
    const pinned = usePinnedReactionsStore();
    await pinned.refresh();
    const error = await pinned.save(['🍮']);
    expect(error?.kind).toBe('server-error');
    expect(pinned.list).toEqual(['👍', '❤', '🎉']);
  });
});
