import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import type * as Misskey from 'misskey-js';
import messages from '@/locales/en/notifications.json';
import recorded from '@/testing/fixtures/rest-i-notifications.json';
import groupedPage from '@/testing/fixtures/rest-i-notifications-grouped-limit-20.json';
import { groupNotifications } from './notificationGroups';
import {
  displayName,
  notificationExcerpt,
  notificationLine,
  notificationTarget,
  notificationText,
  reactionOf,
  type Translator,
} from './notificationView';

type Notification = Misskey.entities.Notification;

const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { notifications: messages } } });
const translator: Translator = { t: i18n.global.t, te: i18n.global.te };
const list = recorded.response as unknown as Notification[];

function first(type: string): Notification {
  const found = list.find((n) => n.type === type);
  if (!found) throw new Error(`no ${type} in the recording`);
  return found;
}

const sources = {
  origin: 'https://misskey.example',
  localEmojiUrl: (name: string) => (name === 'blobcat' ? 'https://misskey.example/files/blobcat.png' : undefined),
};

describe('notification text', () => {
  it.each([
    ['mention', 'bob mentioned you'],
    ['reply', 'bob replied'],
    ['renote', 'bob renoted your note'],
    ['quote', 'bob quoted your note'],
    ['follow', 'bob followed you'],
    ['followRequestAccepted', 'admin accepted your follow request'],
    ['pollEnded', 'A poll has ended'],
  ])('%s (recorded 2024.10.1) reads "%s"', (type, text) => {
    expect(notificationText(first(type), translator)).toBe(text);
  });

  it('names the achievement and the reaction', () => {
    const achievement = list.find((n) => n.type === 'achievementEarned' && n.achievement === 'notes1')!;
    expect(notificationText(achievement, translator)).toBe('You earned an achievement: notes1');
    const reaction = list.find((n) => n.type === 'reaction' && n.reaction === '👍')!;
    expect(notificationText(reaction, translator)).toBe('bob reacted 👍');
  });

  it('uses the display name when there is one, and the request and app texts', () => {
    const follow = first('follow') as Extract<Notification, { type: 'follow' }>;
    const named = { ...follow, type: 'receiveFollowRequest', user: { ...follow.user, name: 'Bob B.' } } as Notification;
    expect(notificationText(named, translator)).toBe('Bob B. asked to follow you');
    const app = {
      id: 'a',
      createdAt: follow.createdAt,
      type: 'app',
      header: 'Bot',
      body: 'Backup done',
      icon: null,
    } as Notification;
    expect(notificationText(app, translator)).toBe('Bot: Backup done');
    expect(notificationText({ ...app, header: null } as Notification, translator)).toBe('Backup done');
  });

  it('reads every other 2024.10 type: role, export, sign-in, token, test', () => {
    const base = { id: 'x', createdAt: '2026-11-23T06:18:56.731Z' };
    const read = (n: object) => notificationText({ ...base, ...n } as Notification, translator);
    expect(read({ type: 'roleAssigned', role: { id: 'r', name: 'Moderator' } })).toBe('You were given the role “Moderator”');
    expect(read({ type: 'roleAssigned' })).toBe('You were given a role');
    expect(read({ type: 'exportCompleted', exportedEntity: 'note', fileId: 'f' })).toBe('Your export of notes is ready');
    expect(read({ type: 'exportCompleted', exportedEntity: 'somethingNew', fileId: 'f' })).toBe('Your export is ready');
    expect(read({ type: 'login' })).toBe('Someone signed in to your account');
    expect(read({ type: 'createToken' })).toBe('An access token was created for your account');
    expect(read({ type: 'test' })).toBe('Test notification');
  });

  it('gives a type it does not know a plain line instead of failing', () => {
    const unknown = {
      id: 'u',
      createdAt: '2026-11-23T06:18:56.731Z',
      type: 'brandNewKind',
      something: 1,
    } as unknown as Notification;
    expect(notificationText(unknown, translator)).toBe('Notification (brandNewKind)');
    expect(notificationTarget(unknown)).toBeNull();
    expect(notificationExcerpt(unknown)).toBe('');
  });
});

describe('the line of a group', () => {
  const shown = groupNotifications(groupedPage.response as unknown as Notification[]);
  const read = (i: number) => {
    const { key, user, params, count } = notificationLine(shown[i]!, translator);
    return translator.t(key, { ...params, user: user ? displayName(user) : '' }, count);
  };

  it('names the newest and counts the others', () => {
    expect(read(0)).toBe('Administrator and 1 other renoted your note');
    expect(read(1)).toBe('Administrator and 1 other reacted');
    // One person reacting three times is one person.
    expect(read(5)).toBe('Bob reacted');
  });

  it('reads the achievement by its id until the names are loaded', () => {
    expect(read(6)).toBe('You earned an achievement: followers1');
  });
});

describe('where a notification leads', () => {
  it('goes to the note when there is one, else to the user', () => {
    const mention = first('mention') as Extract<Notification, { type: 'mention' }>;
    expect(notificationTarget(mention)).toBe(`/notes/${mention.note.id}`);
    expect(notificationTarget(first('follow'))).toBe('/@bob');
    const remote = first('follow') as Extract<Notification, { type: 'follow' }>;
    expect(notificationTarget({ ...remote, user: { ...remote.user, host: 'remote.tld' } })).toBe('/@bob@remote.tld');
  });

  it('goes to the note renoted for a renote', () => {
    const renote = first('renote') as Extract<Notification, { type: 'renote' }>;
    expect(notificationTarget(renote)).toBe(`/notes/${renote.note.renoteId}`);
  });

  it('quotes the renoted note of a pure renote, and only its CW when it has one', () => {
    const renote = first('renote') as Extract<Notification, { type: 'renote' }>;
    expect(renote.note.text).toBeNull();
    expect(renote.note.renote!.text).toBe('The butler did it.');
    expect(notificationExcerpt(renote)).toBe('Spoiler: ending of the book');
    const uncovered = { ...renote, note: { ...renote.note, renote: { ...renote.note.renote!, cw: null } } };
    expect(notificationExcerpt(uncovered)).toBe('The butler did it.');
  });
});

describe('reaction emoji of a notification', () => {
  const reaction = list.find((n) => n.type === 'reaction' && n.reaction === ':blobcat:') as Extract<
    Notification,
    { type: 'reaction' }
  >;

  it('finds a local emoji stored as :name: in the server emoji list', () => {
    expect(reactionOf(reaction.reaction, reaction.note, sources)).toEqual({
      kind: 'custom',
      name: 'blobcat',
      url: 'https://misskey.example/files/blobcat.png',
    });
  });

  it('reads :name@.: the same way', () => {
    expect(reactionOf(':blobcat@.:', reaction.note, sources)).toMatchObject({
      url: 'https://misskey.example/files/blobcat.png',
    });
  });

  it("takes a remote emoji from the note's reactionEmojis", () => {
    const note = { ...reaction.note, reactionEmojis: { 'party@remote.tld': 'https://remote.tld/party.png' } };
    expect(reactionOf(':party@remote.tld:', note, sources)).toEqual({
      kind: 'custom',
      name: 'party@remote.tld',
      url: 'https://remote.tld/party.png',
    });
  });

  it("falls back to the server's /emoji/ route for an emoji nobody lists", () => {
    expect(reactionOf(':gone:', reaction.note, sources)).toMatchObject({
      url: 'https://misskey.example/emoji/gone.webp',
    });
  });

  it('shows a Unicode reaction as itself, and nothing without a reaction', () => {
    expect(reactionOf('👍', reaction.note, sources)).toEqual({ kind: 'unicode', text: '👍' });
    expect(reactionOf('', null, sources)).toBeNull();
  });
});
