import { describe, expect, it } from 'vitest';
import { api, standInForTests, TestSocket } from './testing.ts';

const { server, token, userId } = standInForTests();

type List = { id: string; createdAt: string; name: string; userIds: string[]; isPublic: boolean };
type NoteLike = { id: string; userId: string; text: string | null };
const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;

async function aliceList(): Promise<List> {
  const lists = (await api(server, 'users/lists/list', {}, token('alice'))).body as List[];
  return lists[0]!;
}

describe('user lists', () => {
  it("lists alice's lists with Misskey's UserList shape, and nobody else's", async () => {
    const list = await aliceList();
    expect(Object.keys(list).sort()).toEqual(['createdAt', 'id', 'isPublic', 'name', 'userIds']);
    expect(list).toMatchObject({ name: 'Friends', isPublic: false, userIds: [userId('bob'), userId('carol')] });
    expect(list.id).toMatch(/^[0-9a-z]{16}$/);
    expect(new Date(list.createdAt).toISOString()).toBe(list.createdAt);
    expect((await api(server, 'users/lists/list', {}, token('bob'))).body).toEqual([]);
    // Another user's private lists stay hidden.
    expect((await api(server, 'users/lists/list', { userId: userId('alice') }, token('bob'))).body).toEqual([]);
    expect((await api(server, 'users/lists/show', { listId: list.id }, token('alice'))).body).toEqual(list);
  });

  it('answers NO_SUCH_LIST, with the id of each endpoint, for a list that is not yours', async () => {
    const { id } = await aliceList();
    const shown = await api(server, 'users/lists/show', { listId: id }, token('bob'));
    expect([shown.status, errorOf(shown.body)]).toEqual([
      400,
      expect.objectContaining({ code: 'NO_SUCH_LIST', id: '7bc05c21-1d7a-41ae-88f1-66820f4dc686' }),
    ]);
    const read = await api(server, 'notes/user-list-timeline', { listId: id }, token('bob'));
    expect([read.status, errorOf(read.body)]).toEqual([
      400,
      expect.objectContaining({ code: 'NO_SUCH_LIST', id: '8fb1fbd5-e476-4c37-9fb0-43d55b63a2ff' }),
    ]);
    const anonymous = await api(server, 'notes/user-list-timeline', { listId: id });
    expect([anonymous.status, errorOf(anonymous.body).code]).toEqual([401, 'CREDENTIAL_REQUIRED']);
  });

  it("reads the members' notes over REST and live on the userList channel, and no one else's", async () => {
    const { id } = await aliceList();
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('userList', 'l', { listId: id, withRenotes: true, withFiles: false });
    await socket.sync();
    const fromBob = (await api(server, 'notes/create', { text: 'bob in the list' }, token('bob'))).body as {
      createdNote: NoteLike;
    };
    await api(server, 'notes/create', { text: 'mallory is not' }, token('mallory'));
    const live = await socket.channelEvent('l', 'note');
    expect(live.body.body).toMatchObject({ id: fromBob.createdNote.id, text: 'bob in the list' });

    const page = (await api(server, 'notes/user-list-timeline', { listId: id, limit: 100 }, token('alice'))).body as NoteLike[];
    expect(page[0]!.id).toBe(fromBob.createdNote.id);
    expect(page.every((n) => n.userId === userId('bob') || n.userId === userId('carol'))).toBe(true);
    const sorted = [...page].sort((a, b) => (a.id < b.id ? 1 : -1));
    expect(page.map((n) => n.id)).toEqual(sorted.map((n) => n.id));
    socket.close();
  });
});
