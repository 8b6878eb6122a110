import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import type * as Misskey from 'misskey-js';
import { acctOf, useAccountsStore } from './accounts';

const origin = 'https://misskey.example';
const user = (id: string, username: string) =>
  ({ id, username, name: username.toUpperCase(), avatarUrl: `${origin}/a/${id}` }) as Misskey.entities.UserLite;

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
});

describe('accounts', () => {
  it('adds, activates and persists accounts across a new store', async () => {
    const store = useAccountsStore();
    const alice = store.add(origin, 'token-a', user('a1', 'alice'));
    store.activate({ kind: 'account', key: alice.key });
    await nextTick();
    setActivePinia(createPinia());
    const again = useAccountsStore();
    expect(again.accounts.map((a) => a.username)).toEqual(['alice']);
    expect(again.activeAccount?.token).toBe('token-a');
    expect(acctOf(again.activeAccount!)).toBe('@alice@misskey.example');
  });

  it('replaces an account signed in again instead of duplicating it', () => {
    const store = useAccountsStore();
    store.add(origin, 'old', user('a1', 'alice'));
    store.add(origin, 'new', user('a1', 'alice'));
    expect(store.accounts).toHaveLength(1);
    expect(store.accounts[0]!.token).toBe('new');
  });

  it('keeps the same user id on two servers apart', () => {
    const store = useAccountsStore();
    store.add(origin, 't1', user('a1', 'alice'));
    store.add('https://other.example', 't2', user('a1', 'alice'));
    expect(store.accounts).toHaveLength(2);
  });

  it('removing the active account forgets its token and activates the next one', async () => {
    const store = useAccountsStore();
    const alice = store.add(origin, 'secret-token-of-alice', user('a1', 'alice'));
    const bob = store.add(origin, 'tb', user('b1', 'bob'));
    store.activate({ kind: 'account', key: alice.key });
    store.remove(alice.key);
    expect(store.active).toEqual({ kind: 'account', key: bob.key });
    await nextTick();
    expect(localStorage.getItem('mkc:accounts')).not.toContain('secret-token-of-alice');
    store.remove(bob.key);
    expect(store.active).toBeNull();
  });

  it('tells who was removed, token and all, so what it left on the device can go', () => {
    const store = useAccountsStore();
    const alice = store.add(origin, 'ta', user('a1', 'alice'));
    const removed: string[] = [];
    const off = store.onRemoved((account) => removed.push(`${account.key} ${account.token}`));
    store.remove(alice.key);
    store.remove('nobody');
    off();
    expect(removed).toEqual([`${alice.key} ta`]);
  });

  it('starts empty when storage is corrupt', () => {
    localStorage.setItem('mkc:accounts', '{oops');
    expect(useAccountsStore().accounts).toEqual([]);
  });
});
