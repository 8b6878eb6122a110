import { beforeEach, describe, expect, it } from 'vitest';
import * as Misskey from 'misskey-js';
import { CLIENT_PERMISSIONS, beginMiAuth, miAuthUrl, takePendingMiAuth } from './miauth';

beforeEach(() => localStorage.clear());

describe('MiAuth', () => {
  it('builds the consent URL with name, icon, callback and our permissions', () => {
    const url = new URL(miAuthUrl('https://misskey.example', 'abc-123', 'https://client.example'));
    expect(url.origin + url.pathname).toBe('https://misskey.example/miauth/abc-123');
    expect(url.searchParams.get('callback')).toBe('https://client.example/miauth-callback');
    expect(url.searchParams.get('icon')).toBe('https://client.example/icons/icon-192.png');
    expect(url.searchParams.get('permission')?.split(',')).toEqual([...CLIENT_PERMISSIONS]);
    expect(url.search).not.toMatch(/token/);
  });

  it('asks only for permissions misskey-js knows, and never admin ones', () => {
    for (const p of CLIENT_PERMISSIONS) {
      expect(Misskey.permissions).toContain(p);
      expect(p).not.toMatch(/admin/);
    }
  });

  it('takes the pending sign-in once, for its own session only', () => {
    const url = new URL(beginMiAuth('https://misskey.example'));
    const session = url.pathname.split('/').at(-1)!;
    expect(takePendingMiAuth('someone-else')).toBeNull();
    // A mismatching callback consumed the pending entry: a stale link cannot be replayed later.
    expect(takePendingMiAuth(session)).toBeNull();

    const again = new URL(beginMiAuth('https://misskey.example')).pathname.split('/').at(-1)!;
    expect(takePendingMiAuth(again)).toMatchObject({ session: again, origin: 'https://misskey.example' });
    expect(takePendingMiAuth(again)).toBeNull();
  });

  it('forgets a sign-in abandoned for too long', () => {
    const session = new URL(beginMiAuth('https://misskey.example')).pathname.split('/').at(-1)!;
    expect(takePendingMiAuth(session, Date.now() + 31 * 60 * 1000)).toBeNull();
  });

  it('ignores corrupt storage', () => {
    localStorage.setItem('mkc:miauth-pending', '{not json');
    expect(takePendingMiAuth('x')).toBeNull();
  });
});
