import { computed } from 'vue';
import type * as Misskey from 'misskey-js';
import { usePagedFeed } from '@/api/usePagedFeed';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';

// The notes the reader marked as favorites, newest mark first (i/favorites), held in the note store.
export function useFavorites() {
  const session = useSessionStore();
  const notes = useNotesStore();
  const feed = usePagedFeed<Misskey.entities.NoteFavorite>({
    endpoint: 'i/favorites',
    fetch: (cursor, limit) => session.api.request('i/favorites', { limit, ...cursor }),
    hold: (list) => list.forEach((f) => notes.retain(notes.put(f.note))),
    release: (list) => list.forEach((f) => notes.unretain(f.note.id)),
  });
  const ids = computed(() => feed.items.value.map((f) => f.note.id));
  return { ids, loading: feed.loading, done: feed.done, error: feed.error, loadMore: feed.loadMore };
}
