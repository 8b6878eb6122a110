import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '@/api/client';
import { replayEndpoints, type SentRequest } from '@/testing/replayFetch';
import { openCache } from '@/offline/db';
import type { StoredAccount } from '@/stores/accounts';
import registered from '@/testing/fixtures/rest-sw-register.json';
import unregistered from '@/testing/fixtures/rest-sw-unregister.json';
import shown from '@/testing/fixtures/rest-sw-show-registration.json';
import notShown from '@/testing/fixtures/rest-sw-show-registration-after-unregister.json';
import metaOn from '@/testing/fixtures/rest-meta-detail-true-sw-enabled.json';
import metaOff from '@/testing/fixtures/rest-meta-detail-true-sw-disabled.json';
import badToken from '@/testing/fixtures/rest-error-401-bad-token.json';
import {
  base64UrlBytes,
  disablePush,
  enablePush,
  loadPushRecord,
  offeredKey,
  pushEnabled,
  type PushBrowser,
} from './pushSubscription';

const ORIGIN = 'https://misskey.example';
const account = (userId: string, origin = ORIGIN): StoredAccount => ({
  key: `${userId}@${origin}`,
  origin,
  token: `token-${userId}`,
  userId,
  username: userId,
  name: null,
  avatarUrl: null,
});
const alice = account('alice1');
const bob = account('bob1');

// A browser whose push service answers: one subscription at a time, made with one key.
function fakeBrowser(opts: { permission?: NotificationPermission; pushServiceDown?: boolean } = {}) {
  let current: PushSubscription | null = null;
  let made = 0;
  const sent: SentRequest[] = [];
  let answers: Record<string, unknown> = {
    'sw/register': registered,
    'sw/unregister': unregistered,
    'sw/show-registration': shown,
  };
  const pushManager = {
    getSubscription: async () => current,
    subscribe: async ({ applicationServerKey }: PushSubscriptionOptionsInit) => {
      if (opts.pushServiceDown) throw new DOMException('Registration failed - push service error', 'AbortError');
      const endpoint = `https://push.example.invalid/${++made}`;
      const sub = {
        endpoint,
        options: { applicationServerKey: (applicationServerKey as Uint8Array).buffer, userVisibleOnly: true },
        toJSON: () => ({ endpoint, keys: { auth: 'w6RQt34E-uJXwGCzT0d9aQ', p256dh: 'BPjx5g' } }),
        unsubscribe: async () => {
          if (current === sub) current = null;
          return true;
        },
      } as unknown as PushSubscription;
      current = sub;
      return sub;
    },
  };
  const browser: PushBrowser = {
    supported: () => true,
    requestPermission: async () => opts.permission ?? 'granted',
    registration: async () => ({ pushManager }) as unknown as ServiceWorkerRegistration,
    api: (a) => {
      const replay = replayEndpoints(answers as never);
      return createApi({
        origin: a.origin,
        token: a.token,
        fetch: async (input, init) => {
          const res = await replay.fetch(input, init);
          sent.push(...replay.sent.splice(0));
          return res;
        },
      });
    },
  };
  return {
    browser,
    sent,
    subscription: () => current,
    answer: (endpoint: string, exchange: unknown) => (answers = { ...answers, [endpoint]: exchange }),
  };
}

const on = metaOn.response;
const lang = 'ja';
const req = (a: StoredAccount, meta: { enableServiceWorker: boolean; swPublickey: string | null } = on) => ({
  account: a,
  acct: `@${a.username}@misskey.example`,
  meta,
  lang,
});

beforeEach(async () => {
  // Each test starts with no subscription kept.
  await (await openCache())?.delete('push', 'current');
});

describe('push subscription', () => {
  it('is offered only where the server enables it and has a key', () => {
    expect(offeredKey(on)).toBe(on.swPublickey);
    expect(offeredKey(metaOff.response)).toBeNull();
    expect(offeredKey({ ...on, enableServiceWorker: false })).toBeNull();
    expect(base64UrlBytes(on.swPublickey)).toHaveLength(65);
  });

  it("subscribes with the server's key and registers it; a second account of that server shares the subscription", async () => {
    const fake = fakeBrowser();
    expect(await enablePush(req(alice), fake.browser)).toEqual({ ok: true });
    const sub = fake.subscription()!;
    expect(new Uint8Array(sub.options.applicationServerKey!)).toEqual(base64UrlBytes(on.swPublickey));
    expect(fake.sent.map((r) => [new URL(r.url).pathname, r.body])).toEqual([
      ['/api/sw/register', { i: 'token-alice1', endpoint: sub.endpoint, auth: 'w6RQt34E-uJXwGCzT0d9aQ', publickey: 'BPjx5g' }],
    ]);
    expect(await enablePush(req(bob), fake.browser)).toEqual({ ok: true });
    expect(fake.subscription()).toBe(sub);
    expect(await loadPushRecord()).toEqual({
      id: 'current',
      origin: ORIGIN,
      endpoint: sub.endpoint,
      lang,
      accounts: {
        alice1: { key: alice.key, acct: '@alice1@misskey.example' },
        bob1: { key: bob.key, acct: '@bob1@misskey.example' },
      },
    });
    expect(await pushEnabled(alice, fake.browser)).toBe(true);
  });

  it('says plainly why it cannot: not offered, permission, another server, the push service, the server', async () => {
    expect(await enablePush(req(alice, metaOff.response), fakeBrowser().browser)).toEqual({
      ok: false,
      problem: { kind: 'not-offered' },
    });
    expect(await enablePush(req(alice), fakeBrowser({ permission: 'denied' }).browser)).toMatchObject({
      problem: { kind: 'denied' },
    });
    expect(await enablePush(req(alice), fakeBrowser({ permission: 'default' }).browser)).toMatchObject({
      problem: { kind: 'dismissed' },
    });
    expect(await enablePush(req(alice), fakeBrowser({ pushServiceDown: true }).browser)).toMatchObject({
      problem: { kind: 'push-service' },
    });
    const refused = fakeBrowser();
    refused.answer('sw/register', badToken);
    expect(await enablePush(req(alice), refused.browser)).toMatchObject({
      problem: { kind: 'server', error: { kind: 'session-expired' } },
    });

    const fake = fakeBrowser();
    await enablePush(req(alice), fake.browser);
    const elsewhere = account('carol1', 'https://other.example');
    const otherKey = {
      ...on,
      swPublickey: 'BNotTheSameKeyAtAll0000000000000000000000000000000000000000000000000000000000000000000',
    };
    expect(await enablePush(req(elsewhere, otherKey), fake.browser)).toEqual({
      ok: false,
      problem: { kind: 'other-server', host: 'misskey.example' },
    });
  });

  it('unregisters an account, and lets the subscription go with the last one', async () => {
    const fake = fakeBrowser();
    await enablePush(req(alice), fake.browser);
    await enablePush(req(bob), fake.browser);
    const endpoint = fake.subscription()!.endpoint;
    fake.sent.length = 0;
    expect(await disablePush(alice, fake.browser)).toEqual({ ok: true });
    expect(fake.sent.map((r) => [new URL(r.url).pathname, r.body])).toEqual([
      ['/api/sw/unregister', { i: 'token-alice1', endpoint }],
    ]);
    expect(fake.subscription()).not.toBeNull();
    expect(await pushEnabled(alice, fake.browser)).toBe(false);
    await disablePush(bob, fake.browser);
    expect(fake.subscription()).toBeNull();
    expect(await loadPushRecord()).toBeNull();
  });

  it("takes the server's word: a registration it no longer has is off here too", async () => {
    const fake = fakeBrowser();
    await enablePush(req(alice), fake.browser);
    fake.answer('sw/show-registration', notShown);
    expect(await pushEnabled(alice, fake.browser)).toBe(false);
    expect(await loadPushRecord()).toBeNull();
  });
});
