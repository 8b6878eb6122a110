import type * as Misskey from 'misskey-js';
import type { PushRecord } from '@/offline/db';
import {
  displayName,
  notificationExcerpt,
  notificationTarget,
  notificationText,
  notificationUser,
  type Translator,
} from '../notificationView';

// What the service worker shows for a push from Misskey (core/PushNotificationService.ts):
// `{type, body, userId, dateTime}`, the note in it summarised (text only, no CW, reply or renote).

export interface PushPayload {
  type: string;
  body?: unknown;
  userId: string;
  dateTime: number;
}

/** Kept on the shown notification: whose it is and where a click leads. */
export interface PushData {
  account: string;
  url: string;
}

export interface PushShown {
  title: string;
  options: NotificationOptions & { data: PushData };
}

// Misskey's own worker ignores pushes older than a day (held by the push service while the device slept).
export const PUSH_STALE_MS = 24 * 60 * 60 * 1000;

export function readPayload(raw: unknown): PushPayload | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const p = raw as Record<string, unknown>;
  if (typeof p.type !== 'string' || typeof p.userId !== 'string' || typeof p.dateTime !== 'number') return null;
  return { type: p.type, body: p.body, userId: p.userId, dateTime: p.dateTime };
}

/** A page of the app, opened as the account the notification is for. */
export function pageFor(path: string, account: string): string {
  return `${path}?account=${encodeURIComponent(account)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * The notification to show, or null when there is none to show (not an account registered here,
 * too old, a type that shows nothing). Tags are per account, so one account's notifications never
 * replace another's; reactions to one note replace each other, as in Misskey.
 */
export function composePush(payload: PushPayload, record: PushRecord | null, tr: Translator, now = Date.now()): PushShown | null {
  const account = record?.accounts[payload.userId];
  if (!record || !account || now - payload.dateTime > PUSH_STALE_MS || !isObject(payload.body)) return null;
  // Several accounts notify on this device: each notification says whose it is.
  const whose = Object.keys(record.accounts).length > 1 ? ` · ${account.acct}` : '';
  if (payload.type === 'notification') {
    const n = payload.body as unknown as Misskey.entities.Notification;
    const about = isObject((n as { note?: unknown }).note) ? (n as { note: { id: string } }).note.id : null;
    const icon = notificationUser(n)?.avatarUrl;
    return {
      title: notificationText(n, tr) + whose,
      options: {
        body: notificationExcerpt(n),
        ...(icon ? { icon } : {}),
        tag: `${account.key}|${n.type === 'reaction' && about ? `reaction:${about}` : n.id}`,
        data: { account: account.key, url: pageFor(notificationTarget(n) ?? '/notifications', account.key) },
      },
    };
  }
  if (payload.type === 'unreadAntennaNote') {
    const { antenna, note } = payload.body as { antenna: { id: string; name: string }; note: Misskey.entities.Note };
    const icon = note.user.avatarUrl;
    return {
      title: tr.t('notifications.push.antenna', { name: antenna.name }) + whose,
      options: {
        body: `${displayName(note.user)}: ${note.text ?? ''}`,
        ...(icon ? { icon } : {}),
        tag: `${account.key}|antenna:${antenna.id}`,
        data: { account: account.key, url: pageFor(`/notes/${encodeURIComponent(note.id)}`, account.key) },
      },
    };
  }
  return null;
}
