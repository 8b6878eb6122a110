import { describe, expect, it } from 'vitest';
import { api, control, standInForTests, TestSocket } from './testing.ts';
import { startServer } from './index.ts';

const { server, token, userId } = standInForTests();

type NoteLike = { id: string; isHidden?: boolean; text: string | null; files: unknown[]; poll?: unknown };

describe('transport', () => {
  it('answers CORS preflight and sends Access-Control-Allow-Origin on API responses', async () => {
    const preflight = await fetch(`${server.url}/api/notes/create`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://elsewhere', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect((await api(server, 'meta')).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('accepts the token in an Authorization header', async () => {
    const res = await fetch(`${server.url}/api/i`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token('bob')}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(((await res.json()) as { username: string }).username).toBe('bob');
  });

  it('allows GET only on allowGet endpoints, with a public cache header', async () => {
    const emojis = await fetch(`${server.url}/api/emojis`);
    expect(emojis.status).toBe(200);
    expect(emojis.headers.get('cache-control')).toBe('public, max-age=3600');
    const notAllowed = await fetch(`${server.url}/api/notes/create`);
    expect(notAllowed.status).toBe(405);
    expect(await notAllowed.text()).toBe('');
  });

  it('answers unknown endpoints with Fastify’s body on POST and Misskey’s on GET', async () => {
    const post = await api(server, 'does/not/exist');
    expect(post.status).toBe(404);
    expect(post.body).toEqual({ message: 'Route POST:/api/does/not/exist not found', error: 'Not Found', statusCode: 404 });
    const get = await fetch(`${server.url}/api/does/not/exist`);
    expect(get.status).toBe(404);
    expect(((await get.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_API_ENDPOINT');
  });
});

describe('errors', () => {
  it('sends 401 AUTHENTICATION_FAILED for a bad token and CREDENTIAL_REQUIRED for none', async () => {
    const bad = await api(server, 'i', {}, 'nope');
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({
      error: {
        message: 'Authentication failed. Please ensure your token is correct.',
        code: 'AUTHENTICATION_FAILED',
        id: 'b0a7f5f8-dc2f-4171-b91f-de88ad238e14',
        kind: 'client',
      },
    });
    expect(bad.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const none = await api(server, 'notes/create', { text: 'x' });
    expect(none.status).toBe(401);
    expect((none.body as { error: { code: string } }).error.code).toBe('CREDENTIAL_REQUIRED');
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="Misskey"');
  });

  it('sends INVALID_PARAM with the schema path for a too long text and a bad visibility', async () => {
    const long = await api(server, 'notes/create', { text: 'x'.repeat(3001) }, token('alice'));
    expect(long.status).toBe(400);
    expect((long.body as { error: unknown }).error).toEqual({
      message: 'Invalid param.',
      code: 'INVALID_PARAM',
      id: '3d81ceae-475f-4600-b2a8-2bc116157532',
      kind: 'client',
      info: { param: '#/then/properties/text/maxLength', reason: 'must NOT have more than 3000 characters' },
    });
    const visibility = await api(server, 'notes/create', { text: 'x', visibility: 'everyone' }, token('alice'));
    expect((visibility.body as { error: { info: { param: string } } }).error.info.param).toBe('#/properties/visibility/enum');
  });

  it('sends endpoint errors as 400 with their codes', async () => {
    const noteId = server.notes.plain!;
    expect(
      ((await api(server, 'notes/show', { noteId: 'aaaaaaaaaaaaaaaa' })).body as { error: { code: string } }).error.code,
    ).toBe('NO_SUCH_NOTE');
    await api(server, 'notes/reactions/create', { noteId, reaction: '🎉' }, token('carol'));
    const again = await api(server, 'notes/reactions/create', { noteId, reaction: '🎉' }, token('carol'));
    expect(again.status).toBe(400);
    expect((again.body as { error: { code: string } }).error.code).toBe('ALREADY_REACTED');
    const voted = await api(server, 'notes/polls/vote', { noteId: server.notes.pollVoted, choice: 0 }, token('alice'));
    expect((voted.body as { error: { code: string } }).error.code).toBe('ALREADY_VOTED');
  });

  it('answers injected 429 with Retry-After and the rate-limit envelope', async () => {
    await control(server, 'fault', { endpoint: 'notes/timeline', mode: '429', retryAfter: 7, times: 1 });
    const limited = await api(server, 'notes/timeline', {}, token('alice'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((limited.body as { error: { code: string; info: { remaining: number } } }).error).toMatchObject({
      code: 'RATE_LIMIT_EXCEEDED',
      info: { remaining: 0 },
    });
    expect((await api(server, 'notes/timeline', {}, token('alice'))).status).toBe(200);
  });

  it('answers an injected 502 with an HTML body', async () => {
    await control(server, 'fault', { endpoint: 'meta', mode: '502-html', times: 1 });
    const res = await api(server, 'meta');
    expect(res.status).toBe(502);
    expect(res.text).toContain('<html>');
  });
});

describe('bodies', () => {
  it('returns 204 with an empty body for reactions, votes, deletes and mark-all-as-read', async () => {
    const noteId = server.notes.plain!;
    const calls: [string, Record<string, unknown>][] = [
      ['notes/reactions/create', { noteId, reaction: '👍' }],
      ['notes/reactions/delete', { noteId }],
      ['notes/polls/vote', { noteId: server.notes.pollOpen, choice: 0 }],
      ['notifications/mark-all-as-read', {}],
      ['notes/delete', { noteId: server.notes.hashtags }],
    ];
    for (const [endpoint, params] of calls) {
      const res = await api(server, endpoint, params, token(endpoint === 'notes/delete' ? 'carol' : 'dave'));
      expect([endpoint, res.status, res.text]).toEqual([endpoint, 204, '']);
    }
  });

  it('hides followers and specified notes from viewers who may not see them', async () => {
    const followers = (await api(server, 'notes/show', { noteId: server.notes.followers })).body as NoteLike;
    expect(followers).toMatchObject({ isHidden: true, text: null, cw: null, files: [], fileIds: [] });
    expect('poll' in followers).toBe(false);
    const specified = (await api(server, 'notes/show', { noteId: server.notes.specified }, token('carol'))).body as NoteLike;
    expect(specified.isHidden).toBe(true);
    expect('visibleUserIds' in specified).toBe(false);
    const forAlice = (await api(server, 'notes/show', { noteId: server.notes.specified }, token('alice'))).body as NoteLike;
    expect('isHidden' in forAlice).toBe(false);
    expect(forAlice.text).toContain('direct note');
  });

  it('uploads multipart files and reports them on main', async () => {
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('main', 'm');
    await socket.sync();
    const form = new FormData();
    form.append('i', token('alice'));
    form.append('name', 'upload.png');
    form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }), 'upload.png');
    const res = await fetch(`${server.url}/api/drive/files/create`, { method: 'POST', body: form });
    const file = (await res.json()) as { id: string; name: string; userId: null; url: string };
    expect(file).toMatchObject({ name: 'upload.png', userId: null, user: null });
    expect((await socket.channelEvent('m', 'driveFileCreated')).body.body.id).toBe(file.id);
    expect((await fetch(file.url)).status).toBe(200);
    socket.close();
  });
});

describe('paging', () => {
  it('pages newest first with untilId and oldest first with only sinceId', async () => {
    const first = (await api(server, 'notes/local-timeline', { limit: 10 })).body as NoteLike[];
    const ids = first.map((n) => n.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    const older = (await api(server, 'notes/local-timeline', { limit: 5, untilId: ids[4] })).body as NoteLike[];
    expect(older.map((n) => n.id)).toEqual(ids.slice(5, 10));
    const newer = (await api(server, 'notes/local-timeline', { limit: 3, sinceId: ids[9] })).body as NoteLike[];
    expect(newer.map((n) => n.id)).toEqual([ids[8], ids[7], ids[6]]);
    const window = (await api(server, 'notes/local-timeline', { limit: 3, sinceId: ids[9], untilId: ids[2] })).body as NoteLike[];
    expect(window.map((n) => n.id)).toEqual([ids[3], ids[4], ids[5]]);
  });

  it('creates aidx ids whose createdAt is derived from the id', async () => {
    const created = (await api(server, 'notes/create', { text: 'id check' }, token('alice'))).body as {
      createdNote: { id: string; createdAt: string };
    };
    expect(created.createdNote.id).toMatch(/^[0-9a-z]{16}$/);
    const ms = parseInt(created.createdNote.id.slice(0, 8), 36) + Date.UTC(2000, 0, 1);
    expect(created.createdNote.createdAt).toBe(new Date(ms).toISOString());
  });
});

describe('notifications', () => {
  it('marks everything read when fetched, announcing readAllNotifications once', async () => {
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('main', 'm');
    await socket.sync();
    expect(((await api(server, 'i', {}, token('alice'))).body as { hasUnreadNotification: boolean }).hasUnreadNotification).toBe(
      true,
    );
    await api(server, 'i/notifications', { limit: 5 }, token('alice'));
    await socket.channelEvent('m', 'readAllNotifications');
    expect(
      ((await api(server, 'i', {}, token('alice'))).body as { unreadNotificationsCount: number }).unreadNotificationsCount,
    ).toBe(0);
    await api(server, 'i/notifications', { limit: 5 }, token('alice'));
    await socket.sync();
    expect(socket.frames.filter((f) => f.body.type === 'readAllNotifications')).toHaveLength(1);
    socket.close();
  });

  it('omits userId and user on pollEnded and achievementEarned, and keeps :name: reactions', async () => {
    const list = (await api(server, 'i/notifications', { limit: 50, markAsRead: false }, token('alice'))).body as Record<
      string,
      unknown
    >[];
    for (const n of list.filter((n) => n.type === 'pollEnded' || n.type === 'achievementEarned'))
      expect('userId' in n || 'user' in n).toBe(false);
    expect(list.find((n) => n.type === 'reaction' && n.reaction === ':blobcat:')).toBeTruthy();
  });
});

describe('test-mode control API', () => {
  it('exists only with --test', async () => {
    const plain = await startServer({ port: 0 });
    expect((await fetch(`${plain.url}/__test/state`)).status).toBe(404);
    await plain.close();
    const state = (await (await fetch(`${server.url}/__test/state`)).json()) as { users: Record<string, { id: string }> };
    expect(state.users.alice!.id).toBe(userId('alice'));
  });

  it('sends raw frames, drops sockets and refuses upgrades', async () => {
    const socket = await TestSocket.open(server, token('alice'));
    const other = await TestSocket.open(server, token('bob'));
    expect(await control(server, 'send-raw', { frame: 'not json {', user: 'alice' })).toEqual({ sent: 1 });
    expect((await socket.next((f) => f.type === '(raw)')).body).toBe('not json {');
    const closed = new Promise<number>((resolve) => socket.ws.once('close', resolve));
    await control(server, 'drop-sockets');
    expect(await closed).toBe(1006);
    other.close();
    await control(server, 'refuse-upgrades', { seconds: 30 });
    await expect(TestSocket.open(server, token('alice'))).rejects.toThrow();
  });

  it('acts as a user and reports what each socket sent', async () => {
    const socket = await TestSocket.open(server, token('bob'));
    socket.connect('homeTimeline', 'h', { withRenotes: false });
    socket.send({ type: 's', body: { id: 'abc' } });
    await socket.sync();
    const acted = (await (
      await fetch(`${server.url}/__test/act`, {
        method: 'POST',
        body: JSON.stringify({ as: 'carol', endpoint: 'i', params: {} }),
      })
    ).json()) as { status: number; body: { username: string } };
    expect(acted.body.username).toBe('carol');
    const sockets = (await (await fetch(`${server.url}/__test/sockets`)).json()) as {
      user: string;
      channels: { id: string }[];
      captures: Record<string, number>;
    }[];
    expect(sockets[0]).toMatchObject({
      user: 'bob',
      channels: [{ id: 'h', channel: 'homeTimeline', params: { withRenotes: false } }],
      captures: { abc: 1 },
    });
    socket.close();
  });
});

describe('account', () => {
  it('groups consecutive reactions on one note in i/notifications-grouped', async () => {
    const grouped = (await api(server, 'i/notifications-grouped', { limit: 50, markAsRead: false }, token('alice')))
      .body as Record<string, unknown>[];
    const reactions = grouped.find((n) => n.type === 'reaction:grouped') as { reactions: { reaction: string }[] } & Record<
      string,
      unknown
    >;
    expect(reactions.reactions.map((r) => r.reaction).sort()).toEqual([':blobcat:', '👍']);
    expect('userId' in reactions).toBe(false);
  });

  it('sends meUpdated on main after i/update', async () => {
    const socket = await TestSocket.open(server, token('carol'));
    socket.connect('main', 'm');
    await socket.sync();
    await api(server, 'i/update', { name: 'Carol C.' }, token('carol'));
    expect((await socket.channelEvent('m', 'meUpdated')).body.body.name).toBe('Carol C.');
    socket.close();
  });

  it('coerces query parameters on GET endpoints', async () => {
    const res = await fetch(`${server.url}/api/notes/reactions?noteId=${server.notes.reactions}&limit=2`);
    expect(((await res.json()) as unknown[]).length).toBe(2);
  });
});

describe('the 2024.10 profile', () => {
  it('has none of the 2026 endpoints and fields', async () => {
    for (const endpoint of ['chat/history', 'notes/drafts/create', 'notes/show-partial-bulk', 'endpoint']) {
      const res = await api(server, endpoint, {}, token('alice'));
      expect(res.status, endpoint).toBe(404);
    }
    const me = (await api(server, 'i', {}, token('alice'))).body as Record<string, unknown>;
    expect(me).not.toHaveProperty('hasUnreadChatMessages');
    expect(me).not.toHaveProperty('canChat');
    expect(me.policies).not.toHaveProperty('chatAvailability');
  });
});
