import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';
import { ApiError } from '@/api/errors';
import { setupStream, startOpen, teardownStream } from '@/stream/testing/streamHarness';
import type { FakeWebSocket } from '@/stream/testing/fakeWebSocket';
import listed from '@/testing/fixtures/rest-announcements.json';
import streamed from '@/testing/fixtures/stream-main-announcement-created.json';
import meRecorded from '@/testing/fixtures/rest-i-alice.json';
import { useAnnouncementsStore } from './useAnnouncementsStore';

type Announcement = Misskey.entities.Announcement;

// The recorded dialog and normal announcements, unread, as `i` lists them.
const recordedUnread = listed.response as unknown as Announcement[];
const broadcast = (streamed[1]!.frame as { body: { announcement: Announcement } }).body.announcement;

let stream: ReturnType<typeof setupStream>;
beforeEach(() => {
  stream = setupStream();
});
afterEach(() => teardownStream(stream));

function me(unread: Announcement[] = recordedUnread): Misskey.entities.MeDetailed {
  return { ...(structuredClone(meRecorded.response) as unknown as Misskey.entities.MeDetailed), unreadAnnouncements: unread };
}

function started(api: Partial<Api> = { request: vi.fn(async () => undefined) } as Partial<Api>) {
  const ws = startOpen(stream);
  const store = useAnnouncementsStore();
  store.start(me(), api as Api);
  return { ws, store, api };
}

function mainId(ws: FakeWebSocket): string {
  const connect = ws.frames.find((f) => (f as { body?: { channel?: string } }).body?.channel === 'main') as {
    body: { id: string };
  };
  return connect.body.id;
}

describe('unread announcements', () => {
  it('starts from `i`, shows dialogs oldest first and banners, and adds a broadcast one live', () => {
    const { ws, store } = started();
    expect(store.unread.map((a) => a.title)).toEqual(recordedUnread.map((a) => a.title));
    expect(store.dialogs.map((a) => a.display)).toEqual(['dialog']);
    expect(store.banners).toEqual([]);
    ws.serverSend({ type: 'announcementCreated', body: { announcement: broadcast } });
    expect(store.banners.map((a) => a.id)).toEqual([broadcast.id]);
    // The same one twice (a reconnect, or main and the broadcast) is kept once.
    ws.serverSend({ type: 'announcementCreated', body: { announcement: broadcast } });
    expect(store.unread.filter((a) => a.id === broadcast.id)).toHaveLength(1);
  });

  it("takes one user's announcement from main, and drops silent ones and bodies that are not announcements", () => {
    const { ws, store } = started();
    const id = mainId(ws);
    ws.serverSend({
      type: 'channel',
      body: { id, type: 'announcementCreated', body: { announcement: { ...broadcast, id: 'mine', forYou: true } } },
    });
    ws.serverSend({ type: 'announcementCreated', body: { announcement: { ...broadcast, id: 'quiet', silence: true } } });
    ws.serverSend({ type: 'announcementCreated', body: { announcement: { id: 'x', title: 1 } } });
    ws.serverSend({ type: 'channel', body: { id, type: 'announcementCreated', body: null } });
    expect(store.unread.map((a) => a.id)).toEqual(['mine', ...recordedUnread.map((a) => a.id)]);
    ws.serverSend({ type: 'channel', body: { id, type: 'readAllAnnouncements', body: null } });
    expect(store.unread).toEqual([]);
  });

  it('reads one with i/read-announcement; a failure keeps it unread and says why', async () => {
    const request = vi.fn(async () => undefined);
    const { store } = started({ request } as unknown as Api);
    const [first] = recordedUnread;
    expect(await store.read(first!)).toBeNull();
    expect(request).toHaveBeenCalledWith('i/read-announcement', { announcementId: first!.id });
    expect(store.isUnread(first!)).toBe(false);
    // A list read earlier still says isRead: false; it counts as read here.
    expect(store.isUnread({ ...first!, isRead: false })).toBe(false);

    request.mockRejectedValueOnce(
      new ApiError({ kind: 'server-error', endpoint: 'i/read-announcement', message: 'boom', status: 500 }),
    );
    const error = await store.read(recordedUnread[1]!);
    expect(error?.kind).toBe('server-error');
    expect(store.isUnread(recordedUnread[1]!)).toBe(true);
  });

  it('forgets everything and lets go of main when stopped', () => {
    const { ws, store } = started();
    const id = mainId(ws);
    store.stop();
    expect(store.unread).toEqual([]);
    expect(ws.frames).toContainEqual({ type: 'disconnect', body: { id } });
    ws.serverSend({ type: 'announcementCreated', body: { announcement: broadcast } });
    expect(store.unread).toEqual([]);
  });
});
