import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api, control, expectSameShape, standInForTests, TestSocket } from './testing.ts';

// The 2026 profile against the traffic recorded from a real Misskey 2026.3.2: chat, drafts and
// scheduled notes, the new fields, the removed main events and the stricter request shapes.

const FIXTURES = new URL('../../src/testing/fixtures-2026/', import.meta.url);
const fixture = (name: string): any => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const recorded = (name: string) => fixture(name).response;
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const { server, token, userId } = standInForTests('2026.5');
const call = (endpoint: string, params: Record<string, unknown>, as?: string) => api(server, endpoint, params, as && token(as));
const body = async (endpoint: string, params: Record<string, unknown>, as?: string): Promise<any> => {
  const res = await call(endpoint, params, as);
  if (res.status >= 300) throw new Error(`${endpoint}: ${res.status} ${res.text}`);
  return res.body;
};

async function upload(as: string): Promise<any> {
  const form = new FormData();
  form.append('i', token(as));
  form.append('file', new Blob([new Uint8Array(8)], { type: 'image/png' }), 'chat.png');
  return (await fetch(`${server.url}/api/drive/files/create`, { method: 'POST', body: form })).json();
}

function expectError(res: { status: number; body: any }, file: string): void {
  const rec = fixture(file);
  expect(res.status).toBe(rec.status);
  expect(res.body.error.code).toBe(rec.response.error.code);
  if (rec.status !== 500) expect(res.body.error.id).toBe(rec.response.error.id);
  else expect(res.body.error.info.e.message).toBe(rec.response.error.info.e.message);
}

describe('2026 meta, i and users/show', () => {
  it('have the recorded keys, chat fields and policies', async () => {
    const meta = await body('meta', { detail: true });
    expectSameShape(meta, recorded('rest-meta-detail-true.json'));
    expect(meta.version).toBe('2026.5.1');
    expect(Object.keys(meta.policies)).toEqual(
      expect.arrayContaining(Object.keys(recorded('rest-meta-detail-true.json').policies)),
    );
    const me = await body('i', {}, 'alice');
    expectSameShape(me, recorded('rest-i-alice.json'));
    expect(me).toMatchObject({ canChat: true, chatScope: 'everyone', hasUnreadChatMessages: false });
    expectSameShape(await body('users/show', { userId: userId('bob') }, 'alice'), recorded('rest-users-show-bob-as-alice.json'));
  });

  it('users/show with userId and username answers the userId', async () => {
    const res = await body('users/show', { userId: userId('bob'), username: 'carol' }, 'alice');
    expect(res.username).toBe('bob');
  });

  it('refuses the :grouped kinds in includeTypes', async () => {
    expectError(
      await call('i/notifications-grouped', { includeTypes: ['reaction:grouped'] }, 'alice'),
      'rest-error-400-invalid-param-include-reaction-grouped.json',
    );
    expect((await call('i/notifications-grouped', { includeTypes: ['reaction'] }, 'alice')).status).toBe(200);
  });

  it('endpoint and endpoints say what exists', async () => {
    expect(await body('endpoint', { endpoint: 'chat/history' })).toEqual(recorded('rest-endpoint-chat-history.json'));
    const unknown = await call('endpoint', { endpoint: 'no/such/endpoint' });
    expect(unknown.status).toBe(204);
    expect(unknown.text).toBe('');
    const names = (await body('endpoints', {})) as string[];
    expect(names).toEqual(expect.arrayContaining(['chat/history', 'notes/drafts/create', 'notes/show-partial-bulk']));
    expect(names).toEqual([...names].sort());
  });
});

describe('2026 chat, one to one', () => {
  it('messages, timeline, history, reactions and deletion have the recorded shapes', async () => {
    const sent = await body('chat/messages/create-to-user', { toUserId: userId('alice'), text: 'Hi alice, a probe word' }, 'bob');
    expectSameShape(sent, recorded('rest-chat-messages-create-to-user.json'));
    const file = await upload('bob');
    const withFile = await body(
      'chat/messages/create-to-user',
      { toUserId: userId('alice'), text: 'and a picture', fileId: file.id },
      'bob',
    );
    expectSameShape(withFile, recorded('rest-chat-messages-create-to-user-file.json'));

    expect((await body('i', {}, 'alice')).hasUnreadChatMessages).toBe(true);
    const unread = await body('chat/history', { limit: 10 }, 'alice');
    expect(unread[0]).toMatchObject({ id: withFile.id, isRead: false });

    const timeline = await body('chat/messages/user-timeline', { userId: userId('bob'), limit: 10 }, 'alice');
    expectSameShape(timeline[1], recorded('rest-chat-messages-user-timeline.json')[2]);
    expect(timeline.map((m: any) => m.id).slice(0, 2)).toEqual([withFile.id, sent.id]);
    const history = await body('chat/history', { limit: 10 }, 'alice');
    expectSameShape(history[0], recorded('rest-chat-history.json')[0]);
    expect(history[0].isRead).toBe(true);
    expect((await body('i', {}, 'alice')).hasUnreadChatMessages).toBe(false);

    expect((await call('chat/messages/react', { messageId: sent.id, reaction: '👍' }, 'alice')).status).toBe(204);
    expect((await call('chat/messages/react', { messageId: sent.id, reaction: ':blobcat:' }, 'alice')).status).toBe(204);
    const shown = await body('chat/messages/show', { messageId: sent.id }, 'alice');
    expectSameShape(shown, recorded('rest-chat-messages-show.json'));
    expect(shown.reactions.map((r: any) => r.reaction)).toEqual(['👍', ':blobcat:']);
    expect((await call('chat/messages/unreact', { messageId: sent.id, reaction: '👍' }, 'alice')).status).toBe(204);
    expect((await call('chat/messages/unreact', { messageId: sent.id, reaction: '🎉' }, 'alice')).status).toBe(204);

    expectError(
      await call('chat/messages/react', { messageId: sent.id, reaction: '👍' }, 'bob'),
      'rest-error-500-internal-error-chat-react-own-message.json',
    );
    expectError(
      await call('chat/messages/react', { messageId: sent.id, reaction: ':nosuchemoji:' }, 'alice'),
      'rest-error-500-internal-error-chat-react-unknown-emoji.json',
    );
    expectError(
      await call('chat/messages/delete', { messageId: sent.id }, 'alice'),
      'rest-error-400-no-such-message-delete-others-message.json',
    );
    expect((await call('chat/messages/delete', { messageId: sent.id }, 'bob')).status).toBe(204);
    expectError(await call('chat/messages/show', { messageId: sent.id }, 'alice'), 'rest-error-400-no-such-message.json');
  });

  it('refuses a message to oneself, to nobody, and without content', async () => {
    expectError(
      await call('chat/messages/create-to-user', { toUserId: userId('alice'), text: 'x' }, 'alice'),
      'rest-error-400-recipient-is-yourself-chat-to-self.json',
    );
    expectError(
      await call('chat/messages/create-to-user', { toUserId: 'au6a0000aaaaaaaa', text: 'x' }, 'alice'),
      'rest-error-400-no-such-user-chat-to-unknown-user.json',
    );
    expectError(
      await call('chat/messages/create-to-user', { toUserId: userId('bob') }, 'alice'),
      'rest-error-400-content-required-chat-empty.json',
    );
  });

  it('read-all clears hasUnreadChatMessages but not the conversation marker', async () => {
    await body('chat/messages/create-to-user', { toUserId: userId('alice'), text: 'Unread until read-all' }, 'bob');
    expect((await call('chat/read-all', {}, 'alice')).status).toBe(204);
    expect((await body('i', {}, 'alice')).hasUnreadChatMessages).toBe(false);
    expect((await body('chat/history', {}, 'alice'))[0].isRead).toBe(false);
  });

  it('a role with chat read-only may read but not write', async () => {
    await control(server, 'policies', { user: 'alice', policies: { chatAvailability: 'readonly' } });
    expect((await call('chat/history', {}, 'alice')).status).toBe(200);
    const res = await call('chat/messages/create-to-user', { toUserId: userId('bob'), text: 'x' }, 'alice');
    expect(res.status).toBe(403);
    expect((res.body as any).error.code).toBe('ROLE_PERMISSION_DENIED');
    expect((await body('users/show', { userId: userId('bob') }, 'alice')).canChat).toBe(false);
  });

  it('streams message, react (no user), unreact, deleted (bare id), and newChatMessage only while unread', async () => {
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('main', 'main-c');
    socket.connect('chatUser', 'chat-u', { otherId: userId('bob') });
    await socket.sync();
    const frames = fixture('stream-chat-user.json').map((x: any) => x.frame);
    const sent = await body(
      'chat/messages/create-to-user',
      { toUserId: userId('alice'), text: 'Streamed chat message from bob' },
      'bob',
    );
    expectSameShape((await socket.channelEvent('chat-u', 'message')).body.body, frames[2].body.body);
    const newMessage = await socket.next((f) => f.type === 'channel' && f.body.type === 'newChatMessage', 5000);
    expectSameShape(newMessage.body.body, frames[3].body.body);

    await body('chat/messages/react', { messageId: sent.id, reaction: ':blobcat:' }, 'alice');
    const react = await socket.channelEvent('chat-u', 'react');
    expect(Object.keys(react.body.body).sort()).toEqual(Object.keys(frames[7].body.body).sort());
    await body('chat/messages/delete', { messageId: sent.id }, 'bob');
    expect((await socket.channelEvent('chat-u', 'deleted')).body.body).toBe(sent.id);

    // Read at once: no newChatMessage for the second one.
    const before = socket.frames.length;
    await body('chat/messages/create-to-user', { toUserId: userId('alice'), text: 'read quickly' }, 'bob');
    socket.send({ type: 'ch', body: { id: 'chat-u', type: 'read', body: { id: 'x' } } });
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(socket.frames.slice(before).filter((f) => f.body?.type === 'newChatMessage')).toEqual([]);
    expect((await body('i', {}, 'alice')).hasUnreadChatMessages).toBe(false);
    socket.close();
  }, 15_000);
});

describe('2026 chat rooms', () => {
  it('create, invite (with a notification), join, members, messages and history have the recorded shapes', async () => {
    const room = await body('chat/rooms/create', { name: 'Fixture room', description: 'For testing' }, 'alice');
    expectSameShape(room, recorded('rest-chat-rooms-create.json'));
    const invitation = await body('chat/rooms/invitations/create', { roomId: room.id, userId: userId('bob') }, 'alice');
    expectSameShape(invitation, recorded('rest-chat-rooms-invitations-create.json'));
    expectSameShape(
      first(await body('chat/rooms/invitations/inbox', { limit: 10 }, 'bob')),
      first(recorded('rest-chat-rooms-invitations-inbox.json')),
    );
    const notification = (await body('i/notifications', { limit: 1, markAsRead: false }, 'bob'))[0];
    expect(notification).toMatchObject({ type: 'chatRoomInvitationReceived', invitation: { roomId: room.id } });

    expect((await call('chat/rooms/join', { roomId: room.id }, 'bob')).status).toBe(204);
    expectSameShape(
      first(await body('chat/rooms/members', { roomId: room.id, limit: 10 }, 'alice')),
      first(recorded('rest-chat-rooms-members.json')),
    );
    expectSameShape(
      first(await body('chat/rooms/joining', { limit: 10 }, 'bob')),
      first(recorded('rest-chat-rooms-joining.json')),
    );
    expectSameShape(first(await body('chat/rooms/owned', { limit: 10 }, 'alice')), first(recorded('rest-chat-rooms-owned.json')));

    const message = await body('chat/messages/create-to-room', { toRoomId: room.id, text: 'Hello room, from bob' }, 'bob');
    expectSameShape(message, recorded('rest-chat-messages-create-to-room.json'));
    expectSameShape(
      first(await body('chat/messages/room-timeline', { roomId: room.id, limit: 10 }, 'alice')),
      first(recorded('rest-chat-messages-room-timeline.json')),
    );
    expectSameShape(
      first(await body('chat/history', { limit: 10, room: true }, 'alice')),
      first(recorded('rest-chat-history-room.json')),
    );

    expectError(
      await call('chat/rooms/update', { roomId: room.id, name: 'x' }, 'bob'),
      'rest-error-400-no-such-room-room-update-not-owner.json',
    );
    expect((await call('chat/rooms/leave', { roomId: room.id }, 'bob')).status).toBe(204);
    expect((await body('chat/rooms/joining', { limit: 10 }, 'bob')).map((m: any) => m.roomId)).not.toContain(room.id);
    expect((await call('chat/rooms/delete', { roomId: room.id }, 'alice')).status).toBe(204);
    expectError(await call('chat/rooms/show', { roomId: room.id }, 'alice'), 'rest-error-400-no-such-room.json');
  });

  it('streams room reactions with their user', async () => {
    const room = await body('chat/rooms/create', { name: 'Streamed' }, 'alice');
    await body('chat/rooms/invitations/create', { roomId: room.id, userId: userId('bob') }, 'alice');
    await body('chat/rooms/join', { roomId: room.id }, 'bob');
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('chatRoom', 'chat-r', { roomId: room.id });
    await socket.sync();
    const frames = fixture('stream-chat-room.json').map((x: any) => x.frame);
    const mine = await body('chat/messages/create-to-room', { toRoomId: room.id, text: 'Alice in the room' }, 'alice');
    expectSameShape((await socket.channelEvent('chat-r', 'message')).body.body, frames[5].body.body);
    await body('chat/messages/react', { messageId: mine.id, reaction: '❤' }, 'bob');
    expectSameShape((await socket.channelEvent('chat-r', 'react')).body.body, frames[6].body.body);
    socket.close();
  });
});

describe('2026 drafts and scheduled notes', () => {
  it('create, list, count, update and delete have the recorded shapes and errors', async () => {
    const { createdDraft } = await body('notes/drafts/create', { text: 'a draft', visibility: 'home', cw: 'draft cw' }, 'alice');
    expectSameShape(createdDraft, recorded('rest-notes-drafts-create.json').createdDraft);
    expectSameShape(
      first(await body('notes/drafts/list', { limit: 10 }, 'alice')),
      first(recorded('rest-notes-drafts-list.json')),
    );
    expect(await body('notes/drafts/count', {}, 'alice')).toBe(1);
    const { updatedDraft } = await body(
      'notes/drafts/update',
      { draftId: createdDraft.id, text: 'edited', cw: null, visibility: 'public' },
      'alice',
    );
    expectSameShape(updatedDraft, recorded('rest-notes-drafts-update.json').updatedDraft);
    expect(updatedDraft).toMatchObject({ text: 'edited', cw: null, visibility: 'public' });
    expect((await call('notes/drafts/delete', { draftId: createdDraft.id }, 'alice')).status).toBe(204);
    expectError(
      await call('notes/drafts/delete', { draftId: createdDraft.id }, 'alice'),
      'rest-error-400-no-such-note-draft-draft-delete-twice.json',
    );
  });

  it('refuses a schedule in the past, without a time, or past scheduledNoteLimit', async () => {
    const now = Date.now();
    expectError(
      await call('notes/drafts/create', { text: 'x', scheduledAt: now - 60_000, isActuallyScheduled: true }, 'alice'),
      'rest-error-400-scheduled-at-must-be-in-future-draft-scheduled-in-past.json',
    );
    expectError(
      await call('notes/drafts/create', { text: 'x', isActuallyScheduled: true }, 'alice'),
      'rest-error-400-scheduled-at-required-draft-scheduled-without-time.json',
    );
    await body('notes/drafts/create', { text: 'first', scheduledAt: now + 600_000, isActuallyScheduled: true }, 'alice');
    expectError(
      await call('notes/drafts/create', { text: 'second', scheduledAt: now + 600_000, isActuallyScheduled: true }, 'alice'),
      'rest-error-400-too-many-scheduled-notes-second-scheduled-draft.json',
    );
  });

  it('posts a scheduled draft when due, removes it and notifies scheduledNotePosted', async () => {
    const { createdDraft } = await body(
      'notes/drafts/create',
      { text: 'A scheduled fixture note', visibility: 'public', scheduledAt: Date.now() + 300, isActuallyScheduled: true },
      'alice',
    );
    expectSameShape(createdDraft, recorded('rest-notes-drafts-create-scheduled.json').createdDraft);
    expect(typeof createdDraft.scheduledAt).toBe('number');
    await expect
      .poll(async () => (await body('notes/drafts/list', { scheduled: true }, 'alice')).length, { timeout: 3000 })
      .toBe(0);
    const [notification] = await body('i/notifications', { limit: 1, markAsRead: false }, 'alice');
    expectSameShape(notification, recorded('rest-i-notifications-scheduled-note-posted.json')[0]);
    expect(notification.note.text).toBe('A scheduled fixture note');
  });

  it('posts an hour-ahead schedule at once when the test control runs what was set for later', async () => {
    await body(
      'notes/drafts/create',
      { text: 'Ahead of its time', scheduledAt: Date.now() + 3_600_000, isActuallyScheduled: true },
      'carol',
    );
    expect(await control(server, 'run-later')).toMatchObject({ ran: expect.any(Number) });
    expect(await body('notes/drafts/list', { scheduled: true }, 'carol')).toEqual([]);
    const [latest] = await body('users/notes', { userId: userId('carol'), limit: 1 });
    expect(latest.text).toBe('Ahead of its time');
  });

  it('notes/show-partial-bulk answers reactions of known notes only, anonymously too', async () => {
    const res = await body('notes/show-partial-bulk', { noteIds: [server.notes.reactions, 'au6a0000aaaaaaaa'] });
    expect(res).toHaveLength(1);
    expect(Object.keys(res[0]).sort()).toEqual(Object.keys(recorded('rest-notes-show-partial-bulk.json')[1]).sort());
  });
});

describe('2026 main channel', () => {
  it('sends mention and notification but no unreadMention; hasUnreadMentions stays false', async () => {
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('main', 'main-m');
    await socket.sync();
    await body('notes/create', { text: '@alice hello' }, 'bob');
    await socket.channelEvent('main-m', 'unreadNotification');
    expect(socket.frames.filter((f) => ['unreadMention', 'unreadSpecifiedNote'].includes(f.body?.type))).toEqual([]);
    expect((await body('i', {}, 'alice')).hasUnreadMentions).toBe(false);
    socket.close();
  });
});

describe('2026 channel mute', () => {
  it('mutes and unmutes with the recorded statuses, shapes and errors; a muted channel leaves the timelines, not its own', async () => {
    const channel = await body('channels/create', { name: 'Muted here', description: 'for muting', color: '#86b300' }, 'alice');
    expectSameShape(channel, recorded('rest-channels-create.json'));
    expect(channel.isMuting).toBe(false);
    await body('channels/follow', { channelId: channel.id }, 'bob');
    const socket = await TestSocket.open(server, token('bob'));
    socket.connect('homeTimeline', 'home');
    await socket.sync();

    const muted = await call('channels/mute/create', { channelId: channel.id }, 'bob');
    expect([muted.status, muted.text]).toEqual([fixture('rest-channels-mute-create.json').status, '']);
    expectError(
      await call('channels/mute/create', { channelId: channel.id }, 'bob'),
      'rest-error-400-already-muting-channel-channel-mute-twice.json',
    );
    const list = await body('channels/mute/list', {}, 'bob');
    expectSameShape(list, recorded('rest-channels-mute-list.json'));
    expect(list.map((c: { id: string; isMuting: boolean }) => [c.id, c.isMuting])).toEqual([[channel.id, true]]);
    const shown = await body('channels/show', { channelId: channel.id }, 'bob');
    expectSameShape(shown, recorded('rest-channels-show-as-bob-muted.json'));
    expect(shown.isMuting).toBe(true);

    // Hidden from bob's home (REST and stream), also as a renote; still in the channel itself.
    const inChannel = (await body('notes/create', { text: 'in a muted channel', channelId: channel.id }, 'alice')).createdNote;
    const renote = (await body('notes/create', { renoteId: inChannel.id }, 'carol')).createdNote;
    const plain = (await body('notes/create', { text: 'not in a channel' }, 'alice')).createdNote;
    await socket.channelEvent('home', 'note');
    const streamed = socket.frames.filter((f) => f.body?.id === 'home' && f.body?.type === 'note').map((f) => f.body.body.id);
    expect(streamed).toEqual([plain.id]);
    const home = (await body('notes/timeline', { limit: 20 }, 'bob')).map((n: { id: string }) => n.id);
    expect(home).toContain(plain.id);
    expect(home).not.toContain(inChannel.id);
    expect(home).not.toContain(renote.id);
    const own = (await body('channels/timeline', { channelId: channel.id }, 'bob')).map((n: { id: string }) => n.id);
    expect(own).toContain(inChannel.id);

    const unmuted = await call('channels/mute/delete', { channelId: channel.id }, 'bob');
    expect([unmuted.status, unmuted.text]).toEqual([fixture('rest-channels-mute-delete.json').status, '']);
    expect(await body('channels/mute/list', {}, 'bob')).toEqual(recorded('rest-channels-mute-list-after-delete.json'));
    const again = await call('channels/mute/delete', { channelId: channel.id }, 'bob');
    expect([again.status, (again.body as any).error.code]).toEqual([400, 'NOT_MUTING_CHANNEL']);
    expect((await body('notes/timeline', { limit: 20 }, 'bob')).map((n: { id: string }) => n.id)).toContain(inChannel.id);
    socket.close();
  });

  it('takes an expiry in the future only', async () => {
    const channel = await body('channels/create', { name: 'Briefly muted' }, 'alice');
    const past = await call('channels/mute/create', { channelId: channel.id, expiresAt: Date.now() - 1000 }, 'bob');
    expect([past.status, (past.body as any).error.code]).toEqual([400, 'EXPIRES_AT_IS_PAST']);
    const soon = await call('channels/mute/create', { channelId: channel.id, expiresAt: Date.now() + 60_000 }, 'bob');
    expect(soon.status).toBe(204);
    expect((await body('channels/show', { channelId: channel.id }, 'bob')).isMuting).toBe(true);
  });
});
