import { computed, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { useLoader } from '@/api/useLoader';
import { usePagedFeed } from '@/api/usePagedFeed';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';

// Clips: the reader's own, the ones they favorited, one clip and its notes, someone's public ones.

type Clip = Misskey.entities.Clip;
// Who is reading: a new account reads its own clips again.
const account = (session: ReturnType<typeof useSessionStore>) => computed(() => session.me?.id ?? null);

export function useMyClips() {
  const session = useSessionStore();
  const { data, ...rest } = useLoader(account(session), () => session.api.request('clips/list', {}), 'clips/list');
  return { clips: data, ...rest };
}

export function useFavoriteClips() {
  const session = useSessionStore();
  const { data, ...rest } = useLoader(
    account(session),
    () => session.api.request('clips/my-favorites', {}),
    'clips/my-favorites',
  );
  return { clips: data, ...rest };
}

export function useUserClips(userId: Ref<string>) {
  const session = useSessionStore();
  const { data, ...rest } = useLoader(
    userId,
    (id) => session.api.request('users/clips', { userId: id, limit: 100 }),
    'users/clips',
  );
  return { clips: data, ...rest };
}

export function useClip(clipId: Ref<string>) {
  const session = useSessionStore();
  const { data, ...rest } = useLoader(clipId, (id) => session.api.request('clips/show', { clipId: id }), 'clips/show');
  return { clip: data, ...rest };
}

/** The clip's notes, newest first, held in the note store while listed. */
export function useClipNotes(clipId: string) {
  const session = useSessionStore();
  const notes = useNotesStore();
  const feed = usePagedFeed<Misskey.entities.Note>({
    endpoint: 'clips/notes',
    fetch: (cursor, limit) => session.api.request('clips/notes', { clipId, limit, ...cursor }),
    hold: (list) => list.forEach((n) => notes.retain(notes.put(n))),
    release: (list) => list.forEach((n) => notes.unretain(n.id)),
  });
  const ids = computed(() => feed.items.value.map((n) => n.id));
  return { ids, loading: feed.loading, done: feed.done, error: feed.error, loadMore: feed.loadMore };
}

export interface ClipFields {
  name: string;
  description: string;
  isPublic: boolean;
}

/** clips/create and clips/update take the description as null when it is blank. */
export function clipParams(fields: ClipFields) {
  const description = fields.description.trim();
  return { name: fields.name.trim(), description: description === '' ? null : description, isPublic: fields.isPublic };
}

export function fieldsOf(clip: Clip | null): ClipFields {
  return { name: clip?.name ?? '', description: clip?.description ?? '', isPublic: clip?.isPublic ?? false };
}
