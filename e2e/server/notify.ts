import type { Db, NotificationRecord } from './db.ts';
import { packNotification } from './pack.ts';
import { sendPush } from './push.ts';

// Notifications: stored, pushed on `main` at once, and pushed again as
// `unreadNotification` about 2 s later if the recipient has not read them by then (with a web
// push to the recipient's registrations at that moment, as Misskey's NotificationService does).

const UNREAD_DELAY_MS = 2000;

type NotificationInput = Pick<NotificationRecord, 'type'> &
  Partial<Pick<NotificationRecord, 'notifierId' | 'noteId' | 'reaction' | 'achievement' | 'draftId' | 'invitationId'>>;

// Nothing is stored or sent when the recipient mutes the notifier, as on Misskey.
export function notify(db: Db, recipientId: string, input: NotificationInput, at?: number): NotificationRecord | null {
  if (input.notifierId && db.isMuting(recipientId, input.notifierId)) return null;
  const record: NotificationRecord = {
    id: db.ids.next(at),
    userId: recipientId,
    type: input.type,
    notifierId: input.notifierId ?? null,
    noteId: input.noteId ?? null,
    reaction: input.reaction ?? null,
    achievement: input.achievement ?? null,
    draftId: input.draftId ?? null,
    invitationId: input.invitationId ?? null,
    isRead: false,
  };
  db.notifications.push(record);
  db.events.emit('main', recipientId, 'notification', packNotification(db, record));
  db.later(() => {
    if (!record.isRead && db.notifications.includes(record)) {
      const packed = packNotification(db, record);
      db.events.emit('main', recipientId, 'unreadNotification', packed);
      sendPush(db, recipientId, 'notification', packed);
    }
  }, UNREAD_DELAY_MS);
  return record;
}

/** Marks every notification of the user read; `readAllNotifications` only if something was unread, unless forced. */
export function readAllNotifications(db: Db, userId: string, always = false): void {
  let changed = false;
  for (const n of db.notifications) {
    if (n.userId === userId && !n.isRead) {
      n.isRead = true;
      changed = true;
    }
  }
  if (changed || always) {
    db.events.emit('main', userId, 'readAllNotifications', null);
    sendPush(db, userId, 'readAllNotifications', undefined);
  }
}

/** The 2 s delayed unreadMention / unreadSpecifiedNote, sent only while still unread (2024.10; 2026 has neither). */
export function markMentionUnread(db: Db, userId: string, noteId: string, specified: boolean): void {
  const user = db.users.get(userId);
  if (!user || db.modern) return;
  const set = specified ? user.unreadSpecified : user.unreadMentions;
  set.add(noteId);
  db.later(() => {
    if (set.has(noteId)) db.events.emit('main', userId, specified ? 'unreadSpecifiedNote' : 'unreadMention', noteId);
  }, UNREAD_DELAY_MS);
}
