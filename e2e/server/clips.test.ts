import { describe, expect, it } from 'vitest';
import { api, expectSameShape, fixture, standInForTests } from './testing.ts';

const { server, token } = standInForTests();

type Clip = { id: string; name: string; notesCount?: number; isFavorited?: boolean; favoritedCount: number };
const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;

async function aliceClip(isPublic = true): Promise<Clip> {
  const res = await api(server, 'clips/create', { name: 'Keep', isPublic, description: 'Mine' }, token('alice'));
  return res.body as Clip;
}

describe('clips', () => {
  it('creates, clips a note, lists, shows and reads it with the recorded shapes', async () => {
    const created = await api(server, 'clips/create', { name: 'Fixture clip', isPublic: true, description: 'd' }, token('alice'));
    expect(created.status).toBe(200);
    expectSameShape(created.body, fixture('rest-clips-create.json').response);
    const clip = created.body as Clip;
    const added = await api(server, 'clips/add-note', { clipId: clip.id, noteId: server.notes.plain }, token('alice'));
    expect([added.status, added.text]).toEqual([204, '']);
    const [listed] = (await api(server, 'clips/list', {}, token('alice'))).body as Clip[];
    expectSameShape(listed, fixture('rest-clips-list.json').response[0]);
    expect(listed).toMatchObject({ id: clip.id, notesCount: 1 });
    expectSameShape(
      (await api(server, 'clips/show', { clipId: clip.id }, token('alice'))).body,
      fixture('rest-clips-show.json').response,
    );
    const notes = (await api(server, 'clips/notes', { clipId: clip.id, limit: 10 }, token('alice'))).body as { id: string }[];
    expect(notes.map((n) => n.id)).toEqual([server.notes.plain]);
    const inClips = (await api(server, 'notes/clips', { noteId: server.notes.plain }, token('alice'))).body as Clip[];
    expect(inClips.map((c) => c.id)).toContain(clip.id);
    const shown = (await api(server, 'notes/show', { noteId: server.notes.plain }, token('alice'))).body as {
      clippedCount: number;
    };
    expect(shown.clippedCount).toBeGreaterThan(0);
  });

  it('answers ALREADY_CLIPPED, and NO_SUCH_CLIP for a clip that is not yours, each with its endpoint id', async () => {
    const clip = await aliceClip();
    await api(server, 'clips/add-note', { clipId: clip.id, noteId: server.notes.plain }, token('alice'));
    const again = await api(server, 'clips/add-note', { clipId: clip.id, noteId: server.notes.plain }, token('alice'));
    expect([again.status, errorOf(again.body).code, errorOf(again.body).id]).toEqual([
      400,
      'ALREADY_CLIPPED',
      '734806c4-542c-463a-9311-15c512803965',
    ]);
    const byBob = await api(server, 'clips/add-note', { clipId: clip.id, noteId: server.notes.plain }, token('bob'));
    expect(errorOf(byBob.body).id).toBe('d6e76cc0-a1b5-4c7c-a287-73fa9c716dcf');
    const renamedByBob = await api(server, 'clips/update', { clipId: clip.id, name: 'x' }, token('bob'));
    expect(errorOf(renamedByBob.body).id).toBe('b4d92d70-b216-46fa-9a3f-a8c811699257');
    await api(server, 'clips/delete', { clipId: clip.id }, token('alice'));
    const gone = await api(server, 'clips/show', { clipId: clip.id }, token('alice'));
    expect([gone.status, gone.body]).toEqual([400, fixture('rest-error-400-no-such-clip.json').response]);
  });

  it("keeps a private clip from others, and lets bob favorite alice's public one", async () => {
    const hidden = await aliceClip(false);
    expect(errorOf((await api(server, 'clips/show', { clipId: hidden.id }, token('bob'))).body).code).toBe('NO_SUCH_CLIP');
    expect(errorOf((await api(server, 'clips/favorite', { clipId: hidden.id }, token('bob'))).body).id).toBe(
      '4c2aaeae-80d8-4250-9606-26cb1fdb77a5',
    );
    const open = await aliceClip(true);
    const fav = await api(server, 'clips/favorite', { clipId: open.id }, token('bob'));
    expect([fav.status, fav.text]).toEqual([204, '']);
    const again = await api(server, 'clips/favorite', { clipId: open.id }, token('bob'));
    expect(errorOf(again.body).code).toBe('ALREADY_FAVORITED');
    const asBob = (await api(server, 'clips/show', { clipId: open.id }, token('bob'))).body;
    expectSameShape(asBob, fixture('rest-clips-show-as-bob.json').response);
    const favorites = (await api(server, 'clips/my-favorites', {}, token('bob'))).body as Clip[];
    expectSameShape(favorites[0], fixture('rest-clips-my-favorites.json').response[0]);
    const theirs = (await api(server, 'users/clips', { userId: server.users.alice!.id }, token('bob'))).body as Clip[];
    expect(theirs.map((c) => c.id)).toEqual([open.id]);
    await api(server, 'clips/unfavorite', { clipId: open.id }, token('bob'));
    expect(errorOf((await api(server, 'clips/unfavorite', { clipId: open.id }, token('bob'))).body).code).toBe('NOT_FAVORITED');
  });
});
