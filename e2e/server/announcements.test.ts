import { describe, expect, it } from 'vitest';
import { api, control, expectSameShape, fixture, standInForTests, TestSocket } from './testing.ts';

const { server, token } = standInForTests();

type Announcement = { id: string; title: string; display: string; isRead?: boolean; forYou: boolean };
type Me = { hasUnreadAnnouncement: boolean; unreadAnnouncements: Announcement[] };

const me = async (name: string) => (await api(server, 'i', {}, token(name))).body as Me;

describe('announcements', () => {
  it('lists announcements with isRead, and reading one takes it out of unreadAnnouncements', async () => {
    const list = (await api(server, 'announcements', { isActive: true, limit: 10 }, token('alice'))).body as Announcement[];
    expect(list.length).toBeGreaterThan(0);
    expectSameShape(list[0], fixture('rest-announcements.json').response[0]);
    expect((await me('alice')).unreadAnnouncements.map((a) => a.id)).toEqual(list.map((a) => a.id));
    const read = await api(server, 'i/read-announcement', { announcementId: list[0]!.id }, token('alice'));
    expect([read.status, read.text]).toEqual([204, '']);
    const after = (await api(server, 'announcements', {}, token('alice'))).body as Announcement[];
    expect(after.find((a) => a.id === list[0]!.id)).toMatchObject({ isRead: true });
    expect((await me('alice')).unreadAnnouncements.map((a) => a.id)).not.toContain(list[0]!.id);
    // Bob has not read it; an unknown id is not an error.
    expect((await me('bob')).hasUnreadAnnouncement).toBe(true);
    expect((await api(server, 'i/read-announcement', { announcementId: 'au69aaaaaaaaaaaa' }, token('alice'))).status).toBe(204);
    const anonymous = (await api(server, 'announcements', {})).body as Announcement[];
    expect('isRead' in anonymous[0]!).toBe(false);
  });

  it('posts one through the control API: a top-level broadcast for everyone, main for one user', async () => {
    const socket = await TestSocket.open(server, token('alice'));
    socket.connect('main', 'main-a');
    await socket.sync();
    await control(server, 'announcement', {
      title: 'Fixture announcement (streamed)',
      text: 'Live.',
      display: 'banner',
      icon: 'success',
    });
    const frame = await socket.next((f) => f.type === 'announcementCreated');
    expectSameShape(frame.body.announcement, fixture('stream-main-announcement-created.json')[1].frame.body.announcement);
    await control(server, 'announcement', { title: 'Just for alice', text: 'Hi.', display: 'dialog', user: 'alice' });
    const mine = await socket.channelEvent('main-a', 'announcementCreated');
    expect(mine.body.body.announcement).toMatchObject({ title: 'Just for alice', forYou: true });
    const bobs = ((await api(server, 'announcements', {}, token('bob'))).body as Announcement[]).map((a) => a.title);
    expect(bobs).not.toContain('Just for alice');
    // Reading the last unread one says so on main.
    for (const a of (await me('alice')).unreadAnnouncements)
      await api(server, 'i/read-announcement', { announcementId: a.id }, token('alice'));
    await socket.channelEvent('main-a', 'readAllAnnouncements');
    socket.close();
  });
});
