import { generateKeyPairSync } from 'node:crypto';
import type * as Misskey from 'misskey-js';
import type { Db } from './db.ts';

// Web push as Misskey 2024.10.1 does it (core/PushNotificationService.ts): the server offers it
// when `enableServiceWorker` is on and a VAPID key is set; each registration (sw/register) gets
// `{type, body, userId, dateTime}` JSON. Browsers here cannot reach a push service, so the stand-in
// keeps what it would have sent (`db.pushes`, read through the control API) instead of sending it.

export type PushType = 'notification' | 'unreadAntennaNote' | 'readAllNotifications';

export interface SwSubscriptionRecord {
  userId: string;
  endpoint: string;
  auth: string;
  publickey: string;
  sendReadMessage: boolean;
}

export interface PushRecord {
  endpoint: string;
  payload: { type: PushType; body?: unknown; userId: string; dateTime: number };
}

// Only the newest pushes are kept: a demo server runs for days.
const MAX_PUSHES = 200;

/** A fresh VAPID public key: the uncompressed P-256 point, base64url, as `meta.swPublickey` shows it. */
export function vapidPublicKey(): string {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x ?? '', 'base64url'), Buffer.from(jwk.y ?? '', 'base64url')]);
  return point.toString('base64url');
}

type Note = Misskey.entities.Note;

// Misskey's getNoteSummary: the CW (or text), files and poll marks, then the reply and renote.
function summary(note: Note): string {
  let text = note.cw ?? note.text ?? '';
  if (note.files?.length) text += ` (📎${note.files.length})`;
  if (note.poll) text += ' (📊)';
  if (note.replyId) text += note.reply ? `\n\nRE: ${summary(note.reply)}` : '\n\nRE: ...';
  if (note.renoteId) text += note.renote ? `\n\nRN: ${summary(note.renote)}` : '\n\nRN: ...';
  return text.trim();
}

// Push services limit the size, so the server sends the note as a summary (truncateBody): no cw,
// reply or renote, and no author inside a notification (the notification has its own `user`).
function truncate(type: PushType, body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('note' in body)) return body;
  const { note, ...rest } = body as { note: Note; type?: string };
  const shown = rest.type === 'renote' && note.renote ? note.renote : note;
  const kept: Partial<Note> = { ...note, text: summary(shown) };
  delete kept.cw;
  delete kept.reply;
  delete kept.renote;
  if (type === 'notification') delete kept.user;
  return { ...rest, note: kept };
}

export function sendPush(db: Db, userId: string, type: PushType, body: unknown): void {
  if (!db.serviceWorker.enabled || db.serviceWorker.publicKey === null) return;
  for (const sub of db.swSubscriptions) {
    if (sub.userId !== userId) continue;
    if (type === 'readAllNotifications' && !sub.sendReadMessage) continue;
    // JSON drops an undefined body, as the real server's JSON.stringify does.
    const payload = JSON.parse(
      JSON.stringify({ type, body: type === 'readAllNotifications' ? body : truncate(type, body), userId, dateTime: Date.now() }),
    ) as PushRecord['payload'];
    db.pushes.push({ endpoint: sub.endpoint, payload });
    if (db.pushes.length > MAX_PUSHES) db.pushes.splice(0, db.pushes.length - MAX_PUSHES);
  }
}
