import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import grouped from '@/testing/fixtures/rest-i-notifications-grouped-limit-20.json';
import plain from '@/testing/fixtures/rest-i-notifications-limit-20.json';
import { groupNotifications, type ShownNotification } from './notificationGroups';

type Notification = Misskey.entities.Notification;
const fromServer = grouped.response as unknown as Notification[];
const ungrouped = plain.response as unknown as Notification[];

const summary = (s: ShownNotification) => ({
  key: s.key,
  type: s.type,
  users: s.users.map((u) => u.username),
  reactions: s.reactions.map((r) => `${r.user.username} ${r.reaction}`),
});

describe('groupNotifications', () => {
  it('reads the recorded i/notifications-grouped entries as they are', () => {
    const shown = groupNotifications(fromServer);
    expect(shown.map((s) => s.type)).toEqual(fromServer.map((n) => n.type));
    expect(shown.map((s) => s.key)).toEqual(fromServer.map((n) => n.id));
    expect(summary(shown[1]!)).toEqual({
      key: 'au6ab2tpztoj02mv',
      type: 'reaction:grouped',
      users: ['admin', 'bob'],
      reactions: ['admin 🎉', 'bob 👍'],
    });
    // bob changed his reaction twice: one person, three reactions.
    expect(summary(shown[5]!)).toMatchObject({ users: ['bob'], reactions: ['bob 👍', 'bob ❤', 'bob 👍'] });
  });

  it('groups a plain i/notifications page exactly as the server grouped the same notifications', () => {
    const ours = groupNotifications(ungrouped).map(summary);
    const theirs = groupNotifications(fromServer).map(summary);
    // The plain page holds 20 notifications; the grouped one also reached the 21st.
    expect(ours).toEqual(theirs.slice(0, ours.length));
    expect(ours).toHaveLength(theirs.length - 1);
  });

  it('puts a live reaction into the group on top, keeping its key', () => {
    const top = fromServer[1] as Extract<Notification, { type: 'reaction:grouped' }>;
    const carol = { ...top.reactions[0]!.user, id: 'carol-id', username: 'carol' };
    const live = {
      id: 'zzzzzzzzzzzzzzzz',
      createdAt: '2026-11-30T04:00:00.000Z',
      type: 'reaction',
      userId: carol.id,
      user: carol,
      note: top.note,
      reaction: '❤',
    } as Notification;
    const shown = groupNotifications([live, top, ...fromServer.slice(2)]);
    expect(summary(shown[0]!)).toEqual({
      key: top.id,
      type: 'reaction:grouped',
      users: ['carol', 'admin', 'bob'],
      reactions: ['carol ❤', 'admin 🎉', 'bob 👍'],
    });
    expect(shown[0]!.createdAt).toBe(live.createdAt);
    expect(shown).toHaveLength(fromServer.length - 1);
  });

  it('leaves a single reaction, renote or anything else as it is', () => {
    const shown = groupNotifications(fromServer.slice(2, 5));
    expect(shown.map((s) => s.type)).toEqual(['reaction', 'reaction', 'mention']);
    expect(shown[0]!.newest).toBe(fromServer[2]);
  });
});
