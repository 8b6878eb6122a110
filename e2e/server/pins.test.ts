import { describe, expect, it } from 'vitest';
import { api, standInForTests } from './testing.ts';

const { server, token } = standInForTests();

type Pins = { pinnedNoteIds: string[]; pinnedNotes: { id: string; text: string | null }[] };
const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;
const post = async (user: string, text: string) =>
  ((await api(server, 'notes/create', { text }, token(user))).body as { createdNote: { id: string } }).createdNote.id;

describe('pinned notes', () => {
  it("shows bob's seeded pin on his profile, as full notes", async () => {
    const bob = (await api(server, 'users/show', { username: 'bob' }, token('alice'))).body as Pins;
    expect(bob.pinnedNotes.map((n) => n.text)).toEqual(['Pinned: who I am and what I post about.']);
    expect(bob.pinnedNoteIds).toEqual(bob.pinnedNotes.map((n) => n.id));
  });

  it("pins newest first, refuses twice, others' notes and past the limit; unpins; a deleted note leaves its pin", async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await post('alice', `pin me ${i}`));
    const first = await api(server, 'i/pin', { noteId: ids[0] }, token('alice'));
    expect((first.body as Pins).pinnedNoteIds).toEqual([ids[0]]);
    const again = await api(server, 'i/pin', { noteId: ids[0] }, token('alice'));
    expect(errorOf(again.body)).toMatchObject({ code: 'ALREADY_PINNED', id: '8b18c2b7-68fe-4edb-9892-c0cbaeb6c913' });
    const bobs = await post('bob', 'not yours');
    expect(errorOf((await api(server, 'i/pin', { noteId: bobs }, token('alice'))).body)).toMatchObject({
      code: 'NO_SUCH_NOTE',
      id: '56734f8b-3928-431e-bf80-6ff87df40cb3',
    });
    for (const id of ids.slice(1, 5)) await api(server, 'i/pin', { noteId: id }, token('alice'));
    const full = await api(server, 'i/pin', { noteId: ids[5] }, token('alice'));
    expect(errorOf(full.body)).toMatchObject({ code: 'PIN_LIMIT_EXCEEDED', id: '72dab508-c64d-498f-8740-a8eec1ba385a' });

    const unpinned = await api(server, 'i/unpin', { noteId: ids[4] }, token('alice'));
    expect((unpinned.body as Pins).pinnedNoteIds).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(errorOf((await api(server, 'i/unpin', { noteId: bobs }, token('alice'))).body)).toMatchObject({
      code: 'NO_SUCH_NOTE',
      id: '454170ce-9d63-4a43-9da1-ea10afe81e21',
    });
    await api(server, 'notes/delete', { noteId: ids[3] }, token('alice'));
    const me = (await api(server, 'i', {}, token('alice'))).body as Pins;
    expect(me.pinnedNoteIds).toEqual([ids[2], ids[1], ids[0]]);
  });
});
