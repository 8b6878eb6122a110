import { computed, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { usePagedFeed } from '@/api/usePagedFeed';
import { useLoader, useSearchLoader } from '@/api/useLoader';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';

// What the explore page reads. Each loads once the session is ready, and again on another account.

/** The most reacted notes of late (notes/featured), held in the note store while listed. */
export function useFeaturedNotes() {
  const session = useSessionStore();
  const notes = useNotesStore();
  const feed = usePagedFeed<Misskey.entities.Note>({
    endpoint: 'notes/featured',
    fetch: (cursor, limit) =>
      session.api.request('notes/featured', { limit, ...(cursor.untilId ? { untilId: cursor.untilId } : {}) }),
    hold: (list) => list.forEach((n) => notes.retain(notes.put(n))),
    release: (list) => list.forEach((n) => notes.unretain(n.id)),
  });
  const ids = computed(() => feed.items.value.map((n) => n.id));
  return { ids, loading: feed.loading, done: feed.done, error: feed.error, loadMore: feed.loadMore };
}

// Read again for another account (or a guest).
const account = (session: ReturnType<typeof useSessionStore>) => computed(() => session.me?.id ?? 'guest');

export function useTrendingTags() {
  const session = useSessionStore();
  const { data, ...rest } = useLoader(account(session), () => session.api.request('hashtags/trend', {}), 'hashtags/trend');
  return { tags: data, ...rest };
}

/** The server's pinned users, then the local users with the most followers. */
export function useSuggestedUsers() {
  const session = useSessionStore();
  const pinned = useLoader(account(session), () => session.api.request('pinned-users', {}), 'pinned-users');
  const popular = useLoader(
    account(session),
    () => session.api.request('users', { sort: '+follower', state: 'alive', origin: 'local', limit: 20 }),
    'users',
  );
  return { pinned, popular };
}

// `@name@host` (or `name@host`) is an exact account; anything else is a search of names and bios.
const ACCOUNT = /^@?([\w.-]+)@([\w.-]+\.[\w-]+)$/;

/** Searches users for `query` when asked (a query of '' clears the results). */
export function useUserSearch(query: Ref<string>) {
  const session = useSessionStore();
  const { data, ...rest } = useSearchLoader(
    query,
    (q): Promise<Misskey.entities.User[]> => {
      const exact = ACCOUNT.exec(q);
      return exact
        ? session.api.request('users/search-by-username-and-host', { username: exact[1]!, host: exact[2]!, limit: 20 })
        : session.api.request('users/search', { query: q, limit: 20, origin: 'combined' });
    },
    'users/search',
  );
  // The server may list one user twice (a name match, then a bio match): shown once.
  const results = computed(() => {
    const seen = new Set<string>();
    return (data.value ?? []).filter(
      (u): u is Misskey.entities.UserDetailed => 'createdAt' in u && !seen.has(u.id) && !!seen.add(u.id),
    );
  });
  return { results, ...rest };
}
