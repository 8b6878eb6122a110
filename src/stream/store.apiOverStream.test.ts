import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toApiError } from '@/api/errors';
import { StreamApiError } from './apiOverStream';
import { useStreamStore } from './store';
import { ORIGIN, TOKEN, setupStream, startOpen, teardownStream } from './testing/streamHarness';

let store: ReturnType<typeof useStreamStore>;

beforeEach(() => {
  store = setupStream();
});

afterEach(() => {
  teardownStream(store);
});

const noSuchNote = {
  message: 'No such note.',
  code: 'NO_SUCH_NOTE',
  id: '490be23f-8c1f-4796-819f-94cb4f9d1630',
  kind: 'client',
  info: {},
};

describe('API over the stream', () => {
  it('sends an api frame per call and matches answers by id, in any order', async () => {
    const ws = startOpen(store, { legacyApi: true });
    const first = store.apiOverStream('notes/show', { noteId: 'n1' });
    const second = store.apiOverStream('i', {});
    expect(ws.frames).toEqual([
      { type: 'api', body: { id: 'a1', endpoint: 'notes/show', data: { noteId: 'n1' } } },
      { type: 'api', body: { id: 'a2', endpoint: 'i', data: {} } },
    ]);
    ws.serverSend({ type: 'api:a2', body: { res: { id: 'me' } } });
    ws.serverSend({ type: 'api:a1', body: { res: { id: 'n1' } } });
    await expect(first).resolves.toEqual({ id: 'n1' });
    await expect(second).resolves.toEqual({ id: 'me' });
  });

  it('rejects with the Misskey error object on an error answer', async () => {
    const ws = startOpen(store, { legacyApi: true });
    const call = store.apiOverStream('notes/show', { noteId: 'gone' });
    ws.serverSend({ type: 'api:a1', body: { error: noSuchNote } });
    const err = await call.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StreamApiError);
    expect((err as StreamApiError).error).toEqual(noSuchNote);
    expect((err as StreamApiError).message).toContain('NO_SUCH_NOTE');
  });

  it('times out when no answer comes (default 15 s, or the given timeout)', async () => {
    startOpen(store, { legacyApi: true });
    const byDefault = store.apiOverStream('i', {}).catch((e: Error) => e.message);
    const short = store.apiOverStream('meta', {}, 1000).catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await short).toMatch(/no answer over the stream within 1000 ms/);
    await vi.advanceTimersByTimeAsync(14_000);
    expect(await byDefault).toMatch(/within 15000 ms/);
  });

  it('fails in ways the REST error model can name', async () => {
    const ws = startOpen(store, { legacyApi: true });
    const timedOut = store.apiOverStream('i', {}, 1000).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(toApiError(await timedOut, 'i').kind).toBe('timeout');
    const dropped = store.apiOverStream('i', {}).catch((e: unknown) => e);
    ws.serverDrop();
    expect(toApiError(await dropped, 'i').kind).toMatch(/^(network|offline)$/);
    const refused = store.apiOverStream('notes/show', { noteId: 'gone' }).catch((e: unknown) => e);
    expect(toApiError(await refused, 'notes/show').kind).toMatch(/^(network|offline)$/);
  });

  it('rejects pending calls when the socket closes', async () => {
    const ws = startOpen(store, { legacyApi: true });
    const call = store.apiOverStream('i', {});
    ws.serverDrop();
    await expect(call).rejects.toThrow(/stream closed/);
  });

  it('rejects at once when the socket is not open or the server is new', async () => {
    store.start({ origin: ORIGIN, token: TOKEN, legacyApi: true });
    await expect(store.apiOverStream('i', {})).rejects.toThrow(/not open/);
    startOpen(store);
    await expect(store.apiOverStream('i', {})).rejects.toThrow(/off.*use REST/);
  });

  it('rejects pending calls on stop()', async () => {
    startOpen(store, { legacyApi: true });
    const call = store.apiOverStream('i', {});
    store.stop();
    await expect(call).rejects.toThrow(/stream closed/);
  });
});
