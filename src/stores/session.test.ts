import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replayEndpoints, type RecordedExchange } from '@/testing/replayFetch';
import { FakeWebSocket } from '@/stream/testing/fakeWebSocket';
import { setupStream, teardownStream } from '@/stream/testing/streamHarness';
import meta from '@/testing/fixtures/rest-meta.json';
import me from '@/testing/fixtures/rest-i-alice.json';
import emojis from '@/testing/fixtures/rest-emojis-post.json';
import badToken from '@/testing/fixtures/rest-error-401-bad-token.json';
import updated from '@/testing/fixtures/rest-i-update.json';
import showPlain from '@/testing/fixtures/rest-notes-show-plain.json';
import { useNotesStore } from './notes';
import { useAccountsStore } from './accounts';
import { useSessionStore } from './session';

const ORIGIN = 'https://misskey.example';
let stream: ReturnType<typeof setupStream>;

function serve(exchanges: Record<string, RecordedExchange>) {
  const replay = replayEndpoints(exchanges);
  vi.stubGlobal('fetch', replay.fetch);
  return replay.sent;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  localStorage.clear();
  stream = setupStream();
});
afterEach(() => teardownStream(stream));

describe('session', () => {
  it('opens a guest session: meta and emojis over REST, an anonymous stream', async () => {
    const sent = serve({ meta, emojis });
    const session = useSessionStore();
    await session.open({ kind: 'guest', origin: ORIGIN });
    expect(session.status).toBe('ready');
    expect(session.isGuest).toBe(true);
    expect(session.emojiUrl('blobcat')).toMatch(/^http/);
    expect(FakeWebSocket.latest.url).toBe('wss://misskey.example/streaming');
    expect(sent.every((r) => r.body?.i === undefined)).toBe(true);
  });

  it('opens an account: the stream carries its token, main is connected once open', async () => {
    serve({ meta, emojis, i: me });
    const accounts = useAccountsStore();
    const account = accounts.add(ORIGIN, 'TOKEN-OF-ALICE', me.response as never);
    const session = useSessionStore();
    await session.open({ kind: 'account', key: account.key });
    expect(session.status).toBe('ready');
    expect(session.me?.username).toBe('alice');
    const ws = FakeWebSocket.latest;
    expect(ws.url).toBe('wss://misskey.example/streaming?i=TOKEN-OF-ALICE');
    ws.serverOpen();
    expect(ws.frames).toEqual([{ type: 'connect', body: expect.objectContaining({ channel: 'main' }) }]);
  });

  it('a refused token marks the session expired instead of failing silently', async () => {
    serve({ meta, emojis, i: badToken });
    const account = useAccountsStore().add(ORIGIN, 'revoked', me.response as never);
    const session = useSessionStore();
    await session.open({ kind: 'account', key: account.key });
    expect(session.status).toBe('error');
    expect(session.expired).toBe(true);
    expect(session.error?.kind).toBe('session-expired');
  });

  it('asks a server older than 12.111 for API calls over the stream while it is open', async () => {
    const old = { ...meta, response: { ...meta.response, version: '12.110.1' } };
    const sent = serve({ meta: old, emojis, i: me });
    const account = useAccountsStore().add(ORIGIN, 'TOKEN', me.response as never);
    const session = useSessionStore();
    await session.open({ kind: 'account', key: account.key });
    const ws = FakeWebSocket.latest;
    ws.serverOpen();
    const call = session.api.request('notes/show', { noteId: 'n1' });
    await settle();
    const api = ws.frames.find((f) => (f as { type: string }).type === 'api') as { body: { id: string; endpoint: string } };
    expect(api.body.endpoint).toBe('notes/show');
    ws.serverSend({ type: `api:${api.body.id}`, body: { res: { id: 'n1' } } });
    await expect(call).resolves.toEqual({ id: 'n1' });
    expect(sent.map((r) => new URL(r.url).pathname)).not.toContain('/api/notes/show');
  });

  it('switching accounts closes the old socket and opens one with the other token', async () => {
    serve({ meta, emojis, i: me });
    const accounts = useAccountsStore();
    const a = accounts.add(ORIGIN, 'TOKEN-A', { ...me.response, id: 'a' } as never);
    const b = accounts.add(ORIGIN, 'TOKEN-B', { ...me.response, id: 'b' } as never);
    const session = useSessionStore();
    await session.open({ kind: 'account', key: a.key });
    const first = FakeWebSocket.latest;
    first.serverOpen();
    await session.open({ kind: 'account', key: b.key });
    expect(first.readyState).toBe(FakeWebSocket.CLOSED);
    expect(FakeWebSocket.latest.url).toContain('i=TOKEN-B');
    expect(accounts.active).toEqual({ kind: 'account', key: b.key });
  });

  it("meUpdated (after i/update, here or on another device) renames the account and the viewer's notes at once", async () => {
    serve({ meta, emojis, i: me });
    const accounts = useAccountsStore();
    const account = accounts.add(ORIGIN, 'TOKEN', me.response as never);
    const session = useSessionStore();
    await session.open({ kind: 'account', key: account.key });
    const notes = useNotesStore();
    notes.put(showPlain.response as never);
    const ws = FakeWebSocket.latest;
    ws.serverOpen();
    const main = (ws.frames[0] as { body: { id: string } }).body.id;
    // The recorded i/update answer, for the same user as the session.
    const renamed = { ...updated.response, id: me.response.id, avatarUrl: 'https://misskey.example/new-face.webp' };
    ws.serverSend({ type: 'channel', body: { id: main, type: 'meUpdated', body: renamed } });
    expect(session.me?.name).toBe('Alice Fixture');
    expect(accounts.activeAccount).toMatchObject({ name: 'Alice Fixture', avatarUrl: 'https://misskey.example/new-face.webp' });
    expect(notes.get(showPlain.response.id)?.user).toMatchObject({ name: 'Alice Fixture' });
  });
});
