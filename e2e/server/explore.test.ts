import { describe, expect, it } from 'vitest';
import { api, expectSameShape, fixture, standInForTests } from './testing.ts';

const { server, token } = standInForTests();

type User = { id: string; username: string };
type Tag = { tag: string; chart: number[]; usersCount: number };

describe('explore', () => {
  it('features reacted public notes, newest first, with the recorded shape', async () => {
    const notes = (await api(server, 'notes/featured', { limit: 10 }, token('alice'))).body as {
      id: string;
      reactionCount: number;
    }[];
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.reactionCount > 0)).toBe(true);
    expect(notes.map((n) => n.id)).toEqual([...notes.map((n) => n.id)].sort().reverse());
    const plain = notes.find((n) => !('poll' in n) && !('tags' in n) && !('mentions' in n) && !('myReaction' in n));
    const recorded = (fixture('rest-notes-featured.json').response as Record<string, unknown>[]).map((n) =>
      Object.fromEntries(Object.entries(n).filter(([key]) => key !== 'poll')),
    );
    expectSameShape(plain, recorded[0]);
  });

  it('trends tags by distinct users over twenty ten-minute points', async () => {
    await api(server, 'notes/create', { text: 'About #probe' }, token('alice'));
    await api(server, 'notes/create', { text: 'More #probe and #fixtures' }, token('bob'));
    const tags = (await api(server, 'hashtags/trend', {})).body as Tag[];
    const probe = tags.find((t) => t.tag === 'probe')!;
    expectSameShape(probe, fixture('rest-hashtags-trend.json').response[0]);
    expect(probe).toMatchObject({ usersCount: 2 });
    expect(probe.chart).toHaveLength(20);
    expect(probe.chart[0]).toBe(2);
  });

  it('searches users by name, then by bio without removing repeats, and by @username', async () => {
    const found = (await api(server, 'users/search', { query: 'bob', limit: 10 }, token('alice'))).body as User[];
    expect(found[0]!.username).toBe('bob');
    expectSameShape(found[0], fixture('rest-users-search.json').response[0]);
    const byName = (await api(server, 'users/search', { query: 'キャロル' }, token('alice'))).body as User[];
    expect(byName.map((u) => u.username)).toEqual(['carol']);
    const byAt = (await api(server, 'users/search', { query: '@ali' }, token('alice'))).body as User[];
    expect(byAt.map((u) => u.username)).toEqual(['alice']);
    const exact = (
      await api(server, 'users/search-by-username-and-host', { username: 'bob', host: null, limit: 10 }, token('alice'))
    ).body as User[];
    expectSameShape(exact[0], fixture('rest-users-search-by-username-and-host.json').response[0]);
  });

  it('lists popular users by followers, and the pinned ones', async () => {
    const popular = (await api(server, 'users', { sort: '+follower', limit: 5 }, token('alice'))).body as (User & {
      followersCount: number;
    })[];
    expect(popular).toHaveLength(5);
    expect(popular[0]!.username).toBe('alice');
    expect(popular.map((u) => u.followersCount)).toEqual([...popular.map((u) => u.followersCount)].sort((a, b) => b - a));
    expectSameShape(popular[0], fixture('rest-users.json').response[0]);
    const pinned = (await api(server, 'pinned-users', {}, token('alice'))).body as User[];
    expect(pinned.map((u) => u.username)).toEqual(['admin', 'newsbot']);
  });
});
