import type { Page } from '@playwright/test';
import { E2E_SERVER_URL } from '../ports';

export interface SeedUser {
  id: string;
  token: string;
}

// Talks to the stand-in server's test-only control API (`--test`).
// `server` picks another stand-in than the default one (the legacy server, for instance).
export async function control<T = unknown>(path: string, body: unknown = {}, server = E2E_SERVER_URL): Promise<T> {
  const res = await fetch(`${server}/__test/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

async function inspect<T>(path: string, server: string): Promise<T> {
  const res = await fetch(`${server}/__test/${path}`);
  if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function users(server = E2E_SERVER_URL): Promise<Record<string, SeedUser>> {
  return (await inspect<{ users: Record<string, SeedUser> }>('state', server)).users;
}

export interface SocketInfo {
  user: string | null;
  channels: Array<{ id: string; channel: string; params?: Record<string, unknown> }>;
  captures: Record<string, number>;
  frames: unknown[];
}

// What each open socket on the server holds, and every frame it received from the client.
export async function sockets(server = E2E_SERVER_URL): Promise<SocketInfo[]> {
  const body = await inspect<SocketInfo[] | { sockets: SocketInfo[] }>('sockets', server);
  return Array.isArray(body) ? body : body.sockets;
}

export interface PushSent {
  endpoint: string;
  payload: { type: string; body?: unknown; userId: string; dateTime: number };
}

// The pushes the server would have sent (it cannot reach a push service), oldest first.
export async function pushes(server = E2E_SERVER_URL): Promise<PushSent[]> {
  return (await inspect<{ pushes: PushSent[] }>('push', server)).pushes;
}

// A REST call as a seeded user, the way another client would make it.
export async function actAs<T = unknown>(
  username: string,
  endpoint: string,
  params: Record<string, unknown> = {},
  server = E2E_SERVER_URL,
): Promise<T> {
  return control<T>('act', { as: username, endpoint, params }, server);
}

// Signs the page in as a seeded user by writing the account store the app reads at start.
export async function signInAs(page: Page, username: string, server = E2E_SERVER_URL): Promise<SeedUser> {
  const [user] = await signInAll(page, [username], server);
  return user!;
}

// Signs the page in to several seeded accounts at once; the first is the active one.
export async function signInAll(page: Page, usernames: string[], server = E2E_SERVER_URL): Promise<SeedUser[]> {
  const seeded = await users(server);
  const stored = usernames.map((username) => {
    const user = seeded[username];
    if (!user) throw new Error(`no seeded user ${username}`);
    return {
      key: `${user.id}@${server}`,
      origin: server,
      token: user.token,
      userId: user.id,
      username,
      name: null,
      avatarUrl: null,
    };
  });
  await page.addInitScript((list) => {
    if (localStorage.getItem('mkc:accounts')) return;
    localStorage.setItem('mkc:accounts', JSON.stringify(list));
    localStorage.setItem('mkc:active', JSON.stringify({ kind: 'account', key: list[0]!.key }));
  }, stored);
  return usernames.map((u) => seeded[u]!);
}

export async function browseAsGuest(page: Page, server = E2E_SERVER_URL): Promise<void> {
  await page.addInitScript((origin) => {
    if (localStorage.getItem('mkc:active')) return;
    localStorage.setItem('mkc:active', JSON.stringify({ kind: 'guest', origin }));
  }, server);
}
