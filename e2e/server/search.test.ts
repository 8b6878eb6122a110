import { describe, expect, it } from 'vitest';
import { api, standInForTests } from './testing.ts';

const { server, token } = standInForTests();

type NoteLike = { id: string; text: string | null; user: { username: string } };

describe('notes/search', () => {
  it('finds notes holding every word, newest first, for a user the role lets search', async () => {
    await api(server, 'notes/create', { text: 'Blue whales sing' }, token('bob'));
    const second = (await api(server, 'notes/create', { text: 'whales, blue and grey' }, token('carol'))).body as {
      createdNote: NoteLike;
    };
    await api(server, 'notes/create', { text: 'only whales' }, token('carol'));
    await api(server, 'notes/create', { text: 'blue whales in secret', visibility: 'specified' }, token('carol'));
    const found = (await api(server, 'notes/search', { query: 'blue WHALES', limit: 10 }, token('alice'))).body as NoteLike[];
    expect(found.map((n) => n.text)).toEqual(['whales, blue and grey', 'Blue whales sing']);
    const older = (await api(server, 'notes/search', { query: 'blue whales', untilId: second.createdNote.id }, token('alice')))
      .body as NoteLike[];
    expect(older.map((n) => n.text)).toEqual(['Blue whales sing']);
    const byCarol = (await api(server, 'notes/search', { query: 'whales', userId: server.users.carol!.id }, token('alice')))
      .body as NoteLike[];
    expect(byCarol.every((n) => n.user.username === 'carol')).toBe(true);
    expect((await api(server, 'notes/search', { query: 'whales', host: 'elsewhere.example' }, token('alice'))).body).toEqual([]);
  });

  it('says UNAVAILABLE to a guest, whose role does not allow search, and wants a query', async () => {
    const guest = await api(server, 'notes/search', { query: 'whales' });
    expect([guest.status, (guest.body as { error: { code: string; id: string } }).error]).toEqual([
      400,
      expect.objectContaining({ code: 'UNAVAILABLE', id: '0b44998d-77aa-4427-80d0-d2c9b8523011' }),
    ]);
    const meta = (await api(server, 'meta', {})).body as { policies: { canSearchNotes: boolean } };
    expect(meta.policies.canSearchNotes).toBe(false);
    const me = (await api(server, 'i', {}, token('alice'))).body as { policies: { canSearchNotes: boolean } };
    expect(me.policies.canSearchNotes).toBe(true);
    const bare = await api(server, 'notes/search', {}, token('alice'));
    expect((bare.body as { error: { code: string } }).error.code).toBe('INVALID_PARAM');
  });
});
