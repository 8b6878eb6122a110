import { describe, expect, it } from 'vitest';
import { api, expectSameShape, fixture, standInForTests, TestSocket } from './testing.ts';

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

describe('managing lists', () => {
  it('creates, renames, fills, empties and deletes a list with the recorded shapes and errors', async () => {
    const created = await api(server, 'users/lists/create', { name: 'Fixture list' }, token('alice'));
    expectSameShape(created.body, fixture('rest-users-lists-create.json').response);
    const list = created.body as List;
    const pushed = await api(server, 'users/lists/push', { listId: list.id, userId: userId('bob') }, token('alice'));
    expect([pushed.status, pushed.text]).toEqual([204, '']);
    const again = await api(server, 'users/lists/push', { listId: list.id, userId: userId('bob') }, token('alice'));
    expect([again.status, again.body]).toEqual([400, fixture('rest-error-400-already-added.json').response]);
    const renamed = await api(server, 'users/lists/update', { listId: list.id, name: 'Renamed', isPublic: true }, token('alice'));
    expect(renamed.body).toMatchObject({ name: 'Renamed', isPublic: true, userIds: [userId('bob')] });
    expectSameShape(renamed.body, fixture('rest-users-lists-update.json').response);
    const pulled = await api(server, 'users/lists/pull', { listId: list.id, userId: userId('bob') }, token('alice'));
    expect([pulled.status, pulled.text]).toEqual([204, '']);
    const deleted = await api(server, 'users/lists/delete', { listId: list.id }, token('alice'));
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    const gone = await api(server, 'users/lists/push', { listId: list.id, userId: userId('bob') }, token('alice'));
    expect([gone.status, gone.body]).toEqual([400, fixture('rest-error-400-no-such-list.json').response]);
    for (const [endpoint, id] of [
      ['users/lists/update', '796666fe-3dff-4d39-becb-8a5932c1d5b7'],
      ['users/lists/delete', '78436795-db79-42f5-b1e2-55ea2cf19166'],
      ['users/lists/pull', '7f44670e-ab16-43b8-b4c1-ccd2ee89cc02'],
    ] as const) {
      const res = await api(server, endpoint, { listId: list.id, name: 'x', userId: userId('bob') }, token('alice'));
      expect(errorOf(res.body), endpoint).toMatchObject({ code: 'NO_SUCH_LIST', id });
    }
  });

  it("tells a list's open channel who joined and who left", async () => {
    const list = await aliceList();
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('userList', 'l', { listId: list.id });
    await socket.sync();
    await api(server, 'users/lists/push', { listId: list.id, userId: userId('dave') }, token('alice'));
    expect((await socket.channelEvent('l', 'userAdded')).body.body).toMatchObject({ username: 'dave' });
    await api(server, 'users/lists/pull', { listId: list.id, userId: userId('dave') }, token('alice'));
    expect((await socket.channelEvent('l', 'userRemoved')).body.body).toMatchObject({ username: 'dave' });
    socket.close();
  });
});
