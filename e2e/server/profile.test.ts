import { describe, expect, it } from 'vitest';
import { api, standInForTests, TestSocket } from './testing.ts';
import { encodePng } from './png.ts';

const { server, token } = standInForTests();

type Me = Record<string, unknown> & { avatarUrl: string; avatarId: string | null; bannerUrl: string | null };
const errorOf = (body: unknown) => (body as { error: { code: string; id: string; info?: unknown } }).error;

async function upload(user: string, type: string): Promise<string> {
  const form = new FormData();
  form.append('i', token(user));
  const data = type === 'image/png' ? encodePng(2, 2, 3, () => [0, 0, 0]) : Buffer.from('text');
  form.append('file', new Blob([new Uint8Array(data)], { type }), 'f');
  return ((await (await fetch(`${server.url}/api/drive/files/create`, { method: 'POST', body: form })).json()) as { id: string })
    .id;
}

describe('i/update: the profile', () => {
  it('saves name, bio, location, birthday, fields and flags, echoes them and sends meUpdated', async () => {
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('main', 'm');
    await socket.sync();
    const res = await api(
      server,
      'i/update',
      {
        name: '  Alice Fixture ',
        description: 'Hi, I am **Alice**.',
        location: 'Loopback',
        birthday: '2000-01-02',
        fields: [
          { name: ' Website ', value: 'https://example.invalid/alice' },
          { name: 'empty', value: '  ' },
          { name: 'Pronouns', value: 'she/her' },
        ],
        isCat: true,
        isBot: true,
      },
      token('alice'),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Alice Fixture',
      description: 'Hi, I am **Alice**.',
      location: 'Loopback',
      birthday: '2000-01-02',
      fields: [
        { name: 'Website', value: 'https://example.invalid/alice' },
        { name: 'Pronouns', value: 'she/her' },
      ],
      isCat: true,
      isBot: true,
      verifiedLinks: [],
    });
    expect((await socket.channelEvent('m', 'meUpdated')).body.body.name).toBe('Alice Fixture');
    socket.close();
    // Others see it too, on notes as well.
    const shown = (await api(server, 'users/show', { username: 'alice' }, token('bob'))).body as Record<string, unknown>;
    expect(shown).toMatchObject({ name: 'Alice Fixture', location: 'Loopback', isCat: true });
    const cleared = await api(server, 'i/update', { name: null, location: null, birthday: null, fields: [] }, token('alice'));
    expect(cleared.body).toMatchObject({ name: null, location: null, birthday: null, fields: [] });
  });

  it('refuses what 2024.10.1 refuses, with its errors', async () => {
    const birthday = await api(server, 'i/update', { birthday: 'not-a-date' }, token('alice'));
    expect(birthday.status).toBe(400);
    expect(errorOf(birthday.body)).toMatchObject({
      code: 'INVALID_PARAM',
      info: { param: '#/properties/birthday/pattern', reason: 'must match pattern "^([0-9]{4})-([0-9]{2})-([0-9]{2})$"' },
    });
    const longName = await api(server, 'i/update', { name: 'x'.repeat(51) }, token('alice'));
    expect(errorOf(longName.body).info).toMatchObject({ param: '#/properties/name/maxLength' });
    const emptyBio = await api(server, 'i/update', { description: '' }, token('alice'));
    expect(errorOf(emptyBio.body).info).toMatchObject({ param: '#/properties/description/minLength' });
    const tooMany = await api(server, 'i/update', { fields: Array(17).fill({ name: 'a', value: 'b' }) }, token('alice'));
    expect(errorOf(tooMany.body).info).toMatchObject({ param: '#/properties/fields/maxItems' });
    const notMine = await upload('bob', 'image/png');
    expect(errorOf((await api(server, 'i/update', { avatarId: notMine }, token('alice'))).body)).toMatchObject({
      code: 'NO_SUCH_AVATAR',
      id: '539f3a45-f215-4f81-a9a8-31293640207f',
    });
    const text = await upload('alice', 'text/plain');
    expect(errorOf((await api(server, 'i/update', { bannerId: text }, token('alice'))).body)).toMatchObject({
      code: 'BANNER_NOT_AN_IMAGE',
      id: '75aedb19-2afd-4e6d-87fc-67941256fa60',
    });
    // Nothing was half-applied.
    const me = (await api(server, 'i', {}, token('alice'))).body as Me;
    expect(me.name).toBe('Alice');
  });

  it('sets the avatar and banner from drive images, and a deleted file stops being the avatar', async () => {
    const avatar = await upload('alice', 'image/png');
    const banner = await upload('alice', 'image/png');
    const me = (await api(server, 'i/update', { avatarId: avatar, bannerId: banner }, token('alice'))).body as Me;
    expect(me.avatarId).toBe(avatar);
    expect(me.avatarUrl).toBe(`${server.url}/files/${avatar}`);
    expect(me.bannerUrl).toBe(`${server.url}/files/${banner}`);
    const note = (await api(server, 'notes/create', { text: 'new face' }, token('alice'))).body as {
      createdNote: { user: { avatarUrl: string } };
    };
    expect(note.createdNote.user.avatarUrl).toBe(me.avatarUrl);
    await api(server, 'drive/files/delete', { fileId: avatar }, token('alice'));
    const after = (await api(server, 'i', {}, token('alice'))).body as Me;
    expect(after.avatarId).toBeNull();
    expect(after.avatarUrl).toMatch(/avatar-/);
  });

  it('unlocking approves the follow requests that were waiting', async () => {
    // bob asked dave (locked) in the seed.
    const res = await api(server, 'i/update', { isLocked: false }, token('dave'));
    expect((res.body as Me).isLocked).toBe(false);
    const relation = (await api(server, 'users/show', { username: 'dave' }, token('bob'))).body as Record<string, unknown>;
    expect(relation).toMatchObject({ isFollowing: true, hasPendingFollowRequestFromYou: false });
  });
});
