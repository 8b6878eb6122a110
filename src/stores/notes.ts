// The one normalised note cache: every view reads notes from here, and every noteUpdated lands here once.
import { computed, reactive, ref, toRaw } from 'vue';
import * as noteUtil from 'misskey-js/note.js';
import type * as Misskey from 'misskey-js';
import type { NoteUpdatedEvent } from 'misskey-js/streaming.types.js';
import { useStreamStore } from '@/stream/store';
import { defineScopedStore } from './scope';
import {
  addReaction,
  addVote,
  mergeNote,
  normalizeReaction,
  recordReactionEmoji,
  removeReaction,
  removeVote,
} from './noteUpdates.ts';

type Note = Misskey.entities.Note;

/** An optimistic change already applied, waiting for the server's echo of it. */
type Expectation =
  { type: 'reacted'; reaction: string } | { type: 'unreacted'; reaction: string } | { type: 'pollVoted'; choice: number };

const noop = () => {};

export const useNotesStore = defineScopedStore('notes', (scope) => {
  const notes = reactive(new Map<string, Note>());
  const deleted = reactive(new Set<string>());
  const viewer = ref<string | null>(null);
  const retained = new Map<string, number>();
  const expected = new Map<string, Expectation[]>();
  const deletedListeners = new Set<(id: string) => void>();

  function get(id: string): Note | undefined {
    return notes.get(id);
  }

  /** The stored note without tracking it: for what never changes once posted (ids, renote, reply). */
  function peek(id: string): Note | undefined {
    return toRaw(notes).get(id);
  }

  function store(note: Note): string {
    const { renote, reply, reactionAndUserPairCache, ...flat } = note;
    if (renote) store(renote);
    if (reply) store(reply);
    const existing = notes.get(note.id);
    if (existing) mergeNote(existing, flat, reactionAndUserPairCache !== undefined);
    else notes.set(note.id, flat);
    return note.id;
  }

  /** Stores the note and its nested renote/reply as entries of their own; returns the id. */
  function put(note: Note): string {
    // Our own copy: events mutate stored notes, and the caller's object must not change under it.
    return store(structuredClone(toRaw(note)));
  }

  function putMany(list: Note[]): string[] {
    return list.map(put);
  }

  /** The note a view shows for `id`: the renote target of a pure renote, otherwise the note itself. */
  function appearId(id: string): string {
    const n = notes.get(id);
    return n && noteUtil.isPureRenote(n) ? n.renoteId : id;
  }

  function isDeleted(id: string): boolean {
    if (deleted.has(id)) return true;
    const n = notes.get(id);
    return n !== undefined && noteUtil.isPureRenote(n) && deleted.has(n.renoteId);
  }

  function onDeleted(fn: (id: string) => void): () => void {
    deletedListeners.add(fn);
    return () => deletedListeners.delete(fn);
  }

  function awaitEcho(noteId: string, changes: Expectation[]): void {
    const queue = expected.get(noteId);
    if (queue) queue.push(...changes);
    else expected.set(noteId, [...changes]);
  }

  /** Takes the oldest pending optimistic change of this type, if any. */
  function takeExpected<T extends Expectation['type']>(noteId: string, type: T): Extract<Expectation, { type: T }> | null {
    const queue = expected.get(noteId);
    const index = queue?.findIndex((x) => x.type === type) ?? -1;
    if (!queue || index < 0) return null;
    const [found] = queue.splice(index, 1);
    if (queue.length === 0) expected.delete(noteId);
    return found as Extract<Expectation, { type: T }>;
  }

  /** Removes `change` if its echo has not come yet; true when it was still pending. */
  function withdraw(noteId: string, change: Expectation): boolean {
    const queue = expected.get(noteId);
    const index = queue?.indexOf(change) ?? -1;
    if (!queue || index < 0) return false;
    queue.splice(index, 1);
    if (queue.length === 0) expected.delete(noteId);
    return true;
  }

  function isMe(userId: string): boolean {
    return viewer.value !== null && userId === viewer.value;
  }

  /**
   * THE one place a noteUpdated is applied (protocol §8). The viewer's own echo first undoes the
   * optimistic guess it answers, then applies the server's word: no change when the guess was
   * right, a correction when it was not (the server files ❤ on likeOnly notes, for example).
   */
  function applyNoteUpdate(e: NoteUpdatedEvent): void {
    if (e.type === 'deleted') {
      if (notes.has(e.id)) deleted.add(e.id);
      for (const fn of [...deletedListeners]) fn(e.id);
      return;
    }
    const note = notes.get(e.id);
    if (!note) return;
    switch (e.type) {
      case 'reacted': {
        if (e.body.emoji) recordReactionEmoji(note, e.body.emoji);
        const key = normalizeReaction(e.body.reaction);
        const mine = isMe(e.body.userId);
        if (mine) {
          const guess = takeExpected(e.id, 'reacted');
          if (guess) removeReaction(note, guess.reaction);
        }
        addReaction(note, key);
        if (mine) note.myReaction = key;
        return;
      }
      case 'unreacted': {
        const key = normalizeReaction(e.body.reaction);
        const mine = isMe(e.body.userId);
        if (mine) {
          const guess = takeExpected(e.id, 'unreacted');
          if (guess) addReaction(note, guess.reaction);
        }
        removeReaction(note, key);
        if (mine) delete note.myReaction;
        return;
      }
      case 'pollVoted': {
        const mine = isMe(e.body.userId);
        if (mine) {
          const guess = takeExpected(e.id, 'pollVoted');
          if (guess) removeVote(note, guess.choice);
        }
        addVote(note, e.body.choice, mine);
        return;
      }
    }
  }

  /** Applies the viewer's reaction before the REST call; the returned rollback undoes it on failure. */
  function optimisticReact(noteId: string, reaction: string): () => void {
    const note = notes.get(noteId);
    const key = normalizeReaction(reaction);
    if (!note || note.myReaction === key) return noop;
    const previous = note.myReaction ?? null;
    const changes: Expectation[] = [];
    // Reacting again replaces the old reaction; the server echoes `unreacted` then `reacted`.
    if (previous) {
      removeReaction(note, previous);
      changes.push({ type: 'unreacted', reaction: previous });
    }
    addReaction(note, key);
    note.myReaction = key;
    changes.push({ type: 'reacted', reaction: key });
    awaitEcho(noteId, changes);
    return () => rollback(noteId, changes);
  }

  function optimisticUnreact(noteId: string): () => void {
    const note = notes.get(noteId);
    const previous = note?.myReaction;
    if (!note || !previous) return noop;
    removeReaction(note, previous);
    delete note.myReaction;
    const changes: Expectation[] = [{ type: 'unreacted', reaction: previous }];
    awaitEcho(noteId, changes);
    return () => rollback(noteId, changes);
  }

  function optimisticVote(noteId: string, choice: number): () => void {
    const note = notes.get(noteId);
    if (!note || note.poll?.choices[choice]?.isVoted !== false) return noop;
    addVote(note, choice, true);
    const changes: Expectation[] = [{ type: 'pollVoted', choice }];
    awaitEcho(noteId, changes);
    return () => rollback(noteId, changes);
  }

  /** Undoes, newest first, the changes whose echo has not arrived; an echoed change is the server's truth. */
  function rollback(noteId: string, changes: Expectation[]): void {
    for (const change of [...changes].reverse()) {
      if (!withdraw(noteId, change)) continue;
      const note = notes.get(noteId);
      if (!note) continue;
      if (change.type === 'reacted') {
        removeReaction(note, change.reaction);
        delete note.myReaction;
      } else if (change.type === 'unreacted') {
        addReaction(note, change.reaction);
        note.myReaction = change.reaction;
      } else {
        removeVote(note, change.choice);
      }
    }
  }

  /** Holds notes in the store, once per holder; `unretain` lets go (a list holds what it shows). */
  function retain(ids: string | readonly string[]): void {
    for (const id of typeof ids === 'string' ? [ids] : ids) retained.set(id, (retained.get(id) ?? 0) + 1);
  }

  function unretain(ids: string | readonly string[]): void {
    let released = false;
    for (const id of typeof ids === 'string' ? [ids] : ids) {
      const count = retained.get(id) ?? 0;
      if (count > 1) {
        retained.set(id, count - 1);
      } else {
        retained.delete(id);
        released = true;
      }
    }
    // One sweep per call: a trim lets go of hundreds of notes at once.
    if (released) sweep();
  }

  /** Keeps what retained notes reach through renoteId/replyId; drops everything else. */
  function sweep(): void {
    const live = new Set<string>();
    // Read without tracking: this walks every stored note.
    const raw = toRaw(notes);
    const visit = (id: string | null | undefined) => {
      if (!id || live.has(id)) return;
      live.add(id);
      const n = raw.get(id);
      visit(n?.renoteId);
      visit(n?.replyId);
    };
    for (const id of retained.keys()) visit(id);
    for (const id of [...raw.keys()]) {
      if (live.has(id)) continue;
      notes.delete(id);
      deleted.delete(id);
      expected.delete(id);
    }
  }

  function reset(): void {
    notes.clear();
    deleted.clear();
    retained.clear();
    expected.clear();
  }

  /** Stored myReaction/isVoted belong to whoever was viewing, so a different viewer starts empty. */
  function setViewer(userId: string | null): void {
    if (viewer.value === userId) return;
    viewer.value = userId;
    reset();
  }

  const size = computed(() => notes.size);

  // The one subscription to note updates: every noteUpdated frame lands here, once.
  useStreamStore(scope).onNoteUpdated(applyNoteUpdate);

  return {
    get,
    peek,
    put,
    putMany,
    appearId,
    isDeleted,
    applyNoteUpdate,
    setViewer,
    optimisticReact,
    optimisticUnreact,
    optimisticVote,
    retain,
    unretain,
    size,
    onDeleted,
    reset,
  };
});
