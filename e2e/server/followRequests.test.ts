import { describe, expect, it } from 'vitest';
import { api, standInForTests, TestSocket } from './testing.ts';

const { server, token, userId } = standInForTests();

type Relation = { isFollowing: boolean; hasPendingFollowRequestFromYou: boolean };
type Request = { id: string; follower: { username: string }; followee: { username: string } };

const relationToDave = async (name: string) =>
  (await api(server, 'users/show', { userId: userId('dave') }, token(name))).body as Relation;
const requestDave = (name: string) => api(server, 'following/create', { userId: userId('dave') }, token(name));
const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code;

describe('follow requests', () => {
  it('turns a follow of a locked account into a request that dave lists, newest first', async () => {
    // bob's request to dave comes with the seed
    await requestDave('alice');
    await requestDave('carol');
    expect(await relationToDave('alice')).toMatchObject({ isFollowing: false, hasPendingFollowRequestFromYou: true });
    const list = (await api(server, 'following/requests/list', {}, token('dave'))).body as Request[];
    expect(list.map((r) => [r.follower.username, r.followee.username])).toEqual([
      ['carol', 'dave'],
      ['alice', 'dave'],
      ['bob', 'dave'],
    ]);
    const older = (await api(server, 'following/requests/list', { untilId: list[0]!.id }, token('dave'))).body as Request[];
    expect(older.map((r) => r.follower.username)).toEqual(['alice', 'bob']);
    const newer = (await api(server, 'following/requests/list', { sinceId: list[2]!.id, limit: 1 }, token('dave')))
      .body as Request[];
    expect(newer.map((r) => r.follower.username)).toEqual(['alice']);
    expect((await api(server, 'following/requests/list', {}, token('alice'))).body).toEqual([]);
  });

  it('accepts with 204: the requester follows, hears follow and followRequestAccepted, dave hears followed', async () => {
    const alice = await TestSocket.open(server, token('alice'));
    const dave = await TestSocket.open(server, token('dave'));
    alice.connect('main', 'm');
    dave.connect('main', 'm');
    await Promise.all([alice.sync(), dave.sync()]);
    await requestDave('alice');
    expect((await dave.channelEvent('m', 'receiveFollowRequest')).body.body.username).toBe('alice');

    const accepted = await api(server, 'following/requests/accept', { userId: userId('alice') }, token('dave'));
    expect([accepted.status, accepted.text]).toEqual([204, '']);
    expect(await relationToDave('alice')).toMatchObject({ isFollowing: true, hasPendingFollowRequestFromYou: false });
    expect((await alice.channelEvent('m', 'follow')).body.body.username).toBe('dave');
    const notification = (
      await alice.next((f) => f.body?.type === 'notification' && f.body.body.type === 'followRequestAccepted')
    ).body.body;
    expect(notification).toMatchObject({ userId: userId('dave'), message: null });
    expect((await dave.channelEvent('m', 'followed')).body.body.username).toBe('alice');
    expect((await dave.channelEvent('m', 'meUpdated')).body.body.username).toBe('dave');
    const left = (await api(server, 'following/requests/list', {}, token('dave'))).body as Request[];
    expect(left.map((r) => r.follower.username)).toEqual(['bob']);
    alice.close();
    dave.close();
  });

  it('sends followRequestAccepted only when a request was accepted, not on a plain follow', async () => {
    const socket = await TestSocket.open(server, token('dave'));
    socket.connect('main', 'm');
    await socket.sync();
    await api(server, 'following/create', { userId: userId('bob') }, token('dave'));
    await socket.channelEvent('m', 'follow');
    const notifications = (await socket.sync()).filter((f) => f.body?.type === 'notification');
    expect(notifications.map((f) => f.body.body.type)).not.toContain('followRequestAccepted');
    socket.close();
  });

  it('answers accept without a request with NO_FOLLOW_REQUEST', async () => {
    const res = await api(server, 'following/requests/accept', { userId: userId('alice') }, token('dave'));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        message: 'No follow request.',
        code: 'NO_FOLLOW_REQUEST',
        id: 'bcde4f8b-0913-4614-8881-614e522fb041',
        kind: 'client',
      },
    });
  });

  it('rejects with 204 and tells the requester unfollow; rejecting nothing is not an error', async () => {
    const alice = await TestSocket.open(server, token('alice'));
    alice.connect('main', 'm');
    await alice.sync();
    await requestDave('alice');
    const rejected = await api(server, 'following/requests/reject', { userId: userId('alice') }, token('dave'));
    expect([rejected.status, rejected.text]).toEqual([204, '']);
    expect(await relationToDave('alice')).toMatchObject({ isFollowing: false, hasPendingFollowRequestFromYou: false });
    expect((await alice.channelEvent('m', 'unfollow')).body.body.username).toBe('dave');
    const again = await api(server, 'following/requests/reject', { userId: userId('alice') }, token('dave'));
    expect(again.status).toBe(204);
    alice.close();
  });

  it('cancels a pending request, returning the followee as UserLite, and FOLLOW_REQUEST_NOT_FOUND after', async () => {
    await requestDave('alice');
    const cancelled = await api(server, 'following/requests/cancel', { userId: userId('dave') }, token('alice'));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: userId('dave'), username: 'dave' });
    expect('isFollowing' in (cancelled.body as object)).toBe(false);
    expect(await relationToDave('alice')).toMatchObject({ hasPendingFollowRequestFromYou: false });
    const again = await api(server, 'following/requests/cancel', { userId: userId('dave') }, token('alice'));
    expect([again.status, errorCode(again.body)]).toEqual([400, 'FOLLOW_REQUEST_NOT_FOUND']);
  });

  it('answers an unknown user with NO_SUCH_USER', async () => {
    const res = await api(server, 'following/requests/accept', { userId: '0000000000000000' }, token('dave'));
    expect([res.status, errorCode(res.body)]).toEqual([400, 'NO_SUCH_USER']);
  });
});
