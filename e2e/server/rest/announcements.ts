import { packAnnouncement, unreadAnnouncements, visibleTo } from '../announcements.ts';
import { signedIn, type Endpoint } from '../endpoint.ts';
import { optionalBoolean, requiredId } from '../params.ts';
import { page, readPaging } from '../paging.ts';

export const announcementEndpoints: Record<string, Endpoint> = {
  announcements: {
    handler: (ctx) => {
      const viewerId = ctx.me?.id ?? null;
      // Every announcement here is active; isActive: false asks for the ended ones, of which there are none.
      const active = optionalBoolean(ctx.params, 'isActive', true);
      const list = [...ctx.db.announcements.values()]
        .filter((a) => active && visibleTo(a, viewerId))
        .sort((a, b) => (a.id < b.id ? 1 : -1));
      return page(list, readPaging(ctx.params)).map((a) => packAnnouncement(a, viewerId));
    },
  },
  // An unknown id is not an error: 2024.10 swallows the failed insert and answers 204.
  'i/read-announcement': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const announcement = ctx.db.announcements.get(requiredId(ctx.params, 'announcementId'));
      if (!announcement || !visibleTo(announcement, me.id) || announcement.readBy.has(me.id)) return undefined;
      announcement.readBy.add(me.id);
      if (unreadAnnouncements(ctx.db, me.id).length === 0) ctx.db.events.emit('main', me.id, 'readAllAnnouncements', null);
      return undefined;
    },
  },
};
