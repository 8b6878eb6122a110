import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './index.ts';
import { api, TestSocket, upgradeStatus } from './testing.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(() => server.close());

async function consent(
  session: string,
  query: Record<string, string>,
  decision: 'accept' | 'deny',
  user = 'alice',
): Promise<Response> {
  const page = await fetch(`${server.url}/miauth/${session}?${new URLSearchParams(query)}`);
  const html = await page.text();
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [
      m[1],
      m[2]!.replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))),
    ]),
  );
  const form = new URLSearchParams({ ...hidden, user: server.users[user]!.id, decision });
  return fetch(`${server.url}/miauth/${session}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

describe('MiAuth', () => {
  it('shows the app name, the permissions and labelled Accept/Deny buttons, escaping the name', async () => {
    const html = await (
      await fetch(`${server.url}/miauth/s0?name=${encodeURIComponent('<b>App</b>')}&permission=read:account,write:notes`)
    ).text();
    expect(html).toContain('&#60;b&#62;App&#60;/b&#62;');
    expect(html).not.toContain('<b>App</b>');
    expect(html).toContain('<li>write:notes</li>');
    expect(html).toMatch(/<label for="user">Sign in as<\/label>/);
    expect(html).toMatch(/<button[^>]*value="accept"[^>]*aria-label="Accept[^"]*"/);
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*aria-label="Deny[^"]*"/);
  });

  it('redirects to the callback with the session, and hands out the token once', async () => {
    expect((await api(server, 'miauth/s1/check')).body).toEqual({ ok: false });
    const res = await consent(
      's1',
      { name: 'Test', callback: 'http://client.test/cb?x=1', permission: 'read:account,write:notes' },
      'accept',
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://client.test/cb?x=1&session=s1');
    const first = (await api(server, 'miauth/s1/check')).body as { ok: boolean; token: string; user: { username: string } };
    expect(first.ok).toBe(true);
    expect(first.token).toHaveLength(32);
    expect(first.user.username).toBe('alice');
    expect((await api(server, 'miauth/s1/check')).body).toEqual({ ok: false });
  });

  it('refuses javascript: callbacks and issues nothing on deny', async () => {
    const js = await consent('s2', { name: 'Evil', callback: 'javascript:alert(1)', permission: 'read:account' }, 'accept');
    expect(js.status).toBe(200);
    expect(js.headers.get('location')).toBeNull();
    const denied = await consent('s3', { name: 'Denied', callback: 'http://client.test/cb', permission: 'read:account' }, 'deny');
    expect(denied.headers.get('location')).toBeNull();
    expect((await api(server, 'miauth/s3/check')).body).toEqual({ ok: false });
  });

  it('enforces the token’s permissions on endpoints, the stream and its channels', async () => {
    await consent('s4', { name: 'Reader', callback: 'http://client.test/cb', permission: 'read:account' }, 'accept');
    const { token } = (await api(server, 'miauth/s4/check')).body as { token: string };
    expect((await api(server, 'i', {}, token)).status).toBe(200);
    const denied = await api(server, 'notes/create', { text: 'nope' }, token);
    expect(denied.status).toBe(403);
    expect((denied.body as { error: { code: string; kind: string } }).error).toMatchObject({
      code: 'PERMISSION_DENIED',
      kind: 'permission',
    });

    await consent('s5', { name: 'Writer', callback: 'http://client.test/cb', permission: 'write:notes' }, 'accept');
    const writer = ((await api(server, 'miauth/s5/check')).body as { token: string }).token;
    expect((await upgradeStatus(server, `?i=${writer}`)).status).toBe(401);

    const socket = await TestSocket.open(server, token);
    socket.connect('main', 'm', {}, true);
    await socket.next((f) => f.type === 'connected');
    socket.close();
  });
});

describe('legacy api over the stream', () => {
  it('is ignored on a 2024.10 server', async () => {
    const socket = await TestSocket.open(server, server.users.alice!.token);
    socket.send({ type: 'api', body: { id: 'x1', endpoint: 'i', data: {} } });
    expect(await socket.sync()).toEqual([]);
    socket.close();
  });

  it('answers api:ID with res or error, and reports an old version, with --legacy-api-stream', async () => {
    const legacy = await startServer({ port: 0, legacyApiStream: true });
    try {
      expect(((await api(legacy, 'meta')).body as { version: string }).version).toBe('12.110.0');
      const socket = await TestSocket.open(legacy, legacy.users.alice!.token);
      socket.send({ type: 'api', body: { id: 'a1', endpoint: 'i', data: {} } });
      socket.send({ type: 'api', body: { id: 'a2', endpoint: 'notes/show', data: { noteId: 'zzzzzzzzzzzzzzzz' } } });
      const ok = await socket.next((f) => f.type === 'api:a1');
      const failed = await socket.next((f) => f.type === 'api:a2');
      expect(ok.body.res.username).toBe('alice');
      expect(failed.body.error.code).toBe('NO_SUCH_NOTE');
      socket.close();
    } finally {
      await legacy.close();
    }
  });
});
