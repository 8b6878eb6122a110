import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError, type ApiError } from '@/api/errors';
import { useNotesStore } from '@/stores/notes';
import { useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';
import { notificationNote } from './notificationView';

type Notification = Misskey.entities.Notification;

const PAGE = 20;
// After a reconnect, what came while the socket was down; more than this and the reader pages.
const CATCH_UP = 100;

function unseen(list: Notification[], incoming: Notification[]): Notification[] {
  const known = new Set(list.map((n) => n.id));
  return incoming.filter((n) => !known.has(n.id) && known.add(n.id));
}

/** Puts `incoming` before `list`, leaving out ids already there; the same list when nothing is new. */
export function prependNew(list: Notification[], incoming: Notification[]): Notification[] {
  const fresh = unseen(list, incoming);
  return fresh.length ? [...fresh, ...list] : list;
}

/** Puts `incoming` (an older page) after `list`, leaving out ids already there. */
export function appendNew(list: Notification[], incoming: Notification[]): Notification[] {
  const fresh = unseen(list, incoming);
  return fresh.length ? [...list, ...fresh] : list;
}

/**
 * The notifications page: pages over REST (fetching marks them read), new entries live from
 * `main`, and while it is open and visible the unread badge stays empty.
 */
export function useNotifications() {
  const session = useSessionStore();
  const notes = useNotesStore();
  const unread = useNotificationsStore();
  const stream = useStreamStore();
  const items = shallowRef<Notification[]>([]);
  const loading = ref(false);
  const done = ref(false);
  const error = shallowRef<ApiError | null>(null);
  // Notes this list keeps in the note store; released on leave, so other views' notes stay.
  let held: string[] = [];
  let generation = 0;

  function keep(list: Notification[]): void {
    for (const n of list) {
      const note = notificationNote(n);
      if (!note) continue;
      const id = notes.put(note);
      notes.retain(id);
      held.push(id);
    }
  }

  function release(): void {
    held.forEach((id) => notes.unretain(id));
    held = [];
  }

  function fetch(params: { untilId?: string; sinceId?: string }, limit = PAGE): Promise<Notification[]> {
    return session.api.request('i/notifications', { limit, ...params });
  }

  async function loadMore(): Promise<void> {
    if (loading.value || done.value || session.status !== 'ready') return;
    const gen = generation;
    loading.value = true;
    error.value = null;
    try {
      const untilId = items.value.at(-1)?.id;
      const page = await fetch(untilId ? { untilId } : {});
      if (gen !== generation) return;
      // markAsRead defaults to true: the server has just marked everything read.
      unread.markedRead();
      const fresh = unseen(items.value, page);
      keep(fresh);
      items.value = appendNew(items.value, fresh);
      if (page.length === 0) done.value = true;
    } catch (e) {
      if (gen === generation) error.value = toApiError(e, 'i/notifications');
    } finally {
      if (gen === generation) loading.value = false;
    }
  }

  async function catchUp(): Promise<void> {
    const sinceId = items.value[0]?.id;
    if (!sinceId || session.status !== 'ready') return;
    const gen = generation;
    try {
      // With only sinceId the server answers oldest first.
      const page = await fetch({ sinceId }, CATCH_UP);
      if (gen !== generation) return;
      unread.markedRead();
      const fresh = unseen(items.value, [...page].reverse());
      keep(fresh);
      items.value = prependNew(items.value, fresh);
    } catch {
      // Missed entries stay missed until the next visit; live ones keep coming.
    }
  }

  function reset(): void {
    generation++;
    release();
    items.value = [];
    loading.value = false;
    done.value = false;
    error.value = null;
  }

  const unlisten = unread.listen((n) => {
    const next = prependNew(items.value, [n]);
    if (next === items.value) return;
    keep([n]);
    items.value = next;
  });
  const closeView = unread.openView();

  // Back to a hidden tab that got notifications meanwhile: now they are seen.
  function onVisibility(): void {
    if (document.visibilityState === 'visible') unread.readAll();
  }
  document.addEventListener('visibilitychange', onVisibility);
  const offReconnected = stream.onReconnected(() => void catchUp());

  // A new account (or the first load after a reload) starts the list over.
  watch(
    () => (session.status === 'ready' ? (session.me?.id ?? null) : null),
    (account) => {
      reset();
      if (account) void loadMore();
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    generation++;
    unlisten();
    closeView();
    offReconnected();
    document.removeEventListener('visibilitychange', onVisibility);
    release();
  });

  return { items, loading, done, error, loadMore };
}
