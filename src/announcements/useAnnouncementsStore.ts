// The server's announcements the signed-in user has not read yet: from `i` at sign-in, then live
// (a broadcast for everyone, `main` for one user). Banner and dialog ones show until read.
import { computed, shallowRef } from 'vue';
import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';
import { toApiError, type ApiError } from '@/api/errors';
import { defineScopedStore } from '@/stores/scope';
import { useStreamStore } from '@/stream/store';

type Announcement = Misskey.entities.Announcement;

const DISPLAYS = ['normal', 'banner', 'dialog'];

/** The wire is not trusted: a body that is not an announcement is dropped. */
export function isAnnouncement(v: unknown): v is Announcement {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.id === 'string' && typeof a.title === 'string' && typeof a.text === 'string' && DISPLAYS.includes(String(a.display))
  );
}

// One per account scope: a deck column of another account has its own.
export const useAnnouncementsStore = defineScopedStore('announcements', (scope) => {
  const stream = useStreamStore(scope);
  const unread = shallowRef<Announcement[]>([]);
  // Read here since sign-in: lists fetched earlier still say isRead: false for these.
  const readHere = shallowRef(new Set<string>());
  let api: Api | null = null;
  let undo: Array<() => void> = [];

  const banners = computed(() => unread.value.filter((a) => a.display === 'banner'));
  // Shown one at a time, oldest first, as they would have been met.
  const dialogs = computed(() => unread.value.filter((a) => a.display === 'dialog').reverse());

  function add(a: unknown): void {
    if (!isAnnouncement(a) || a.silence || unread.value.some((u) => u.id === a.id)) return;
    unread.value = [a, ...unread.value];
  }

  function start(me: Misskey.entities.MeDetailed, client: Api): void {
    stop();
    api = client;
    // Servers older than 2023.12 do not list them.
    unread.value = ((me as Partial<Misskey.entities.MeDetailed>).unreadAnnouncements ?? []).filter(isAnnouncement);
    const main = stream.connect('main');
    main.on('announcementCreated', (body) => add((body as { announcement?: unknown } | null)?.announcement));
    main.on('readAllAnnouncements', () => {
      unread.value = [];
    });
    undo = [() => main.dispose(), stream.onBroadcast('announcementCreated', (body) => add(body.announcement))];
  }

  function stop(): void {
    undo.forEach((fn) => fn());
    undo = [];
    api = null;
    unread.value = [];
    readHere.value = new Set();
  }

  /** Marks it read on the server; it stays unread (and on screen) when that fails. */
  async function read(a: Announcement): Promise<ApiError | null> {
    if (!api) return null;
    try {
      await api.request('i/read-announcement', { announcementId: a.id });
      unread.value = unread.value.filter((u) => u.id !== a.id);
      readHere.value = new Set([...readHere.value, a.id]);
      return null;
    } catch (e) {
      return toApiError(e, 'i/read-announcement');
    }
  }

  /** Whether `a` (as some list read it) still waits to be read. */
  function isUnread(a: Announcement): boolean {
    return !readHere.value.has(a.id) && (a.isRead === false || unread.value.some((u) => u.id === a.id));
  }

  return { unread, banners, dialogs, start, stop, read, isUnread };
});
