import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useAccountsStore } from '@/stores/accounts';
import { useSessionStore } from '@/stores/session';
import { installGuards } from './guards';

const page = { template: '<div />' };

function router() {
  const r = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: page, meta: { requiresAccount: true } },
      { path: '/notes/:id', name: 'note', component: page },
      { path: '/local', name: 'local', component: page },
      { path: '/signin', name: 'signin', component: page },
    ],
  });
  installGuards(r);
  return r;
}

const user = (id: string) => ({ id, username: id, name: null, avatarUrl: null }) as never;

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
});

describe('route guards', () => {
  it('a link for another signed-in account (a push notification) opens the page as that account', async () => {
    const accounts = useAccountsStore();
    const a = accounts.add('https://a.example', 'A', user('a'));
    const b = accounts.add('https://a.example', 'B', user('b'));
    accounts.activate({ kind: 'account', key: a.key });
    const open = vi.spyOn(useSessionStore(), 'open').mockResolvedValue();
    const r = router();
    await r.push(`/notes/n1?account=${encodeURIComponent(b.key)}&x=1`);
    expect(r.currentRoute.value.fullPath).toBe('/notes/n1?x=1');
    expect(open).toHaveBeenCalledWith({ kind: 'account', key: b.key });
  });

  it('ignores an account that is not signed in here, and the one already active', async () => {
    const accounts = useAccountsStore();
    const a = accounts.add('https://a.example', 'A', user('a'));
    accounts.activate({ kind: 'account', key: a.key });
    const open = vi.spyOn(useSessionStore(), 'open').mockResolvedValue();
    const r = router();
    await r.push(`/notes/n1?account=${encodeURIComponent(a.key)}`);
    await r.push('/notes/n2?account=someone@https://b.example');
    expect(r.currentRoute.value.fullPath).toBe('/notes/n2');
    expect(open).not.toHaveBeenCalled();
  });

  it('sends strangers to sign-in and guests to the local timeline', async () => {
    const r = router();
    await r.push('/');
    expect(r.currentRoute.value.name).toBe('signin');
    useAccountsStore().activate({ kind: 'guest', origin: 'https://a.example' });
    await r.push('/');
    expect(r.currentRoute.value.name).toBe('local');
  });
});
