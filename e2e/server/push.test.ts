import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api, standInForTests } from './testing.ts';

// sw/* and the push meta fields against the recorded 2024.10.1 answers (second batch).

const { server, token, userId } = standInForTests();
const FIXTURES = new URL('../../src/testing/fixtures/', import.meta.url);
const fixture = (name: string): any => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

const registration = { endpoint: 'https://push.example.invalid/abc', auth: 'w6RQt34E-uJXwGCzT0d9aQ', publickey: 'BPjx5g' };
const keysOf = (v: unknown) => Object.keys(v as object).sort();
const control = (path: string, body: unknown = {}) =>
  fetch(`${server.url}/__test/${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
const pushes = async () => ((await (await fetch(`${server.url}/__test/push`)).json()) as { pushes: any[] }).pushes;

describe('push (sw/*)', () => {
  it('meta offers push with a P-256 key, and says so plainly when turned off', async () => {
    const on = (await api(server, 'meta', { detail: true })).body as any;
    const recordedOn = fixture('rest-meta-detail-true-sw-enabled.json').response;
    expect(keysOf(on)).toEqual(keysOf(recordedOn));
    expect(on.enableServiceWorker).toBe(true);
    expect(on.features.serviceWorker).toBe(true);
    // 65 bytes, uncompressed (0x04 first), like the recorded key.
    expect(Buffer.from(on.swPublickey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(on.swPublickey, 'base64url')[0]).toBe(4);
    expect(Buffer.from(recordedOn.swPublickey, 'base64url')).toHaveLength(65);

    await control('service-worker', { enabled: false });
    const off = (await api(server, 'meta', { detail: true })).body as any;
    const recordedOff = fixture('rest-meta-detail-true-sw-disabled.json').response;
    expect(keysOf(off)).toEqual(keysOf(recordedOff));
    expect([off.enableServiceWorker, off.swPublickey, off.features.serviceWorker]).toEqual([false, null, false]);
  });

  it('registers, shows, updates and unregisters with the recorded shapes', async () => {
    const alice = token('alice');
    const registered = await api(server, 'sw/register', registration, alice);
    const recorded = fixture('rest-sw-register.json');
    expect(registered.status).toBe(recorded.status);
    expect(keysOf(registered.body)).toEqual(keysOf(recorded.response));
    const meta = (await api(server, 'meta', {})).body as any;
    expect(registered.body).toEqual({
      state: 'subscribed',
      key: meta.swPublickey,
      userId: userId('alice'),
      endpoint: registration.endpoint,
      sendReadMessage: false,
    });
    expect(((await api(server, 'sw/register', registration, alice)).body as any).state).toBe('already-subscribed');

    const shown = await api(server, 'sw/show-registration', { endpoint: registration.endpoint }, alice);
    expect(keysOf(shown.body)).toEqual(keysOf(fixture('rest-sw-show-registration.json').response));
    const updated = await api(
      server,
      'sw/update-registration',
      { endpoint: registration.endpoint, sendReadMessage: true },
      alice,
    );
    expect(updated.body).toEqual({ userId: userId('alice'), endpoint: registration.endpoint, sendReadMessage: true });
    expect(keysOf(updated.body)).toEqual(keysOf(fixture('rest-sw-update-registration.json').response));

    const gone = await api(server, 'sw/unregister', { endpoint: registration.endpoint }, alice);
    const recordedGone = fixture('rest-sw-unregister.json');
    expect([gone.status, gone.text]).toEqual([recordedGone.status, recordedGone.rawBody]);
    const after = await api(server, 'sw/show-registration', { endpoint: registration.endpoint }, alice);
    const recordedAfter = fixture('rest-sw-show-registration-after-unregister.json');
    expect([after.status, after.text]).toEqual([recordedAfter.status, recordedAfter.rawBody]);
  });

  it("answers Misskey's errors", async () => {
    const unknown = await api(server, 'sw/update-registration', { endpoint: 'https://nowhere.invalid/x' }, token('alice'));
    expect(unknown.status).toBe(400);
    expect((unknown.body as any).error).toMatchObject({ code: 'NO_SUCH_REGISTRATION', kind: 'client' });
    const anonymous = await api(server, 'sw/register', registration);
    expect([anonymous.status, (anonymous.body as any).error.code]).toEqual([401, 'CREDENTIAL_REQUIRED']);
    const missing = await api(server, 'sw/register', { endpoint: 'x' }, token('alice'));
    expect((missing.body as any).error).toMatchObject({ code: 'INVALID_PARAM', info: { param: '#/required' } });
  });

  it("pushes a registered user's unread notifications as Misskey does, and nothing to others", { timeout: 15_000 }, async () => {
    await api(server, 'sw/register', registration, token('alice'));
    const created = await api(server, 'notes/create', { text: 'hello @alice', cw: 'a cw' }, token('bob'));
    const noteId = (created.body as any).createdNote.id;
    await api(server, 'sw/register', { ...registration, endpoint: 'https://push.example.invalid/carol' }, token('carol'));
    // The push goes with `unreadNotification`, about two seconds after the notification.
    await expect.poll(pushes, { timeout: 5000 }).toHaveLength(1);
    const [mention] = await pushes();
    expect((mention.payload.body.note as { id: string }).id).toBe(noteId);
    expect(mention.endpoint).toBe(registration.endpoint);
    expect(keysOf(mention.payload)).toEqual(['body', 'dateTime', 'type', 'userId']);
    expect(mention.payload.type).toBe('notification');
    expect(mention.payload.userId).toBe(userId('alice'));
    expect(mention.payload.body.type).toBe('mention');
    expect(mention.payload.body.user.username).toBe('bob');
    // The note is summarised: the CW stands for the text; no cw, reply, renote or author inside.
    expect(mention.payload.body.note.text).toBe('a cw');
    for (const key of ['cw', 'reply', 'renote', 'user']) expect(mention.payload.body.note).not.toHaveProperty(key);
  });

  it('sends readAllNotifications only to registrations that asked for it, without a body', async () => {
    await api(server, 'sw/register', { ...registration, sendReadMessage: true }, token('alice'));
    await api(server, 'notifications/mark-all-as-read', {}, token('alice'));
    const [read] = await pushes();
    expect(read.payload.type).toBe('readAllNotifications');
    expect(read.payload).not.toHaveProperty('body');
  });
});
