import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './index.ts';
import { api, TestSocket, upgradeStatus } from './testing.ts';

let server: RunningServer;
const sockets: TestSocket[] = [];
const open = async (token?: string) => {
  const socket = await TestSocket.open(server, token);
  sockets.push(socket);
  return socket;
};
const token = (name: string) => server.users[name]!.token;
const userId = (name: string) => server.users[name]!.id;
const act = (as: string, endpoint: string, params: Record<string, unknown>) => api(server, endpoint, params, token(as));

beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
  server.reset();
});
afterAll(() => server.close());

describe('handshake', () => {
  it('answers 401 with WWW-Authenticate for an unknown token', async () => {
    const result = await upgradeStatus(server, '?i=not-a-real-token');
    expect(result.status).toBe(401);
    expect(result.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('answers 401 for an empty token', async () => {
    expect((await upgradeStatus(server, '?i=')).status).toBe(401);
  });

  it('accepts an anonymous socket and its public channels, ignores login-only ones', async () => {
    const socket = await open();
    socket.connect('homeTimeline', 'htl', {}, true);
    socket.connect('main', 'main', {}, true);
    socket.connect('globalTimeline', 'gtl', {}, true);
    await socket.next((f) => f.type === 'connected' && f.body.id === 'gtl');
    expect(socket.frames).toEqual([{ type: 'connected', body: { id: 'gtl' } }]);
  });
});

describe('client messages', () => {
  it('ignores a second connect to a shared channel, and keeps events on the first id', async () => {
    const socket = await open(token('alice'));
    socket.connect('main', 'main-1', {}, true);
    socket.connect('main', 'main-2', {}, true);
    const before = await socket.sync();
    expect(before).toEqual([{ type: 'connected', body: { id: 'main-1' } }]);
    await act('bob', 'notes/create', { text: 'hi @alice' });
    const mention = await socket.next((f) => f.type === 'channel' && f.body.type === 'mention');
    expect(mention.body.id).toBe('main-1');
  });

  it('allows at most 32 channel instances per socket', async () => {
    const socket = await open(token('alice'));
    for (let i = 0; i < 32; i++) socket.connect('localTimeline', `c${i}`);
    socket.connect('localTimeline', 'c32', {}, true);
    socket.send({ type: 'disconnect', body: { id: 'c0' } });
    socket.connect('localTimeline', 'c33', {}, true);
    const answer = await socket.next((f) => f.type === 'connected');
    expect(answer.body.id).toBe('c33');
  });

  it('ignores a connect whose params are null', async () => {
    const socket = await open(token('alice'));
    socket.send({ type: 'connect', body: { channel: 'localTimeline', id: 'bad', params: null, pong: true } });
    expect(await socket.sync()).toEqual([]);
  });

  it('drops garbage without closing the socket or answering', async () => {
    const socket = await open(token('alice'));
    for (const frame of [
      'ping',
      'h',
      'null',
      '{"type":42}',
      '{"type":"connect","body":"x"}',
      '{"type":"subNote","body":{"id":5}}',
      '{"type":"nope","body":{}}',
      '[]',
      '{"type":"api","body":{"id":"1","endpoint":"i","data":{}}}',
    ]) {
      socket.send(frame);
    }
    expect(await socket.sync()).toEqual([]);
  });
});

describe('note captures', () => {
  it('sends one event per update however many times a note is captured, until the last release', async () => {
    const noteId = server.notes.plain!;
    const socket = await open(token('alice'));
    socket.send({ type: 's', body: { id: noteId } });
    socket.send({ type: 'subNote', body: { id: noteId } });
    await socket.sync();
    await act('carol', 'notes/reactions/create', { noteId, reaction: '🎉' });
    await socket.next((f) => f.type === 'noteUpdated');
    socket.send({ type: 'un', body: { id: noteId } });
    await socket.sync();
    await act('carol', 'notes/reactions/delete', { noteId });
    await socket.next((f) => f.type === 'noteUpdated' && f.body.type === 'unreacted');
    socket.send({ type: 'unsubNote', body: { id: noteId } });
    await socket.sync();
    await act('admin', 'notes/reactions/create', { noteId, reaction: '🍮' });
    await socket.sync();
    expect(socket.frames.filter((f) => f.type === 'noteUpdated').map((f) => f.body.type)).toEqual(['reacted', 'unreacted']);
  });

  it('normalises reaction keys and sends the custom emoji body', async () => {
    const noteId = server.notes.plain!;
    const socket = await open(token('alice'));
    socket.send({ type: 's', body: { id: noteId } });
    await socket.sync();
    await act('carol', 'notes/reactions/create', { noteId, reaction: '❤️' });
    await act('admin', 'notes/reactions/create', { noteId, reaction: ':blobcat:' });
    await socket.next((f) => f.type === 'noteUpdated' && f.body.body.userId === userId('admin'));
    const events = socket.frames.filter((f) => f.type === 'noteUpdated').map((f) => f.body.body);
    expect(events[0]).toEqual({ reaction: '❤', emoji: null, userId: userId('carol') });
    expect(events[1]).toEqual({
      reaction: ':blobcat@.:',
      emoji: { name: 'blobcat@.', url: `${server.url}/files/emoji-blobcat.svg` },
      userId: userId('admin'),
    });
    const note = (await api(server, 'notes/show', { noteId })).body as { reactions: Record<string, number> };
    expect(note.reactions[':blobcat@.:']).toBe(1);
    expect(note.reactions['❤']).toBeGreaterThanOrEqual(1);
  });

  it('sends unreacted then reacted when a user changes their reaction', async () => {
    const noteId = server.notes.plain!;
    const socket = await open(token('alice'));
    socket.send({ type: 's', body: { id: noteId } });
    await socket.sync();
    await act('carol', 'notes/reactions/create', { noteId, reaction: '👍' });
    await act('carol', 'notes/reactions/create', { noteId, reaction: ':blobcat:' });
    await socket.next((f) => f.type === 'noteUpdated' && f.body.body.reaction === ':blobcat@.:');
    const updates = socket.frames.filter((f) => f.type === 'noteUpdated');
    expect(updates.map((f) => [f.body.type, f.body.body.reaction])).toEqual([
      ['reacted', '👍'],
      ['unreacted', '👍'],
      ['reacted', ':blobcat@.:'],
    ]);
    expect(updates[1]!.body.body).toEqual({ reaction: '👍', userId: userId('carol') });
  });

  it('sends pollVoted with the 0-based choice', async () => {
    const noteId = server.notes.pollOpen!;
    const socket = await open(token('alice'));
    socket.send({ type: 's', body: { id: noteId } });
    await socket.sync();
    expect((await act('carol', 'notes/polls/vote', { noteId, choice: 2 })).status).toBe(204);
    const frame = await socket.next((f) => f.type === 'noteUpdated');
    expect(frame.body).toEqual({ id: noteId, type: 'pollVoted', body: { choice: 2, userId: userId('carol') } });
  });

  it('sends deleted only for the deleted note', async () => {
    const noteId = server.notes.plain!;
    const replyId = server.notes.reply!;
    const socket = await open(token('alice'));
    socket.send({ type: 's', body: { id: noteId } });
    socket.send({ type: 's', body: { id: replyId } });
    await socket.sync();
    expect((await act('alice', 'notes/delete', { noteId })).status).toBe(204);
    const frame = await socket.next((f) => f.type === 'noteUpdated');
    await socket.sync();
    expect(frame.body.id).toBe(noteId);
    expect(frame.body.type).toBe('deleted');
    expect(typeof frame.body.body.deletedAt).toBe('string');
    expect(socket.frames.filter((f) => f.type === 'noteUpdated')).toHaveLength(1);
    expect((await api(server, 'notes/show', { noteId: replyId })).status).toBe(400);
  });
});

describe('timelines', () => {
  async function fourTimelines() {
    const socket = await open(token('alice'));
    socket.connect('localTimeline', 'ltl', { withRenotes: true, withReplies: false, withFiles: false });
    socket.connect('homeTimeline', 'htl', { withRenotes: true, withFiles: false });
    socket.connect('hybridTimeline', 'stl', { withRenotes: true, withReplies: false, withFiles: false });
    socket.connect('globalTimeline', 'gtl', { withRenotes: true, withFiles: false }, true);
    await socket.next((f) => f.type === 'connected');
    return socket;
  }
  const channelsOf = (socket: TestSocket, text: string) =>
    socket.frames
      .filter((f) => f.type === 'channel' && f.body.body.text === text)
      .map((f) => f.body.id)
      .sort();

  it('delivers a public note everywhere, packed anonymously with reactionAndUserPairCache', async () => {
    const socket = await fourTimelines();
    await act('bob', 'notes/create', { text: 'hello timelines' });
    await socket.sync();
    expect(channelsOf(socket, 'hello timelines')).toEqual(['gtl', 'htl', 'ltl', 'stl']);
    const note = socket.frames.find((f) => f.type === 'channel')!.body.body;
    expect(note.reactionAndUserPairCache).toEqual([]);
    expect('myReaction' in note).toBe(false);
  });

  it('filters replies between other users out of home, local and hybrid', async () => {
    const socket = await fourTimelines();
    const adminNote = (await act('admin', 'notes/create', { text: 'admin says' })).body as { createdNote: { id: string } };
    await act('bob', 'notes/create', { text: 'bob replies to admin', replyId: adminNote.createdNote.id });
    await act('bob', 'notes/create', { text: 'bob replies to alice', replyId: server.notes.plain });
    await socket.sync();
    expect(channelsOf(socket, 'bob replies to admin')).toEqual(['gtl']);
    expect(channelsOf(socket, 'bob replies to alice')).toEqual(['gtl', 'htl', 'ltl', 'stl']);
  });

  it('sends followers, home and specified notes to home and hybrid only', async () => {
    const socket = await fourTimelines();
    await act('bob', 'notes/create', { text: 'for followers', visibility: 'followers' });
    await act('bob', 'notes/create', { text: 'for home', visibility: 'home' });
    await act('bob', 'notes/create', { text: 'for alice', visibility: 'specified', visibleUserIds: [userId('alice')] });
    await act('bob', 'notes/create', { text: 'for carol', visibility: 'specified', visibleUserIds: [userId('carol')] });
    await socket.sync();
    expect(channelsOf(socket, 'for followers')).toEqual(['htl', 'stl']);
    expect(channelsOf(socket, 'for home')).toEqual(['htl', 'stl']);
    expect(channelsOf(socket, 'for alice')).toEqual(['htl', 'stl']);
    expect(channelsOf(socket, 'for carol')).toEqual([]);
  });

  it('matches hashtag channels by OR of AND groups', async () => {
    const socket = await open();
    socket.connect('hashtag', 'tags', { q: [['alpha', 'beta'], ['gamma']] });
    await act('bob', 'notes/create', { text: '#alpha only' });
    await act('bob', 'notes/create', { text: '#alpha #beta both' });
    await act('bob', 'notes/create', { text: '#Gamma alone' });
    await socket.sync();
    expect(socket.frames.filter((f) => f.type === 'channel').map((f) => f.body.body.text)).toEqual([
      '#alpha #beta both',
      '#Gamma alone',
    ]);
  });
});

describe('main channel', () => {
  it('sends mention, reply and a reply notification, then unreadNotification while unread', async () => {
    const socket = await open(token('alice'));
    socket.connect('main', 'm', {}, true);
    await socket.next((f) => f.type === 'connected');
    await act('bob', 'notes/create', { text: 'replying', replyId: server.notes.plain });
    const unread = await socket.channelEvent('m', 'unreadNotification');
    const types = socket.frames.filter((f) => f.type === 'channel').map((f) => f.body.type);
    expect(types.slice(0, 3)).toEqual(['mention', 'reply', 'notification']);
    const notification = socket.frames.find((f) => f.body.type === 'notification')!.body.body;
    expect(notification.type).toBe('reply');
    expect(unread.body.body).toEqual(notification);
    expect(socket.frames.find((f) => f.body.type === 'reply')!.body.body.reactionAndUserPairCache).toEqual([]);
  });

  it('sends renote for quotes too, with a quote notification', async () => {
    const socket = await open(token('alice'));
    socket.connect('main', 'm');
    await socket.sync();
    await act('bob', 'notes/create', { text: 'quoting', renoteId: server.notes.plain });
    const notification = await socket.channelEvent('m', 'notification');
    expect(socket.frames.some((f) => f.body.type === 'renote' && f.body.body.text === 'quoting')).toBe(true);
    expect(notification.body.body.type).toBe('quote');
  });

  it('sends follow, followed, unfollow to the right users', async () => {
    const alice = await open(token('alice'));
    const dave = await open(token('dave'));
    alice.connect('main', 'a');
    dave.connect('main', 'd');
    await alice.sync();
    await dave.sync();
    await act('dave', 'following/delete', { userId: userId('alice') });
    expect((await dave.channelEvent('d', 'unfollow')).body.body.username).toBe('alice');
    await act('dave', 'following/create', { userId: userId('alice') });
    expect((await dave.channelEvent('d', 'follow')).body.body.isFollowing).toBe(true);
    expect((await alice.channelEvent('a', 'followed')).body.body.username).toBe('dave');
    expect((await alice.channelEvent('a', 'notification')).body.body.type).toBe('follow');
  });

  it('answers readNotification with readAllNotifications (body null) only when something was unread', async () => {
    const socket = await open(token('alice'));
    socket.connect('main', 'm');
    await socket.sync();
    socket.send({ type: 'readNotification', body: {} });
    const frame = await socket.channelEvent('m', 'readAllNotifications');
    expect(frame.body).toEqual({ id: 'm', type: 'readAllNotifications', body: null });
    socket.send({ type: 'readNotification' });
    await socket.sync();
    expect(socket.frames.filter((f) => f.body.type === 'readAllNotifications')).toHaveLength(1);
  });

  it('ignores readNotification on an anonymous socket', async () => {
    const socket = await open();
    socket.send({ type: 'readNotification', body: {} });
    expect(await socket.sync()).toEqual([]);
  });
});

describe('broadcasts', () => {
  it('sends emojiAdded and emojiUpdated to every socket, anonymous included', async () => {
    const test = await startServer({ port: 0, test: true });
    try {
      const socket = await TestSocket.open(test);
      await fetch(`${test.url}/__test/emoji`, {
        method: 'POST',
        body: JSON.stringify({ action: 'add', name: 'newmoji', category: 'fresh' }),
      });
      await fetch(`${test.url}/__test/emoji`, {
        method: 'POST',
        body: JSON.stringify({ action: 'update', name: 'newmoji', category: 'renamed', aliases: ['nm'] }),
      });
      const added = await socket.next((f) => f.type === 'emojiAdded');
      const updated = await socket.next((f) => f.type === 'emojiUpdated');
      expect(added.body.emoji).toMatchObject({ name: 'newmoji', category: 'fresh', host: null });
      expect(updated.body.emojis[0]).toMatchObject({ name: 'newmoji', category: 'renamed', aliases: ['nm'] });
      socket.close();
    } finally {
      await test.close();
    }
  });
});

describe('sr (read on capture)', () => {
  const hasUnreadMentions = async () => ((await act('alice', 'i', {})).body as { hasUnreadMentions: boolean }).hasUnreadMentions;

  it('reads a mention this socket delivered: readAllUnreadMentions follows on main', async () => {
    const alice = await open(token('alice'));
    alice.connect('main', 'm');
    alice.connect('homeTimeline', 'h');
    await alice.sync();
    const created = (await act('bob', 'notes/create', { text: '@alice are you there?' })).body as { createdNote: { id: string } };
    await alice.next((f) => f.type === 'channel' && f.body.id === 'h' && f.body.body?.id === created.createdNote.id);
    await alice.channelEvent('m', 'unreadMention');
    expect(await hasUnreadMentions()).toBe(true);
    alice.send({ type: 'sr', body: { id: created.createdNote.id } });
    await alice.channelEvent('m', 'readAllUnreadMentions');
    expect(await hasUnreadMentions()).toBe(false);
  });

  it('leaves a mention the socket never delivered unread, as 2024.10 does', async () => {
    const alice = await open(token('alice'));
    alice.connect('main', 'm');
    await alice.sync();
    const created = (await act('bob', 'notes/create', { text: '@alice only over REST' })).body as { createdNote: { id: string } };
    await alice.channelEvent('m', 'unreadMention');
    alice.send({ type: 'sr', body: { id: created.createdNote.id } });
    await alice.sync();
    expect(await hasUnreadMentions()).toBe(true);
  });
});
