import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import type { PushRecord } from '@/offline/db';
import notifications from '@/testing/fixtures/rest-i-notifications.json';
import { pushTranslator } from './catalog';
import { composePush, PUSH_STALE_MS, readPayload } from './pushMessage';

type Notification = Misskey.entities.Notification;

const NOW = 1_800_000_000_000;
const en = pushTranslator('en');
const list = notifications.response as unknown as Notification[];
const first = (type: string) => list.find((n) => n.type === type)!;

const record = (accounts: PushRecord['accounts']): PushRecord => ({
  id: 'current',
  origin: 'https://misskey.example',
  endpoint: 'https://push.example.invalid/abc',
  accounts,
  lang: 'en',
});
const alice = { key: 'alice1@https://misskey.example', acct: '@alice@misskey.example' };
const bob = { key: 'bob1@https://misskey.example', acct: '@bob@misskey.example' };

// As Misskey sends it: the note summarised, without its author (the notification names the user).
function pushed(n: Notification, userId = 'alice1', dateTime = NOW) {
  const note = (n as { note?: Misskey.entities.Note }).note;
  const body = note ? { ...n, note: { ...note, user: undefined, cw: undefined, text: note.cw ?? note.text } } : n;
  return { type: 'notification', body: JSON.parse(JSON.stringify(body)) as unknown, userId, dateTime };
}

describe('push notifications from Misskey', () => {
  it('reads only well-formed payloads', () => {
    expect(readPayload({ type: 'notification', body: {}, userId: 'u', dateTime: 1 })).not.toBeNull();
    expect(readPayload({ type: 'readAllNotifications', userId: 'u', dateTime: 1 })).toMatchObject({ body: undefined });
    expect(readPayload({ type: 'notification', userId: 'u' })).toBeNull();
    expect(readPayload('garbage')).toBeNull();
  });

  it('shows a reaction with who, what, the note, and leads to the note as that account', () => {
    const reaction = first('reaction') as Extract<Notification, { type: 'reaction' }>;
    const shown = composePush(pushed(reaction), record({ alice1: alice }), en, NOW)!;
    expect(shown.title).toBe(`${reaction.user.name ?? reaction.user.username} reacted ${reaction.reaction}`);
    expect(shown.options.body).toBe(reaction.note.cw ?? reaction.note.text);
    expect(shown.options.icon).toBe(reaction.user.avatarUrl);
    expect(shown.options.data).toEqual({
      account: alice.key,
      url: `/notes/${reaction.note.id}?account=${encodeURIComponent(alice.key)}`,
    });
    // Reactions to one note replace each other; tags never mix accounts.
    expect(shown.options.tag).toBe(`${alice.key}|reaction:${reaction.note.id}`);
  });

  it('says whose it is when several accounts notify here, and writes in the chosen language', () => {
    const follow = first('follow');
    const shown = composePush(pushed(follow, 'bob1'), record({ alice1: alice, bob1: bob }), pushTranslator('ja'), NOW)!;
    expect(shown.title).toMatch(/ · @bob@misskey\.example$/);
    expect(shown.title).not.toMatch(/followed you/);
    expect(shown.options.data.url).toBe(
      `/@${(follow as { user: { username: string } }).user.username}?account=${encodeURIComponent(bob.key)}`,
    );
  });

  it('shows nothing for an account not registered here, or a push held back for more than a day', () => {
    const mention = first('mention');
    expect(composePush(pushed(mention, 'carol1'), record({ alice1: alice }), en, NOW)).toBeNull();
    expect(composePush(pushed(mention), null, en, NOW)).toBeNull();
    expect(composePush(pushed(mention, 'alice1', NOW - PUSH_STALE_MS - 1), record({ alice1: alice }), en, NOW)).toBeNull();
  });

  it('a notification about nothing leads to the notifications page', () => {
    const achievement = first('achievementEarned');
    const shown = composePush(pushed(achievement), record({ alice1: alice }), en, NOW)!;
    expect(shown.options.data.url).toBe(`/notifications?account=${encodeURIComponent(alice.key)}`);
    expect(shown.options).not.toHaveProperty('icon');
  });

  it('shows an antenna note with its author', () => {
    const note = list.map((n) => (n as { note?: Misskey.entities.Note }).note).find(Boolean)!;
    const body = { antenna: { id: 'ant1', name: 'Probes' }, note: { ...note, text: 'probe word' } };
    const shown = composePush(
      { type: 'unreadAntennaNote', body, userId: 'alice1', dateTime: NOW },
      record({ alice1: alice }),
      en,
      NOW,
    )!;
    expect(shown.title).toBe('New note in the antenna Probes');
    expect(shown.options.body).toBe(`${note.user.name ?? note.user.username}: probe word`);
    expect(shown.options.tag).toBe(`${alice.key}|antenna:ant1`);
  });
});
