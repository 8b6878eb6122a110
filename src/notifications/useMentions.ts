import { computed, onScopeDispose } from 'vue';
import type * as Misskey from 'misskey-js';
import { useNotesStore } from '@/stores/notes';
import { mentionKinds, useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';
import { usePagedFeed } from '@/api/usePagedFeed';

type Note = Misskey.entities.Note;
export type MentionKind = 'mentions' | 'direct';

/** Whether a note from `main`'s `mention` event belongs in this list (directs are `specified` only). */
export function belongsTo(kind: MentionKind, note: Pick<Note, 'visibility'>): boolean {
  return kind === 'mentions' || note.visibility === 'specified';
}

/**
 * Notes that mention the reader (or, for 'direct', are addressed to them): pages of
 * `notes/mentions`, new ones live from `main`'s `mention` event.
 */
export function useMentions(kind: MentionKind) {
  const session = useSessionStore();
  const notes = useNotesStore();
  const stream = useStreamStore();
  const unread = useNotificationsStore();

  const feed = usePagedFeed<Note>({
    endpoint: 'notes/mentions',
    fetch: (cursor, limit) =>
      session.api.request('notes/mentions', { limit, ...cursor, ...(kind === 'direct' ? { visibility: 'specified' } : {}) }),
    hold: (list) => list.forEach((n) => notes.retain(notes.put(n))),
    release: (list) => list.forEach((n) => notes.unretain(n.id)),
    onRead: () => unread.seenMentions(kind),
  });

  const main = stream.connect('main');
  main.on('mention', (note) => {
    if (belongsTo(kind, note)) feed.prepend([note]);
  });
  // Without a stream (Data saver, sockets refused) the new ones are asked for on every poll.
  const offPoll = stream.onPoll(() => void feed.catchUp());
  // Where the dots come from notifications, one about a note this open page just showed is seen.
  const unlisten = unread.listen((n) => {
    if (mentionKinds(n).includes(kind)) unread.seenMentions(kind);
  });
  onScopeDispose(() => {
    main.dispose();
    offPoll();
    unlisten();
  });

  const ids = computed(() => feed.items.value.map((n) => n.id));
  return { ids, loading: feed.loading, done: feed.done, error: feed.error, loadMore: feed.loadMore };
}
