import { onScopeDispose, ref, shallowRef } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError, type ApiError } from '@/api/errors';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';

const PAGE = 20;

// The notification list: pages over REST, new entries live from `main`.
export function useNotifications() {
  const session = useSessionStore();
  const notes = useNotesStore();
  const stream = useStreamStore();
  const items = shallowRef<Misskey.entities.Notification[]>([]);
  const loading = ref(false);
  const done = ref(false);
  const error = shallowRef<ApiError | null>(null);
  const held = new Set<string>();

  function keep(list: Misskey.entities.Notification[]): void {
    for (const n of list) {
      if ('note' in n && n.note) {
        const id = notes.put(n.note);
        notes.retain(id);
        held.add(id);
      }
    }
  }

  async function loadMore(): Promise<void> {
    if (loading.value || done.value) return;
    loading.value = true;
    error.value = null;
    try {
      const untilId = items.value.at(-1)?.id;
      const page = await session.api.request('i/notifications', { limit: PAGE, ...(untilId ? { untilId } : {}) });
      keep(page);
      items.value = [...items.value, ...page];
      if (page.length === 0) done.value = true;
    } catch (e) {
      error.value = toApiError(e, 'i/notifications');
    } finally {
      loading.value = false;
    }
  }

  const main = stream.connect('main');
  main.on('notification', (n) => {
    if (items.value.some((x) => x.id === n.id)) return;
    keep([n]);
    items.value = [n, ...items.value];
    // The page is open, so the user has seen it.
    if (document.visibilityState === 'visible') stream.readNotification();
  });

  onScopeDispose(() => {
    main.dispose();
    held.forEach((id) => notes.unretain(id));
  });

  return { items, loading, done, error, loadMore };
}
