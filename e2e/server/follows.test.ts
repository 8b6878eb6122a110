import { describe, expect, it } from 'vitest';
import { api, standInForTests } from './testing.ts';

const { server, token, userId } = standInForTests();

type Following = {
  id: string;
  createdAt: string;
  followerId: string;
  followeeId: string;
  followee?: { username: string; isFollowing?: boolean };
  follower?: { username: string };
};
const errorOf = (body: unknown) => (body as { error: { code: string; id: string } }).error;

describe('users/following and users/followers', () => {
  it('lists whom alice follows, newest first, with each followee as a UserDetailed seen by the caller', async () => {
    await api(server, 'following/create', { userId: userId('mallory') }, token('alice'));
    const list = (await api(server, 'users/following', { userId: userId('alice'), limit: 100 }, token('bob')))
      .body as Following[];
    expect(list[0]).toMatchObject({
      followerId: userId('alice'),
      followeeId: userId('mallory'),
      followee: { username: 'mallory' },
    });
    expect(Object.keys(list[0]!).sort()).toEqual(['createdAt', 'followee', 'followeeId', 'followerId', 'id']);
    expect(new Set(list.map((f) => f.followee!.username))).toEqual(new Set(['mallory', 'bob', 'admin', 'carol', 'newsbot']));
    expect(list.map((f) => f.id)).toEqual([...list.map((f) => f.id)].sort().reverse());
    // bob asks: whether he follows each of them is in the packed user.
    expect(list.find((f) => f.followee!.username === 'carol')!.followee!.isFollowing).toBeTypeOf('boolean');
    const older = (await api(server, 'users/following', { username: 'alice', host: null, untilId: list[0]!.id, limit: 100 }))
      .body as Following[];
    expect(older.map((f) => f.id)).toEqual(list.slice(1).map((f) => f.id));
  });

  it('lists who follows bob, and answers NO_SUCH_USER with the id of each endpoint', async () => {
    const followers = (await api(server, 'users/followers', { userId: userId('bob') })).body as Following[];
    expect(followers.map((f) => f.follower!.username)).toContain('alice');
    expect(followers.every((f) => f.followeeId === userId('bob') && f.followee === undefined)).toBe(true);
    expect(errorOf((await api(server, 'users/following', { username: 'nobody', host: null })).body)).toMatchObject({
      code: 'NO_SUCH_USER',
      id: '63e4aba4-4156-4e53-be25-c9559e42d71b',
    });
    expect(errorOf((await api(server, 'users/followers', { username: 'nobody', host: null })).body)).toMatchObject({
      code: 'NO_SUCH_USER',
      id: '27fa5435-88ab-43de-9360-387de88727cd',
    });
  });
});
