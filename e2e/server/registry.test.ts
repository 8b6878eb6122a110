import { describe, expect, it } from 'vitest';
import { api, standInForTests, TestSocket } from './testing.ts';

const { server, token, userId } = standInForTests();

const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;
const scope = ['client'];

// An app token, as MiAuth hands a third-party client.
function appToken(): string {
  const app = 'apptokenforregistry0000000000000';
  server.db().tokens.set(app, { userId: userId('alice'), permissions: ['read:account', 'write:account'] });
  return app;
}

describe('i/registry', () => {
  it('keeps a value per scope and key, answers NO_SUCH_KEY, and tells main about a change', async () => {
    const missing = await api(server, 'i/registry/get', { scope, key: 'reactions' }, token('alice'));
    expect(missing.status).toBe(400);
    expect(errorOf(missing.body)).toMatchObject({ code: 'NO_SUCH_KEY', id: 'ac3ed68a-62f0-422b-a7bc-d5e09e8f6a6a' });

    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('main', 'm');
    await socket.sync();
    const set = await api(server, 'i/registry/set', { scope, key: 'reactions', value: ['👍', '❤', '🎉'] }, token('alice'));
    expect([set.status, set.text]).toEqual([204, '']);
    const event = await socket.channelEvent('m', 'registryUpdated');
    expect(event.body.body).toEqual({ scope, key: 'reactions', value: ['👍', '❤', '🎉'] });
    socket.close();

    expect((await api(server, 'i/registry/get', { scope, key: 'reactions' }, token('alice'))).body).toEqual(['👍', '❤', '🎉']);
    await api(server, 'i/registry/set', { scope, key: 'probe', value: ['👍'] }, token('alice'));
    expect((await api(server, 'i/registry/get-all', { scope }, token('alice'))).body).toEqual({
      reactions: ['👍', '❤', '🎉'],
      probe: ['👍'],
    });
    expect((await api(server, 'i/registry/keys', { scope }, token('alice'))).body).toEqual(['reactions', 'probe']);
    // Another scope, another user: nothing.
    expect((await api(server, 'i/registry/keys', { scope: ['client', 'base'] }, token('alice'))).body).toEqual([]);
    expect((await api(server, 'i/registry/keys', { scope }, token('bob'))).body).toEqual([]);
    const badScope = await api(server, 'i/registry/keys', { scope: ['no spaces'] }, token('alice'));
    expect(errorOf(badScope.body).code).toBe('INVALID_PARAM');
  });

  it("keeps an app token's items apart from the account's own, and announces neither's to the other", async () => {
    await api(server, 'i/registry/set', { scope, key: 'reactions', value: ['👍'] }, token('alice'));
    const app = appToken();
    const fromApp = await api(server, 'i/registry/get', { scope, key: 'reactions' }, app);
    expect(errorOf(fromApp.body).code).toBe('NO_SUCH_KEY');
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('main', 'm');
    await socket.sync();
    await api(server, 'i/registry/set', { scope, key: 'reactions', value: ['🎉'] }, app);
    expect((await socket.sync()).filter((f) => f.body?.type === 'registryUpdated')).toEqual([]);
    socket.close();
    expect((await api(server, 'i/registry/get', { scope, key: 'reactions' }, app)).body).toEqual(['🎉']);
    expect((await api(server, 'i/registry/get', { scope, key: 'reactions' }, token('alice'))).body).toEqual(['👍']);
  });
});
