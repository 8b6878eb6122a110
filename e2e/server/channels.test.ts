import { describe, expect, it } from 'vitest';
import { api, expectSameShape, fixture, standInForTests, TestSocket } from './testing.ts';

const { server, token } = standInForTests();

type Channel = { id: string; name: string; isFollowing?: boolean; isFavorited?: boolean; notesCount: number };
type NoteLike = { id: string; text: string | null; channelId?: string; localOnly: boolean; visibility: string };
const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;

async function newChannel(): Promise<Channel> {
  const res = await api(
    server,
    'channels/create',
    { name: 'Fixture channel', description: 'For **tests**', color: '#86b300' },
    token('alice'),
  );
  expect(res.status).toBe(200);
  return res.body as Channel;
}

const post = async (as: string, params: Record<string, unknown>) =>
  ((await api(server, 'notes/create', params, token(as))).body as { createdNote: NoteLike }).createdNote;

describe('channels', () => {
  it('has no channel mute on 2024.10 (a 2026 feature), and no bannerId or isMuting on channels', async () => {
    const channel = await newChannel();
    expect(channel).not.toHaveProperty('isMuting');
    expect(channel).not.toHaveProperty('bannerId');
    expect((await api(server, 'channels/mute/create', { channelId: channel.id }, token('bob'))).status).toBe(404);
  });

  it('creates, shows, follows and favorites with the recorded shapes', async () => {
    const created = await api(
      server,
      'channels/create',
      { name: 'Fixture channel', description: 'x', color: '#86b300' },
      token('alice'),
    );
    expectSameShape(created.body, fixture('rest-channels-create.json').response);
    const channel = created.body as Channel;
    expectSameShape(
      (await api(server, 'channels/show', { channelId: channel.id }, token('alice'))).body,
      fixture('rest-channels-show.json').response,
    );
    const followed = await api(server, 'channels/follow', { channelId: channel.id }, token('bob'));
    expect([followed.status, followed.text]).toEqual([204, '']);
    const favorited = await api(server, 'channels/favorite', { channelId: channel.id }, token('bob'));
    expect([favorited.status, favorited.text]).toEqual([204, '']);
    const asBob = (await api(server, 'channels/show', { channelId: channel.id }, token('bob'))).body;
    expectSameShape(asBob, fixture('rest-channels-show-as-bob.json').response);
    expect(asBob).toMatchObject({ isFollowing: true, isFavorited: true });
    const mine = (await api(server, 'channels/followed', { limit: 5 }, token('bob'))).body as Channel[];
    expect(mine.map((c) => c.id)).toContain(channel.id);
    expectSameShape(mine[0], fixture('rest-channels-followed.json').response[0]);
    expect(((await api(server, 'channels/my-favorites', {}, token('bob'))).body as Channel[]).map((c) => c.id)).toEqual([
      channel.id,
    ]);
    expect(((await api(server, 'channels/owned', {}, token('alice'))).body as Channel[]).map((c) => c.id)).toEqual([channel.id]);
    const found = (await api(server, 'channels/search', { query: 'fixture' }, token('alice'))).body as Channel[];
    expect(found.map((c) => c.id)).toEqual([channel.id]);
    // A second follow is a duplicate row: 2024.10 reports INTERNAL_ERROR.
    const twice = await api(server, 'channels/follow', { channelId: channel.id }, token('bob'));
    expect([twice.status, errorOf(twice.body).code]).toEqual([500, 'INTERNAL_ERROR']);
    await api(server, 'channels/unfollow', { channelId: channel.id }, token('bob'));
    const after = (await api(server, 'channels/show', { channelId: channel.id }, token('bob'))).body;
    expect(after).toMatchObject({ isFollowing: false });
  });

  it('keeps channel notes public, local-only and in their channel only', async () => {
    const channel = await newChannel();
    const note = await post('bob', { text: 'Into the channel', channelId: channel.id, visibility: 'home' });
    expect(note).toMatchObject({ channelId: channel.id, localOnly: true, visibility: 'public' });
    expectSameShape(note, fixture('rest-notes-create-channel.json').response.createdNote);
    const timeline = (await api(server, 'channels/timeline', { channelId: channel.id, limit: 10 }, token('alice')))
      .body as NoteLike[];
    expect(timeline.map((n) => n.id)).toEqual([note.id]);
    expectSameShape(timeline[0], fixture('rest-channels-timeline.json').response[0]);
    const local = (await api(server, 'notes/local-timeline', { limit: 20 }, token('alice'))).body as NoteLike[];
    expect(local.map((n) => n.id)).not.toContain(note.id);
    const ofBob = (await api(server, 'users/notes', { userId: server.users.bob!.id, limit: 20 })).body as NoteLike[];
    expect(ofBob.map((n) => n.id)).not.toContain(note.id);
    // Home shows channel notes of followed channels only.
    const home = async () =>
      ((await api(server, 'notes/timeline', { limit: 20 }, token('alice'))).body as NoteLike[]).map((n) => n.id);
    expect(await home()).not.toContain(note.id);
    await api(server, 'channels/follow', { channelId: channel.id }, token('alice'));
    expect(await home()).toContain(note.id);
    const featured = (await api(server, 'channels/featured', {})).body as Channel[];
    expect(featured[0]).toMatchObject({ id: channel.id, notesCount: 1 });
  });

  it('answers NO_SUCH_CHANNEL per endpoint', async () => {
    const missing = { channelId: 'au69aaaaaaaaaaaa' };
    const shown = await api(server, 'channels/show', missing, token('alice'));
    expect([shown.status, shown.body]).toEqual([400, fixture('rest-error-400-no-such-channel.json').response]);
    expect(errorOf((await api(server, 'channels/timeline', missing)).body).id).toBe('4d0eeeba-a02c-4c3c-9966-ef60d38d2e7f');
    expect(errorOf((await api(server, 'channels/follow', missing, token('bob'))).body).id).toBe(
      'c0031718-d573-4e85-928e-10039f1fbb68',
    );
    const posted = await api(server, 'notes/create', { text: 'x', ...missing }, token('bob'));
    expect(errorOf(posted.body)).toMatchObject({ code: 'NO_SUCH_CHANNEL', id: 'b1653923-5453-4edc-b786-7c4f39bb0bbb' });
  });

  it("streams the channel's notes on the `channel` channel, and nothing else", async () => {
    const channel = await newChannel();
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('channel', 'channel-1', { channelId: channel.id });
    await socket.sync();
    await post('bob', { text: 'Outside the channel' });
    await post('bob', { text: 'Streaming into the channel', channelId: channel.id });
    const frame = await socket.channelEvent('channel-1', 'note');
    expect(frame.body.body.text).toBe('Streaming into the channel');
    expectSameShape(frame.body.body, fixture('stream-channel.json')[1].frame.body.body);
    expect(socket.frames.filter((f) => f.type === 'channel' && f.body.id === 'channel-1')).toHaveLength(1);
    socket.close();
  });
});
