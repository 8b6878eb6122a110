import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';
import { useNotificationsStore } from './notifications';
import { nextTick } from 'vue';
import { ORIGIN, TOKEN, reconnect, setupStream, setVisibility, startOpen, teardownStream } from '@/stream/testing/streamHarness';
import { dataSaver } from '@/stream/dataSaver';
import { POLL_INTERVAL_MS } from '@/stream/poller';
import type { FakeWebSocket } from '@/stream/testing/fakeWebSocket';
import meUnread from '@/testing/fixtures/rest-i-alice-unread.json';
import mainRecording from '@/testing/fixtures/stream-main-interactions.json';
import mention2026 from '@/testing/fixtures-2026/stream-main-mention-2026.json';

type MeDetailed = Misskey.entities.MeDetailed;
type Notification = Misskey.entities.Notification;

interface ChannelFrame {
  type: 'channel';
  body: { id: string; type: string; body: unknown };
}

let stream: ReturnType<typeof setupStream>;

beforeEach(() => {
  stream = setupStream();
});
afterEach(() => {
  dataSaver.value = false;
  teardownStream(stream);
});

function me(overrides: Partial<MeDetailed> = {}): MeDetailed {
  return { ...(structuredClone(meUnread.response) as unknown as MeDetailed), ...overrides };
}

function fakeApi(answer: () => unknown = () => me()): Api & { request: ReturnType<typeof vi.fn> } {
  return { request: vi.fn(async () => answer()) } as unknown as Api & { request: ReturnType<typeof vi.fn> };
}

const recorded = mainRecording as Array<{ dir: string; frame: unknown }>;
const recordedNotification = (
  recorded.find((f) => (f.frame as Partial<ChannelFrame>).body?.type === 'notification')!.frame as ChannelFrame
).body.body as Notification;

/** Starts the store on an open socket; returns the socket and the id `main` got on it. */
function started(user: MeDetailed = me(), api: Api = fakeApi()) {
  const ws = startOpen(stream);
  const unread = useNotificationsStore();
  unread.start(user, api);
  return { ws, unread, mainId: mainIdOn(ws) };
}

function mainIdOn(ws: FakeWebSocket): string {
  const connect = ws.frames.find(
    (f) =>
      (f as { type: string; body: { channel?: string } }).type === 'connect' &&
      (f as { body: { channel: string } }).body.channel === 'main',
  ) as { body: { id: string } } | undefined;
  if (!connect) throw new Error('main was not connected');
  return connect.body.id;
}

function sendMain(ws: FakeWebSocket, mainId: string, type: string, body: unknown = null): void {
  ws.serverSend({ type: 'channel', body: { id: mainId, type, body } });
}

function withId(n: Notification, id: string): Notification {
  return { ...n, id };
}

describe('unread notifications', () => {
  it('starts from the counters of `i`', () => {
    const { unread } = started();
    expect(unread.unreadCount).toBe(12);
    expect(unread.hasUnread).toBe(true);
    expect(unread.unreadMentions).toBe(true);
    expect(unread.unreadDirect).toBe(true);
  });

  it('counts a notification once, though `unreadNotification` repeats it 2 s later', () => {
    const { ws, mainId, unread } = started(me({ unreadNotificationsCount: 0, hasUnreadNotification: false }));
    sendMain(ws, mainId, 'notification', recordedNotification);
    expect(unread.unreadCount).toBe(1);
    sendMain(ws, mainId, 'unreadNotification', recordedNotification);
    expect(unread.unreadCount).toBe(1);
    sendMain(ws, mainId, 'unreadNotification', withId(recordedNotification, 'other'));
    expect(unread.unreadCount).toBe(2);
  });

  it('counts each notification of the recorded 2024.10 session once and raises the mention flags', () => {
    const { ws, mainId, unread } = started(
      me({ unreadNotificationsCount: 0, hasUnreadNotification: false, hasUnreadMentions: false, hasUnreadSpecifiedNotes: false }),
    );
    const ids = new Set<string>();
    for (const { dir, frame } of recorded) {
      if (dir !== 'recv') continue;
      const { body } = frame as ChannelFrame;
      if (body.type === 'notification') ids.add((body.body as Notification).id);
      sendMain(ws, mainId, body.type, body.body);
    }
    expect(ids.size).toBeGreaterThan(5);
    expect(unread.unreadCount).toBe(ids.size);
    expect(unread.unreadMentions).toBe(true);
    expect(unread.unreadDirect).toBe(true);
  });

  it('clears on readAllNotifications and on notificationFlushed, and the mention flags on their read events', () => {
    const { ws, mainId, unread } = started();
    sendMain(ws, mainId, 'readAllNotifications');
    expect(unread.unreadCount).toBe(0);
    expect(unread.hasUnread).toBe(false);
    sendMain(ws, mainId, 'notification', recordedNotification);
    expect(unread.unreadCount).toBe(1);
    sendMain(ws, mainId, 'notificationFlushed');
    expect(unread.unreadCount).toBe(0);
    sendMain(ws, mainId, 'readAllUnreadMentions');
    expect(unread.unreadMentions).toBe(false);
    expect(unread.unreadDirect).toBe(true);
    sendMain(ws, mainId, 'readAllUnreadSpecifiedNotes');
    expect(unread.unreadDirect).toBe(false);
    sendMain(ws, mainId, 'unreadMention', 'someNoteId');
    expect(unread.unreadMentions).toBe(true);
  });

  it('takes the counters from meUpdated', () => {
    const { ws, mainId, unread } = started();
    sendMain(ws, mainId, 'meUpdated', me({ unreadNotificationsCount: 3, hasUnreadMentions: false }));
    expect(unread.unreadCount).toBe(3);
    expect(unread.unreadMentions).toBe(false);
  });

  it('while a notifications page is open and visible, reads new ones at once instead of counting them', () => {
    const { ws, mainId, unread } = started(me({ unreadNotificationsCount: 0, hasUnreadNotification: false }));
    setVisibility('visible');
    const close = unread.openView();
    sendMain(ws, mainId, 'notification', recordedNotification);
    expect(unread.unreadCount).toBe(0);
    expect(ws.frames).toContainEqual({ type: 'readNotification', body: {} });

    setVisibility('hidden');
    sendMain(ws, mainId, 'notification', withId(recordedNotification, 'later'));
    expect(unread.unreadCount).toBe(1);

    close();
    setVisibility('visible');
    sendMain(ws, mainId, 'notification', withId(recordedNotification, 'after-leaving'));
    expect(unread.unreadCount).toBe(2);
  });

  it('hands every live notification to its listeners, and ignores events it does not know', () => {
    const { ws, mainId, unread } = started();
    const seen: string[] = [];
    const stop = unread.listen((n) => seen.push(n.id));
    sendMain(ws, mainId, 'newChatMessage', { id: 'x' });
    sendMain(ws, mainId, 'driveFileCreated', { id: 'f' });
    sendMain(ws, mainId, 'notification', recordedNotification);
    stop();
    sendMain(ws, mainId, 'notification', withId(recordedNotification, 'not-heard'));
    expect(seen).toEqual([recordedNotification.id]);
  });

  it('reads the counters from `i` again after a reconnect', async () => {
    const api = fakeApi(() => me({ unreadNotificationsCount: 7 }));
    const { unread } = started(me(), api);
    reconnect();
    await vi.waitFor(() => expect(unread.unreadCount).toBe(7));
    expect(api.request).toHaveBeenCalledWith('i', {});
  });

  it('forgets everything and leaves `main` on stop (account switch)', () => {
    const { ws, mainId, unread } = started();
    unread.stop();
    expect(unread.unreadCount).toBe(0);
    expect(unread.unreadMentions).toBe(false);
    expect(ws.frames).toContainEqual({ type: 'disconnect', body: { id: mainId } });
    sendMain(ws, mainId, 'notification', recordedNotification);
    expect(unread.unreadCount).toBe(0);
  });

  it('readAll asks the server only when something is unread', () => {
    const { ws, mainId, unread } = started();
    unread.readAll();
    expect(ws.frames.filter((f) => (f as { type: string }).type === 'readNotification')).toHaveLength(1);
    sendMain(ws, mainId, 'readAllNotifications');
    unread.readAll();
    expect(ws.frames.filter((f) => (f as { type: string }).type === 'readNotification')).toHaveLength(1);
  });
});

describe('without the unread-mention events (2025.4 and later)', () => {
  const notifications = (mention2026 as Array<{ frame: unknown }>)
    .map((f) => f.frame as ChannelFrame)
    .filter((f) => f.body.type === 'notification')
    .map((f) => f.body.body as Notification);
  const [publicMention, directMention] = notifications as [Notification, Notification];

  function startModern(user: MeDetailed, api: Api) {
    const ws = startOpen(stream);
    const unread = useNotificationsStore();
    unread.start(user, api, false);
    return { ws, unread, mainId: mainIdOn(ws) };
  }

  it('raises the dots from the recorded mention notifications, direct for a specified note', () => {
    const { ws, unread, mainId } = startModern(me({ unreadNotificationsCount: 0, hasUnreadMentions: true }), fakeApi());
    // The flag on `i` means nothing there any more.
    expect(unread.unreadMentions).toBe(false);
    sendMain(ws, mainId, 'notification', publicMention);
    expect(unread.unreadMentions).toBe(true);
    expect(unread.unreadDirect).toBe(false);
    sendMain(ws, mainId, 'notification', directMention);
    expect(unread.unreadDirect).toBe(true);
  });

  it('finds unread mentions among the unread notifications at start, and forgets what its page showed', async () => {
    const api = fakeApi(() => [directMention]);
    const { unread } = startModern(me({ unreadNotificationsCount: 1 }), api);
    await vi.waitFor(() => expect(unread.unreadDirect).toBe(true));
    expect(api.request).toHaveBeenCalledWith('i/notifications', { limit: 1, markAsRead: false });
    unread.seenMentions('direct');
    unread.seenMentions('mentions');
    expect(unread.unreadDirect).toBe(false);
    // Started again (a reload): the same notification is not news any more.
    const again = fakeApi(() => [directMention]);
    const restarted = startModern(me({ unreadNotificationsCount: 1 }), again).unread;
    await vi.waitFor(() => expect(again.request).toHaveBeenCalled());
    expect(restarted.unreadDirect).toBe(false);
    expect(restarted.unreadMentions).toBe(false);
  });

  it('clears the dots when every notification is read', () => {
    const { ws, unread, mainId } = startModern(me({ unreadNotificationsCount: 0 }), fakeApi());
    sendMain(ws, mainId, 'notification', publicMention);
    sendMain(ws, mainId, 'readAllNotifications');
    expect(unread.unreadMentions).toBe(false);
  });
});

describe('without a stream', () => {
  it('polls: the first poll takes the counters from `i` and hands on what came since the start; later polls count what is new', async () => {
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    dataSaver.value = true;
    const before = { ...withId(recordedNotification, 'n001'), createdAt: '2025-12-31T23:59:00.000Z' };
    const after = { ...withId(recordedNotification, 'n002'), createdAt: '2026-01-01T00:00:05.000Z' };
    const later = { ...withId(recordedNotification, 'n003'), createdAt: '2026-01-01T00:00:20.000Z' };
    const answers: Record<string, () => unknown> = {
      i: () => me({ unreadNotificationsCount: 4 }),
      'i/notifications': () => [after, before],
    };
    const api = { request: vi.fn(async (endpoint: string) => answers[endpoint]!()) } as unknown as Api & {
      request: ReturnType<typeof vi.fn>;
    };
    stream.start({ origin: ORIGIN, token: TOKEN });
    const unread = useNotificationsStore();
    const seen: string[] = [];
    unread.listen((n) => seen.push(n.id));
    unread.start(me({ unreadNotificationsCount: 0, hasUnreadNotification: false }), api);
    vi.setSystemTime(new Date('2026-01-01T00:00:10Z'));
    await nextTick();
    await vi.waitFor(() => expect(unread.unreadCount).toBe(4));
    expect(seen).toEqual(['n002']);
    expect(api.request).toHaveBeenCalledWith('i/notifications', { limit: 20, markAsRead: false });

    answers['i/notifications'] = () => [later];
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(api.request).toHaveBeenLastCalledWith('i/notifications', { sinceId: 'n002', limit: 100, markAsRead: false });
    expect(seen).toEqual(['n002', 'n003']);
    expect(unread.unreadCount).toBe(5);
    unread.stop();
  });
});
