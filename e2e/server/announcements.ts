import type * as Misskey from 'misskey-js';
import type { AnnouncementRecord, Db } from './db.ts';
import { idToDate } from './ids.ts';

// The server's announcements: who sees which, what is unread, and posting one (live on the stream).

export function visibleTo(a: AnnouncementRecord, userId: string | null): boolean {
  return a.userId === null || a.userId === userId;
}

/** `isRead` is added for a signed-in viewer only. */
export function packAnnouncement(a: AnnouncementRecord, viewerId: string | null): Misskey.entities.Announcement {
  return {
    id: a.id,
    createdAt: idToDate(a.id).toISOString(),
    updatedAt: null,
    title: a.title,
    text: a.text,
    imageUrl: a.imageUrl,
    icon: a.icon,
    display: a.display,
    forYou: a.userId !== null && a.userId === viewerId,
    needConfirmationToRead: a.needConfirmationToRead,
    silence: a.silence,
    ...(viewerId !== null ? { isRead: a.readBy.has(viewerId) } : {}),
  };
}

/** What `i` lists as unread: active, not silent, not read yet; newest first. */
export function unreadAnnouncements(db: Db, userId: string): AnnouncementRecord[] {
  return [...db.announcements.values()]
    .filter((a) => visibleTo(a, userId) && !a.silence && !a.readBy.has(userId))
    .sort((a, b) => (a.id < b.id ? 1 : -1));
}

export type AnnouncementInput = Partial<
  Pick<AnnouncementRecord, 'title' | 'text' | 'imageUrl' | 'icon' | 'display' | 'needConfirmationToRead' | 'silence' | 'userId'>
>;

// As admin/announcements/create: everyone hears of it on the broadcast stream, one user on their `main`.
export function createAnnouncement(db: Db, input: AnnouncementInput, at?: number): AnnouncementRecord {
  const record: AnnouncementRecord = {
    id: db.ids.next(at),
    title: input.title ?? '',
    text: input.text ?? '',
    imageUrl: input.imageUrl ?? null,
    icon: input.icon ?? 'info',
    display: input.display ?? 'normal',
    needConfirmationToRead: input.needConfirmationToRead ?? false,
    silence: input.silence ?? false,
    userId: input.userId ?? null,
    readBy: new Set(),
  };
  db.announcements.set(record.id, record);
  if (at !== undefined) return record;
  // Packed without a viewer, so without isRead (as recorded in stream-main-announcement-created).
  const announcement = packAnnouncement(record, null);
  if (record.userId === null) db.events.emit('broadcast', 'announcementCreated', { announcement });
  else db.events.emit('main', record.userId, 'announcementCreated', { announcement: { ...announcement, forYou: true } });
  return record;
}
