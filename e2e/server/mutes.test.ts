import { describe, expect, it } from 'vitest';
import { api, standInForTests } from './testing.ts';

const { server, token, userId } = standInForTests();

const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;

describe('muted words (i/update)', () => {
  it('keeps word lists and regex filters, and hands them back on i', async () => {
    const filters = [['durian', 'cake'], '/spoil(er)?s/i'];
    const updated = (await api(server, 'i/update', { mutedWords: filters }, token('alice'))).body as { mutedWords: unknown };
    expect(updated.mutedWords).toEqual(filters);
    expect(((await api(server, 'i', {}, token('alice'))).body as { mutedWords: unknown }).mutedWords).toEqual(filters);
  });

  it("refuses a regex that does not compile, and more than the role's wordMuteLimit", async () => {
    expect(errorOf((await api(server, 'i/update', { mutedWords: ['/(broken/'] }, token('alice'))).body)).toMatchObject({
      code: 'INVALID_REGEXP',
      id: '0d786918-10df-41cd-8f33-8dec7d9a89a5',
    });
    expect(errorOf((await api(server, 'i/update', { mutedWords: ['no slashes'] }, token('alice'))).body).code).toBe(
      'INVALID_REGEXP',
    );
    const many = Array.from({ length: 40 }, (_, i) => [`word${i}`]);
    expect(errorOf((await api(server, 'i/update', { mutedWords: many }, token('alice'))).body)).toMatchObject({
      code: 'TOO_MANY_MUTED_WORDS',
      id: '010665b1-a211-42d2-bc64-8f6609d79785',
    });
    expect(((await api(server, 'i', {}, token('alice'))).body as { mutedWords: unknown }).mutedWords).toEqual([]);
  });
});

describe('muting users (mute/create, mute/delete)', () => {
  type NoteLike = { id: string; userId: string };

  it("hides a muted user's notes, renotes of and replies to them, and their notifications; unmuting brings them back", async () => {
    expect((await api(server, 'mute/create', { userId: userId('mallory') }, token('alice'))).status).toBe(204);
    expect(
      ((await api(server, 'users/show', { userId: userId('mallory') }, token('alice'))).body as { isMuted: boolean }).isMuted,
    ).toBe(true);
    const byMallory = (
      (await api(server, 'notes/create', { text: '@alice hello from mallory' }, token('mallory'))).body as {
        createdNote: NoteLike;
      }
    ).createdNote;
    const renote = (
      (await api(server, 'notes/create', { renoteId: byMallory.id }, token('bob'))).body as { createdNote: NoteLike }
    ).createdNote;
    const local = (await api(server, 'notes/local-timeline', { limit: 100 }, token('alice'))).body as NoteLike[];
    expect(local.map((n) => n.id)).not.toContain(byMallory.id);
    expect(local.map((n) => n.id)).not.toContain(renote.id);
    const mentions = (await api(server, 'notes/mentions', {}, token('alice'))).body as NoteLike[];
    expect(mentions.map((n) => n.id)).not.toContain(byMallory.id);
    const notifications = (await api(server, 'i/notifications', { limit: 100 }, token('alice'))).body as { noteId?: string }[];
    expect(notifications.some((n) => n.noteId === byMallory.id)).toBe(false);

    expect((await api(server, 'mute/delete', { userId: userId('mallory') }, token('alice'))).status).toBe(204);
    const again = (await api(server, 'notes/local-timeline', { limit: 100 }, token('alice'))).body as NoteLike[];
    expect(again.map((n) => n.id)).toContain(byMallory.id);
  });

  it("answers with Misskey's errors", async () => {
    expect(errorOf((await api(server, 'mute/create', { userId: userId('alice') }, token('alice'))).body)).toMatchObject({
      code: 'MUTEE_IS_YOURSELF',
      id: 'a4619cb2-5f23-484b-9301-94c903074e10',
    });
    await api(server, 'mute/create', { userId: userId('bob') }, token('alice'));
    expect(errorOf((await api(server, 'mute/create', { userId: userId('bob') }, token('alice'))).body)).toMatchObject({
      code: 'ALREADY_MUTING',
      id: '7e7359cb-160c-4956-b08f-4d1c653cd007',
    });
    expect(errorOf((await api(server, 'mute/delete', { userId: userId('carol') }, token('alice'))).body)).toMatchObject({
      code: 'NOT_MUTING',
      id: '5467d020-daa9-4553-81e1-135c0c35a96d',
    });
    expect(errorOf((await api(server, 'mute/create', { userId: 'aaaaaaaaaaaaaaaa' }, token('alice'))).body)).toMatchObject({
      code: 'NO_SUCH_USER',
      id: '6fef56f3-e765-4957-88e5-c6f65329b8a5',
    });
  });
});
