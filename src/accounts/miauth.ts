import type { permissions } from 'misskey-js/consts.js';

type Permission = (typeof permissions)[number];

// What this client does on a user's behalf; checked against misskey-js's list at compile time.
export const CLIENT_PERMISSIONS = [
  'read:account',
  'write:account',
  'read:blocks',
  'write:blocks',
  'read:drive',
  'write:drive',
  'read:favorites',
  'write:favorites',
  'read:following',
  'write:following',
  'read:mutes',
  'write:mutes',
  'write:notes',
  'read:notifications',
  'write:notifications',
  'read:reactions',
  'write:reactions',
  'write:votes',
  'read:channels',
  'write:channels',
  // Chat (2025.4 and later); older servers keep the names without using them.
  'read:chat',
  'write:chat',
] as const satisfies readonly Permission[];

const PENDING_KEY = 'mkc:miauth-pending';
// A sign-in not finished within this time is considered abandoned.
const PENDING_TTL_MS = 30 * 60 * 1000;

export interface PendingMiAuth {
  session: string;
  origin: string;
  createdAt: number;
}

export function miAuthUrl(origin: string, session: string, appOrigin: string): string {
  const url = new URL(`/miauth/${session}`, origin);
  url.searchParams.set('name', 'Misskey Web Client');
  url.searchParams.set('icon', `${appOrigin}/icons/icon-192.png`);
  url.searchParams.set('callback', `${appOrigin}/miauth-callback`);
  url.searchParams.set('permission', CLIENT_PERMISSIONS.join(','));
  return url.toString();
}

export function beginMiAuth(origin: string): string {
  const pending: PendingMiAuth = { session: crypto.randomUUID(), origin, createdAt: Date.now() };
  localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  return miAuthUrl(origin, pending.session, location.origin);
}

// The pending sign-in this callback belongs to, consumed so a reload cannot reuse it.
export function takePendingMiAuth(session: string, now = Date.now()): PendingMiAuth | null {
  const raw = localStorage.getItem(PENDING_KEY);
  if (!raw) return null;
  localStorage.removeItem(PENDING_KEY);
  try {
    const pending = JSON.parse(raw) as PendingMiAuth;
    if (pending.session !== session || now - pending.createdAt > PENDING_TTL_MS) return null;
    return pending;
  } catch {
    return null;
  }
}
