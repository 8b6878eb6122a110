import { describe, expect, it } from 'vitest';
import { api, standInForTests } from './testing.ts';

const { server, token } = standInForTests();

type Favorite = { id: string; createdAt: string; noteId: string; note: { id: string; text: string | null } };
const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;
const post = async (text: string) =>
  ((await api(server, 'notes/create', { text }, token('bob'))).body as { createdNote: { id: string } }).createdNote.id;

describe('favorites', () => {
  it('marks notes, lists them newest first with the note, tells the state, and unmarks them', async () => {
    const first = await post('a keeper');
    const second = await post('another keeper');
    const created = await api(server, 'notes/favorites/create', { noteId: first }, token('alice'));
    expect([created.status, created.text]).toEqual([204, '']);
    await api(server, 'notes/favorites/create', { noteId: second }, token('alice'));
    const list = (await api(server, 'i/favorites', {}, token('alice'))).body as Favorite[];
    expect(list.map((f) => f.note.text)).toEqual(['another keeper', 'a keeper']);
    expect(Object.keys(list[0]!).sort()).toEqual(['createdAt', 'id', 'note', 'noteId']);
    const older = (await api(server, 'i/favorites', { untilId: list[0]!.id }, token('alice'))).body as Favorite[];
    expect(older.map((f) => f.noteId)).toEqual([first]);
    expect((await api(server, 'notes/state', { noteId: first }, token('alice'))).body).toEqual({
      isFavorited: true,
      isMutedThread: false,
    });
    expect((await api(server, 'notes/state', { noteId: first }, token('carol'))).body).toEqual({
      isFavorited: false,
      isMutedThread: false,
    });

    const deleted = await api(server, 'notes/favorites/delete', { noteId: first }, token('alice'));
    expect(deleted.status).toBe(204);
    expect(((await api(server, 'i/favorites', {}, token('alice'))).body as Favorite[]).map((f) => f.noteId)).toEqual([second]);
  });

  it("answers with Misskey's errors, and a deleted note leaves the list", async () => {
    const id = await post('short-lived');
    await api(server, 'notes/favorites/create', { noteId: id }, token('alice'));
    expect(errorOf((await api(server, 'notes/favorites/create', { noteId: id }, token('alice'))).body)).toMatchObject({
      code: 'ALREADY_FAVORITED',
      id: 'a402c12b-34dd-41d2-97d8-4d2ffd96a1a6',
    });
    expect(errorOf((await api(server, 'notes/favorites/delete', { noteId: id }, token('carol'))).body)).toMatchObject({
      code: 'NOT_FAVORITED',
      id: 'b625fc69-635e-45e9-86f4-dbefbef35af5',
    });
    await api(server, 'notes/delete', { noteId: id }, token('bob'));
    expect((await api(server, 'i/favorites', {}, token('alice'))).body).toEqual([]);
    expect(errorOf((await api(server, 'notes/favorites/create', { noteId: id }, token('alice'))).body)).toMatchObject({
      code: 'NO_SUCH_NOTE',
      id: '6dd26674-e060-4816-909a-45ba3f4da458',
    });
    expect(errorOf((await api(server, 'notes/favorites/delete', { noteId: id }, token('alice'))).body)).toMatchObject({
      code: 'NO_SUCH_NOTE',
      id: '80848a2c-398f-4343-baa9-df1d57696c56',
    });
  });
});
