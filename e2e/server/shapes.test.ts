import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './index.ts';
import { api, expectSameShape, fixture, TestSocket } from './testing.ts';

// Compares the key sets (and which keys are null) of this server's responses with the
// traffic recorded from a real Misskey 2024.10.1, so absent-vs-null cannot drift.

let server: RunningServer;
const token = (name: string) => server.users[name]!.token;
const show = async (key: string, as?: string) =>
  (await api(server, 'notes/show', { noteId: server.notes[key] }, as && token(as))).body;

beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(() => server.close());

describe('REST shapes match Misskey 2024.10.1', () => {
  const notes: [string, string, string | undefined][] = [
    ['rest-notes-show-plain.json', 'plain', 'alice'],
    ['rest-notes-show-cw.json', 'cw', 'alice'],
    ['rest-notes-show-reply.json', 'reply', 'alice'],
    ['rest-notes-show-renote.json', 'renote', 'alice'],
    ['rest-notes-show-quote.json', 'quote', 'alice'],
    ['rest-notes-show-poll-single.json', 'pollOpen', 'alice'],
    ['rest-notes-show-poll-multiple.json', 'pollMultiple', 'alice'],
    ['rest-notes-show-poll-ended.json', 'pollExpired', 'alice'],
    ['rest-notes-show-image.json', 'image', 'alice'],
    ['rest-notes-show-sensitive-image.json', 'sensitiveImage', 'alice'],
    ['rest-notes-show-followers.json', 'followers', 'alice'],
    ['rest-notes-show-home.json', 'home', 'alice'],
    ['rest-notes-show-specified.json', 'specified', 'alice'],
    ['rest-notes-show-mfm.json', 'mfm', 'alice'],
    ['rest-notes-show-reactions.json', 'reactions', 'alice'],
    ['rest-notes-show-local-only.json', 'localOnly', 'alice'],
    ['rest-notes-show-followers-anonymous.json', 'followers', undefined],
    ['rest-notes-show-specified-anonymous.json', 'specified', undefined],
    ['rest-notes-show-renote-anonymous.json', 'renote', undefined],
  ];
  it.each(notes)('%s', async (file, key, as) => {
    expectSameShape(await show(key, as), fixture(file).response);
  });

  it('i (MeDetailed)', async () => {
    expectSameShape((await api(server, 'i', {}, token('alice'))).body, fixture('rest-i-alice.json').response);
  });

  it('users/show as a user and anonymously', async () => {
    const bob = server.users.bob!.id;
    expectSameShape(
      (await api(server, 'users/show', { userId: bob }, token('alice'))).body,
      fixture('rest-users-show-bob-as-alice.json').response,
    );
    expectSameShape(
      (await api(server, 'users/show', { username: 'bob' })).body,
      fixture('rest-users-show-bob-anonymous.json').response,
    );
  });

  it('meta with and without detail', async () => {
    expectSameShape((await api(server, 'meta', {})).body, fixture('rest-meta.json').response);
    expectSameShape((await api(server, 'meta', { detail: false })).body, fixture('rest-meta-detail-false.json').response);
  });

  it('emojis and following/create', async () => {
    const emojis = (await api(server, 'emojis')).body as { emojis: unknown[] };
    expectSameShape(emojis.emojis[0], fixture('rest-emojis-get.json').response.emojis[0]);
    const followed = await api(server, 'following/create', { userId: server.users.admin!.id }, token('bob'));
    expectSameShape(followed.body, fixture('rest-following-create.json').response);
  });

  it('notes/create, notes/reactions, emoji and drive/files/create', async () => {
    const created = await api(
      server,
      'notes/create',
      { text: 'Which?', poll: { choices: ['a', 'b'], multiple: true, expiredAfter: 60_000 } },
      token('alice'),
    );
    expectSameShape(created.body, fixture('rest-notes-create-poll-multiple.json').response);
    const plain = await api(server, 'notes/create', { text: 'plain' }, token('alice'));
    expectSameShape(plain.body, fixture('rest-notes-create-plain.json').response);
    const reactions = (await api(server, 'notes/reactions', { noteId: server.notes.reactions })).body as unknown[];
    expectSameShape(reactions[0], fixture('rest-notes-reactions.json').response[0]);
    expectSameShape((await api(server, 'emoji', { name: 'blobcat' })).body, fixture('rest-emoji-show.json').response);
    const form = new FormData();
    form.append('i', token('alice'));
    form.append('file', new Blob([new Uint8Array(8)], { type: 'image/png' }), 'a.png');
    const file = await (await fetch(`${server.url}/api/drive/files/create`, { method: 'POST', body: form })).json();
    expectSameShape(file, fixture('rest-drive-files-create.json').response);
  });

  it('i/update, drive, registry and stats (second batch)', async () => {
    const updated = await api(
      server,
      'i/update',
      { name: 'Alice', location: 'Loopback', birthday: '2000-01-02', fields: [{ name: 'a', value: 'b' }] },
      token('alice'),
    );
    expectSameShape(updated.body, fixture('rest-i-update.json').response);
    expectSameShape((await api(server, 'drive', {}, token('alice'))).body, fixture('rest-drive.json').response);
    const folder = (await api(server, 'drive/folders/create', { name: 'Shapes' }, token('alice'))).body as { id: string };
    expectSameShape(folder, fixture('rest-drive-folders-create.json').response);
    const folders = (await api(server, 'drive/folders', { limit: 10 }, token('alice'))).body as unknown[];
    expectSameShape(folders[0], fixture('rest-drive-folders.json').response[0]);
    const form = new FormData();
    form.append('i', token('alice'));
    form.append('file', new Blob([new Uint8Array(8)], { type: 'image/png' }), 'b.png');
    const file = (await (await fetch(`${server.url}/api/drive/files/create`, { method: 'POST', body: form })).json()) as {
      id: string;
    };
    expectSameShape(file, fixture('rest-drive-files-create-small-png.json').response);
    const moved = await api(
      server,
      'drive/files/update',
      { fileId: file.id, name: 'c.png', folderId: folder.id, isSensitive: true },
      token('alice'),
    );
    expectSameShape(moved.body, fixture('rest-drive-files-update.json').response);
    const listed = (await api(server, 'drive/files', { folderId: folder.id, limit: 10 }, token('alice'))).body as unknown[];
    expectSameShape(listed[0], fixture('rest-drive-files-in-folder.json').response[0]);
    const shown = (await api(server, 'drive/files/show', { fileId: file.id }, token('alice'))).body as { folder: unknown };
    expectSameShape(shown, fixture('rest-drive-files-show.json').response);
    expect(Object.keys(shown.folder as object).sort()).toEqual(
      Object.keys(fixture('rest-drive-files-show.json').response.folder).sort(),
    );
    const value = ['👍', '❤', '🎉'];
    await api(server, 'i/registry/set', { scope: ['client'], key: 'reactions', value }, token('alice'));
    expect((await api(server, 'i/registry/get', { scope: ['client'], key: 'reactions' }, token('alice'))).body).toEqual(
      fixture('rest-i-registry-get.json').response,
    );
    const stats = (await api(server, 'stats', {})).body as Record<string, unknown>;
    expect(Object.keys(stats).sort()).toEqual(Object.keys(fixture('rest-stats.json').response).sort());
    // The seed's remote user (hana@mk.example.org) counts among all users, not this server's own.
    expect(stats.originalUsersCount).toBe((stats.usersCount as number) - 1);
    expect(stats.instances).toBe(1);
  });

  it('timeline items', async () => {
    const ours = (await api(server, 'notes/timeline', { limit: 100 }, token('alice'))).body as {
      renoteId: string | null;
      text: string | null;
      replyId: string | null;
    }[];
    const plainNote = ours.find((n) => n.renoteId === null && n.replyId === null && n.text !== null)!;
    const recorded = fixture('rest-notes-timeline.json').response as typeof ours;
    expectSameShape(
      plainNote,
      recorded.find(
        (n) =>
          n.renoteId === null &&
          n.replyId === null &&
          n.text !== null &&
          !('poll' in n) &&
          !('tags' in n) &&
          !('mentions' in n) &&
          !('myReaction' in n) &&
          !('visibleUserIds' in n),
      )!,
    );
  });

  it('notifications of every recorded type', async () => {
    const ours = (await api(server, 'i/notifications', { limit: 100, markAsRead: false }, token('alice'))).body as {
      type: string;
    }[];
    const recorded = fixture('rest-i-notifications.json').response as { type: string }[];
    const types = new Set(recorded.map((n) => n.type));
    for (const type of types) {
      const mine = ours.find((n) => n.type === type);
      expect(mine, type).toBeDefined();
      expect(Object.keys(mine!).sort(), type).toEqual(Object.keys(recorded.find((n) => n.type === type)!).sort());
    }
  });
});

describe('i/notifications-grouped matches Misskey 2024.10.1', () => {
  // The second batch's scenario: bob 👍 then admin 🎉 on alice's first note; bob then admin renote her second.
  it('groups what follows in a row, with the recorded keys, ids and times', async () => {
    const post = async (text: string) =>
      ((await api(server, 'notes/create', { text }, token('alice'))).body as { createdNote: { id: string } }).createdNote.id;
    const [first, second] = [await post('grouped one'), await post('grouped two')];
    await api(server, 'notes/reactions/create', { noteId: first, reaction: '👍' }, token('bob'));
    await api(server, 'notes/reactions/create', { noteId: first, reaction: '🎉' }, token('admin'));
    await api(server, 'notes/create', { renoteId: second }, token('bob'));
    const byAdmin = (
      (await api(server, 'notes/create', { renoteId: second }, token('admin'))).body as { createdNote: { id: string } }
    ).createdNote.id;

    const plain = (await api(server, 'i/notifications', { limit: 4, markAsRead: false }, token('alice'))).body as any[];
    expect(plain.map((n) => n.type)).toEqual(['renote', 'renote', 'reaction', 'reaction']);
    const grouped = (await api(server, 'i/notifications-grouped', { limit: 20, markAsRead: false }, token('alice')))
      .body as any[];
    const recorded = fixture('rest-i-notifications-grouped-limit-20.json').response as any[];

    const [renotes, reactions] = grouped;
    expect(Object.keys(renotes)).toEqual(Object.keys(recorded[0]));
    expect(Object.keys(reactions)).toEqual(Object.keys(recorded[1]));
    expectSameShape(renotes, recorded[0]);
    expectSameShape(reactions, recorded[1]);
    expectSameShape(renotes.users[0], recorded[0].users[0]);
    expect(Object.keys(reactions.reactions[0])).toEqual(Object.keys(recorded[1].reactions[0]));
    expectSameShape(reactions.reactions[0].user, recorded[1].reactions[0].user);

    // Renotes: newest user first, the oldest member's id, the second-newest's time, the newest renote as note.
    expect(renotes.users.map((u: { username: string }) => u.username)).toEqual(['admin', 'bob']);
    expect(renotes).toMatchObject({ type: 'renote:grouped', id: plain[1].id, createdAt: plain[1].createdAt });
    expect(renotes.note.id).toBe(byAdmin);
    // Reactions: newest first, the oldest member's id, the newest member's time.
    expect(reactions.reactions.map((r: any) => `${r.user.username} ${r.reaction}`)).toEqual(['admin 🎉', 'bob 👍']);
    expect(reactions).toMatchObject({ type: 'reaction:grouped', id: plain[3].id, createdAt: plain[2].createdAt });
    expect(reactions.note.id).toBe(first);
  });

  it('answers `limit` entries however many notifications they hold, and pages on from the oldest one', async () => {
    const note = ((await api(server, 'notes/create', { text: 'popular' }, token('alice'))).body as any).createdNote.id;
    for (const [user, reaction] of [
      ['bob', '👍'],
      ['carol', '❤'],
      ['dave', '🎉'],
      ['admin', '👀'],
    ])
      await api(server, 'notes/reactions/create', { noteId: note, reaction }, token(user!));
    const [top, next] = (await api(server, 'i/notifications-grouped', { limit: 2, markAsRead: false }, token('alice')))
      .body as any[];
    expect(top.reactions).toHaveLength(4);
    expect(next).toBeDefined();
    const after = (await api(server, 'i/notifications-grouped', { limit: 1, untilId: top.id, markAsRead: false }, token('alice')))
      .body as any[];
    expect(after[0].id).toBe(next.id);
  });

  it('is unknown to a server older than 12.111, which only has i/notifications', async () => {
    const legacy = await startServer({ port: 0, legacyApiStream: true });
    try {
      const res = await api(legacy, 'i/notifications-grouped', { limit: 5 }, legacy.users.alice!.token);
      expect(res.status).toBe(404);
      expect((res.body as { error: { code: string } }).error.code).toBe('UNKNOWN_API_ENDPOINT');
      expect((await api(legacy, 'i/notifications', { limit: 5 }, legacy.users.alice!.token)).status).toBe(200);
    } finally {
      await legacy.close();
    }
  });
});

describe('stream shapes match Misskey 2024.10.1', () => {
  it('timeline note, main mention/reply/notification and noteUpdated bodies', async () => {
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('homeTimeline', 'htl', { withRenotes: true, withFiles: false });
    socket.connect('main', 'm');
    socket.send({ type: 's', body: { id: server.notes.plain } });
    await socket.sync();
    await api(server, 'notes/create', { text: 'Hello timelines, this is bob' }, token('bob'));
    const note = await socket.channelEvent('htl', 'note');
    expectSameShape(note.body.body, fixture('stream-timelines-bob-posts.json')[4].frame.body.body);

    const main = fixture('stream-main-interactions.json').map((x: { frame: unknown }) => x.frame);
    // The recorded frames that bob's reply caused (mention, reply, notification of type reply).
    const recorded = (type: string) =>
      main.find((f: any) => f.body?.type === type && (f.body.body.replyId ?? f.body.body.note?.replyId)).body.body;
    await api(server, 'notes/create', { text: 'A reply from bob', replyId: server.notes.plain }, token('bob'));
    expectSameShape((await socket.channelEvent('m', 'mention')).body.body, recorded('mention'));
    expectSameShape((await socket.channelEvent('m', 'reply')).body.body, recorded('reply'));
    expectSameShape((await socket.channelEvent('m', 'notification')).body.body, recorded('notification'));

    await api(server, 'notes/reactions/create', { noteId: server.notes.plain, reaction: ':blobcat:' }, token('carol'));
    await api(server, 'notes/reactions/delete', { noteId: server.notes.plain }, token('carol'));
    const updates = fixture('stream-subnote-updates.json')
      .filter((x: any) => x.frame.type === 'noteUpdated')
      .map((x: any) => x.frame.body);
    const reacted = await socket.next((f) => f.type === 'noteUpdated' && f.body.type === 'reacted');
    const unreacted = await socket.next((f) => f.type === 'noteUpdated' && f.body.type === 'unreacted');
    expect(Object.keys(reacted.body.body).sort()).toEqual(
      Object.keys(updates.find((u: any) => u.type === 'reacted' && u.body.emoji).body).sort(),
    );
    expect(Object.keys(unreacted.body.body).sort()).toEqual(
      Object.keys(updates.find((u: any) => u.type === 'unreacted').body).sort(),
    );
    socket.close();
  });
});
