import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type * as Misskey from 'misskey-js';

// What we keep of a signed-in account. The token never leaves this origin's storage.
export interface StoredAccount {
  key: string; // userId@origin: unique across servers
  origin: string;
  token: string;
  userId: string;
  username: string;
  name: string | null;
  avatarUrl: string | null;
}

export type ActiveTarget = { kind: 'account'; key: string } | { kind: 'guest'; origin: string };

const ACCOUNTS_KEY = 'mkc:accounts';
const ACTIVE_KEY = 'mkc:active';

function load<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function accountKey(userId: string, origin: string): string {
  return `${userId}@${origin}`;
}

export function acctOf(account: Pick<StoredAccount, 'username' | 'origin'>): string {
  return `@${account.username}@${new URL(account.origin).host}`;
}

export const useAccountsStore = defineStore('accounts', () => {
  const accounts = ref<StoredAccount[]>(load(ACCOUNTS_KEY, []));
  const active = ref<ActiveTarget | null>(load(ACTIVE_KEY, null));

  watch(accounts, (v) => localStorage.setItem(ACCOUNTS_KEY, JSON.stringify(v)), { deep: true });
  watch(active, (v) => localStorage.setItem(ACTIVE_KEY, JSON.stringify(v)), { deep: true });

  const activeAccount = computed(() => {
    const target = active.value;
    if (target?.kind !== 'account') return null;
    return accounts.value.find((a) => a.key === target.key) ?? null;
  });

  function add(origin: string, token: string, user: Misskey.entities.UserLite): StoredAccount {
    const key = accountKey(user.id, origin);
    const account: StoredAccount = {
      key,
      origin,
      token,
      userId: user.id,
      username: user.username,
      name: user.name ?? null,
      avatarUrl: user.avatarUrl,
    };
    const i = accounts.value.findIndex((a) => a.key === key);
    if (i >= 0) accounts.value.splice(i, 1, account);
    else accounts.value.push(account);
    return account;
  }

  function updateProfile(key: string, user: Misskey.entities.UserLite): void {
    const account = accounts.value.find((a) => a.key === key);
    if (!account) return;
    account.name = user.name ?? null;
    account.avatarUrl = user.avatarUrl;
  }

  function activate(target: ActiveTarget | null): void {
    active.value = target;
  }

  const removedListeners = new Set<(account: StoredAccount) => void>();

  // Forgets the token; the next account (or nothing) becomes active.
  function remove(key: string): void {
    const gone = accounts.value.find((a) => a.key === key);
    accounts.value = accounts.value.filter((a) => a.key !== key);
    if (gone) for (const fn of [...removedListeners]) fn(gone);
    if (active.value?.kind === 'account' && active.value.key === key) {
      const next = accounts.value[0];
      active.value = next ? { kind: 'account', key: next.key } : null;
    }
  }

  /** Hears each account removed (signed out), with its token still in hand. */
  function onRemoved(fn: (account: StoredAccount) => void): () => void {
    removedListeners.add(fn);
    return () => removedListeners.delete(fn);
  }

  return { accounts, active, activeAccount, add, updateProfile, activate, remove, onRemoved };
});
