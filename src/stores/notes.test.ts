import { beforeEach, describe, expect, it, vi } from 'vitest';
import { computed } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type * as Misskey from 'misskey-js';
import type { NoteUpdatedEvent } from 'misskey-js/streaming.types.js';
import { useNotesStore } from './notes.ts';
import { normalizeReaction } from './noteUpdates.ts';

import showPlain from '@/testing/fixtures/rest-notes-show-plain.json';
import showRenote from '@/testing/fixtures/rest-notes-show-renote.json';
import showReply from '@/testing/fixtures/rest-notes-show-reply.json';
import showQuote from '@/testing/fixtures/rest-notes-show-quote.json';
import showPollSingle from '@/testing/fixtures/rest-notes-show-poll-single.json';
import showReactions from '@/testing/fixtures/rest-notes-show-reactions.json';
import subnoteUpdates from '@/testing/fixtures/stream-subnote-updates.json';

type Note = Misskey.entities.Note;

const ALICE = 'atwdhkgmmobw0002'; // the viewer in every notes/show fixture
const BOB = 'atwdhku6mobw0003';
const PLAIN = 'atwfsphmetl0024a';

function noteFrom(fixture: { response: unknown }): Note {
  return structuredClone(fixture.response) as Note;
}

// The recorded noteUpdated frames, in wire order, addressed to the note under test.
const recorded = subnoteUpdates.filter((x) => x.dir === 'recv').map((x) => x.frame.body as NoteUpdatedEvent);

function event(e: NoteUpdatedEvent, id: string): NoteUpdatedEvent {
  return { ...structuredClone(e), id };
}

function reacted(id: string, reaction: string, userId: string): NoteUpdatedEvent {
  return { id, type: 'reacted', body: { reaction, emoji: null, userId } };
}
function unreacted(id: string, reaction: string, userId: string): NoteUpdatedEvent {
  return { id, type: 'unreacted', body: { reaction, userId } };
}
function voted(id: string, choice: number, userId: string): NoteUpdatedEvent {
  return { id, type: 'pollVoted', body: { choice, userId } };
}

let store: ReturnType<typeof useNotesStore>;
beforeEach(() => {
  setActivePinia(createPinia());
  store = useNotesStore();
  store.setViewer(ALICE);
});

describe('put', () => {
  it('stores a pure renote and its target as separate entries', () => {
    const wrapper = noteFrom(showRenote);
    expect(store.put(wrapper)).toBe(wrapper.id);
    const stored = store.get(wrapper.id);
    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('renote');
    expect(stored?.renoteId).toBe(PLAIN);
    expect(store.get(PLAIN)?.text).toBe(showPlain.response.text);
    expect(store.appearId(wrapper.id)).toBe(PLAIN);
    expect(store.size).toBe(2);
  });

  it('stores a nested reply and a quoted note, and a quote is its own appear note', () => {
    const [replyId, quoteId] = store.putMany([noteFrom(showReply), noteFrom(showQuote)]);
    expect(store.get(replyId!)).not.toHaveProperty('reply');
    expect(store.get(quoteId!)).not.toHaveProperty('renote');
    expect(store.get(PLAIN)?.id).toBe(PLAIN);
    expect(store.appearId(quoteId!)).toBe(quoteId);
    expect(store.size).toBe(3);
  });

  it('updates an existing note in place, keeping identity and reactivity', () => {
    store.put(noteFrom(showPlain));
    const before = store.get(PLAIN);
    const renotes = computed(() => store.get(PLAIN)?.renoteCount);
    expect(renotes.value).toBe(showPlain.response.renoteCount);
    store.put({ ...noteFrom(showPlain), renoteCount: 9 });
    expect(store.get(PLAIN)).toBe(before);
    expect(renotes.value).toBe(9);
  });

  it('lets a newer full copy clear a reaction the viewer removed elsewhere', () => {
    store.put(noteFrom(showReactions));
    const fresh = noteFrom(showReactions);
    delete fresh.myReaction;
    store.put(fresh);
    expect(store.get(fresh.id)?.myReaction).toBeUndefined();
  });

  it('does not let a nested reply (packed without detail) erase detail fields', () => {
    store.put(noteFrom(showPollSingle));
    const poll = noteFrom(showPollSingle);
    const thinCopy: Note = { ...poll, text: 'thin copy' };
    delete thinCopy.poll;
    delete thinCopy.clippedCount;
    store.put({ ...noteFrom(showReply), id: 'replytopoll00001', replyId: poll.id, reply: thinCopy });
    expect(store.get(poll.id)?.text).toBe('thin copy');
    expect(store.get(poll.id)?.poll?.choices).toHaveLength(3);
  });

  it('keeps myReaction when a stream copy (packed for no viewer) arrives, and does not store its cache', () => {
    store.put(noteFrom(showReactions));
    const streamed = { ...noteFrom(showReactions), reactionAndUserPairCache: [] as string[] };
    delete streamed.myReaction;
    store.put(streamed);
    expect(store.get(streamed.id)?.myReaction).toBe('❤');
    expect(store.get(streamed.id)).not.toHaveProperty('reactionAndUserPairCache');
  });

  it('keeps its own copy: updates never change the object passed in', () => {
    const input = noteFrom(showPlain);
    store.put(input);
    store.applyNoteUpdate(reacted(PLAIN, '❤', BOB));
    expect(input.reactions).toEqual(showPlain.response.reactions);
    expect(store.get(PLAIN)?.reactions['❤']).toBe(1);
  });
});

describe('applyNoteUpdate', () => {
  it('applies the recorded reacted/unreacted sequence', () => {
    const reply = noteFrom(showReply); // starts with no reactions
    store.put(reply);
    for (const e of recorded.filter((x) => x.type === 'reacted' || x.type === 'unreacted')) {
      store.applyNoteUpdate(event(e, reply.id));
    }
    const stored = store.get(reply.id);
    // 👍 by bob, :blobcat: by admin, bob switches 👍 → :blobcat:, bob removes his.
    expect(stored?.reactions).toEqual({ ':blobcat@.:': 1 });
    expect(stored?.reactionCount).toBe(1);
    expect(stored?.reactionEmojis).toEqual({ 'blobcat@.': 'http://127.0.0.1:61812/files/fabe016f-d0ca-4355-ac31-bcfdf5a0a5f1' });
    expect(stored?.myReaction).toBeUndefined();
  });

  it('floors unreacted at zero and never leaves a zero key', () => {
    const reply = noteFrom(showReply);
    store.put(reply);
    store.applyNoteUpdate(unreacted(reply.id, '❤', BOB));
    expect(store.get(reply.id)?.reactions).toEqual({});
    expect(store.get(reply.id)?.reactionCount).toBe(0);
  });

  it("sets and clears myReaction only for the viewer's own events", () => {
    store.put(noteFrom(showPlain));
    store.applyNoteUpdate(reacted(PLAIN, '🎉', BOB));
    expect(store.get(PLAIN)?.myReaction).toBeUndefined();
    store.applyNoteUpdate(reacted(PLAIN, '❤', ALICE));
    expect(store.get(PLAIN)?.myReaction).toBe('❤');
    store.applyNoteUpdate(unreacted(PLAIN, '❤', ALICE));
    expect(store.get(PLAIN)?.myReaction).toBeUndefined();
    expect(store.get(PLAIN)?.reactions).toEqual({ '👍': 1, '🎉': 1 });
  });

  it('counts a recorded pollVoted and marks isVoted only for the viewer', () => {
    const poll = noteFrom(showPollSingle);
    store.put(poll);
    const vote = recorded.find((x) => x.type === 'pollVoted');
    if (!vote) throw new Error('fixture has no pollVoted');
    store.applyNoteUpdate(event(vote, poll.id)); // bob votes choice 1
    expect(store.get(poll.id)?.poll?.choices[1]).toEqual({ text: 'Green', votes: 2, isVoted: false });
    store.applyNoteUpdate(voted(poll.id, 0, ALICE));
    expect(store.get(poll.id)?.poll?.choices[0]).toEqual({ text: 'Red', votes: 1, isVoted: true });
  });

  it('ignores votes for a missing poll or a bad choice', () => {
    const poll = noteFrom(showPollSingle);
    store.putMany([poll, noteFrom(showPlain)]);
    for (const choice of [3, -1, 1.5]) store.applyNoteUpdate(voted(poll.id, choice, BOB));
    store.applyNoteUpdate(voted(PLAIN, 0, BOB));
    expect(store.get(poll.id)?.poll).toEqual(showPollSingle.response.poll);
    expect(store.get(PLAIN)).not.toHaveProperty('poll');
  });

  it('applies an event once although several renotes show the note', () => {
    const first = noteFrom(showRenote);
    const second = { ...noteFrom(showRenote), id: 'atwftcihetl0024z', userId: 'atwdhifamobw0001' };
    store.putMany([first, second]);
    store.applyNoteUpdate(reacted(PLAIN, '❤', BOB));
    expect(store.get(store.appearId(first.id))).toBe(store.get(store.appearId(second.id)));
    expect(store.get(PLAIN)?.reactions['❤']).toBe(1);
    expect(store.get(first.id)?.reactions).toEqual({});
  });

  it('marks a deleted note, hides pure renotes of it, and tells listeners', () => {
    store.putMany([noteFrom(showRenote), noteFrom(showQuote)]);
    const seen: string[] = [];
    const stop = store.onDeleted((id) => seen.push(id));
    const deletion = recorded.find((x) => x.type === 'deleted');
    if (!deletion) throw new Error('fixture has no deleted');
    store.applyNoteUpdate(event(deletion, PLAIN));
    expect(seen).toEqual([PLAIN]);
    expect(store.isDeleted(PLAIN)).toBe(true);
    expect(store.isDeleted(showRenote.response.id)).toBe(true);
    expect(store.isDeleted(showQuote.response.id)).toBe(false);
    stop();
    store.applyNoteUpdate(event(deletion, showQuote.response.id));
    expect(seen).toEqual([PLAIN]);
    expect(store.isDeleted(showQuote.response.id)).toBe(true);
  });

  it('marks only the wrapper when a pure renote is deleted', () => {
    store.put(noteFrom(showRenote));
    store.applyNoteUpdate({ id: showRenote.response.id, type: 'deleted', body: { deletedAt: '2026-11-23T06:17:59.368Z' } });
    expect(store.isDeleted(showRenote.response.id)).toBe(true);
    expect(store.isDeleted(PLAIN)).toBe(false);
  });
});

describe('optimistic changes and their echo', () => {
  const REACTIONS = showReactions.response.id; // alice reacted ❤; ❤ 1, 👍 1, :blobcat@.: 1

  it('does not count the echo of an optimistic reaction twice', () => {
    store.put(noteFrom(showPlain));
    store.optimisticReact(PLAIN, '❤️'); // typed with FE0F; the server files it without
    expect(store.get(PLAIN)?.reactions).toEqual({ '👍': 1, '❤': 1 });
    expect(store.get(PLAIN)?.myReaction).toBe('❤');
    store.applyNoteUpdate(reacted(PLAIN, '❤', ALICE));
    expect(store.get(PLAIN)?.reactions).toEqual({ '👍': 1, '❤': 1 });
    expect(store.get(PLAIN)?.reactionCount).toBe(2);
    store.applyNoteUpdate(reacted(PLAIN, '❤', BOB));
    expect(store.get(PLAIN)?.reactions['❤']).toBe(2);
  });

  it('reconciles a changed reaction with its two echoes', () => {
    store.put(noteFrom(showReactions));
    store.optimisticReact(REACTIONS, '👍');
    const expected = { '👍': 2, ':blobcat@.:': 1 };
    expect(store.get(REACTIONS)?.reactions).toEqual(expected);
    store.applyNoteUpdate(unreacted(REACTIONS, '❤', ALICE));
    store.applyNoteUpdate(reacted(REACTIONS, '👍', ALICE));
    expect(store.get(REACTIONS)?.reactions).toEqual(expected);
    expect(store.get(REACTIONS)?.reactionCount).toBe(3);
    expect(store.get(REACTIONS)?.myReaction).toBe('👍');
  });

  it('reconciles an unreaction with its echo', () => {
    store.put(noteFrom(showReactions));
    store.optimisticUnreact(REACTIONS);
    store.applyNoteUpdate(unreacted(REACTIONS, '❤', ALICE));
    expect(store.get(REACTIONS)?.reactions).toEqual({ '👍': 1, ':blobcat@.:': 1 });
    expect(store.get(REACTIONS)?.reactionCount).toBe(2);
    expect(store.get(REACTIONS)?.myReaction).toBeUndefined();
  });

  it('reconciles a vote with its echo and refuses a second vote on the same choice', () => {
    const poll = noteFrom(showPollSingle);
    store.put(poll);
    store.optimisticVote(poll.id, 0);
    store.applyNoteUpdate(voted(poll.id, 0, ALICE));
    expect(store.get(poll.id)?.poll?.choices[0]).toEqual({ text: 'Red', votes: 1, isVoted: true });
    store.optimisticVote(poll.id, 0)();
    expect(store.get(poll.id)?.poll?.choices[0]).toEqual({ text: 'Red', votes: 1, isVoted: true });
  });

  it('corrects the state when the server filed a different reaction (likeOnly → ❤)', () => {
    store.put({ ...noteFrom(showPlain), reactionAcceptance: 'likeOnly' });
    store.optimisticReact(PLAIN, '🎉');
    store.applyNoteUpdate(reacted(PLAIN, '❤', ALICE));
    expect(store.get(PLAIN)?.reactions).toEqual({ '👍': 1, '❤': 1 });
    expect(store.get(PLAIN)?.reactionCount).toBe(2);
    expect(store.get(PLAIN)?.myReaction).toBe('❤');
  });

  it('rolls each optimistic change back exactly', () => {
    const poll = noteFrom(showPollSingle);
    store.putMany([noteFrom(showPlain), noteFrom(showReactions), poll]);
    const snapshot = () => JSON.parse(JSON.stringify([store.get(PLAIN), store.get(REACTIONS), store.get(poll.id)])) as unknown;
    const before = snapshot();
    store.optimisticReact(PLAIN, '❤')();
    store.optimisticReact(REACTIONS, '🎉')();
    store.optimisticUnreact(REACTIONS)();
    store.optimisticVote(poll.id, 2)();
    expect(snapshot()).toEqual(before);
    // Nothing is left waiting: a later reaction by the viewer (another device) counts.
    store.applyNoteUpdate(reacted(PLAIN, '❤', ALICE));
    expect(store.get(PLAIN)?.reactions['❤']).toBe(1);
  });

  it('keeps an echoed change when rollback comes late', () => {
    store.put(noteFrom(showPlain));
    const rollback = store.optimisticReact(PLAIN, '❤');
    store.applyNoteUpdate(reacted(PLAIN, '❤', ALICE));
    rollback();
    expect(store.get(PLAIN)?.reactions['❤']).toBe(1);
    expect(store.get(PLAIN)?.myReaction).toBe('❤');
  });

  it('treats a reaction already held as nothing to do', () => {
    store.put(noteFrom(showReactions));
    store.optimisticReact(REACTIONS, '❤️')();
    expect(store.get(REACTIONS)?.reactions['❤']).toBe(1);
    expect(store.get(REACTIONS)?.myReaction).toBe('❤');
  });
});

describe('memory', () => {
  it('evicts unretained notes together with the nested notes nobody else needs', () => {
    const wrapper = noteFrom(showRenote);
    const reply = noteFrom(showReply);
    store.putMany([wrapper, reply]);
    store.retain(wrapper.id);
    store.retain(reply.id);
    store.retain(reply.id);
    expect(store.size).toBe(3);
    store.unretain(wrapper.id);
    expect(store.get(wrapper.id)).toBeUndefined();
    expect(store.get(PLAIN)).toBeDefined(); // the reply still points at it
    store.unretain(reply.id);
    expect(store.size).toBe(2);
    store.unretain(reply.id);
    expect(store.size).toBe(0);
    expect(store.get(PLAIN)).toBeUndefined();
  });

  it('forgets deletion marks and pending echoes of evicted notes', () => {
    store.put(noteFrom(showPlain));
    store.retain(PLAIN);
    store.optimisticReact(PLAIN, '❤');
    store.applyNoteUpdate({ id: PLAIN, type: 'deleted', body: { deletedAt: '2026-11-23T06:17:59.368Z' } });
    store.unretain(PLAIN);
    store.put(noteFrom(showPlain));
    expect(store.isDeleted(PLAIN)).toBe(false);
    store.applyNoteUpdate(reacted(PLAIN, '❤', ALICE));
    expect(store.get(PLAIN)?.reactions['❤']).toBe(1);
  });

  it('reset empties the store but keeps deletion listeners', () => {
    const listener = vi.fn();
    store.onDeleted(listener);
    store.putMany([noteFrom(showRenote), noteFrom(showReply)]);
    store.retain(PLAIN);
    store.reset();
    expect(store.size).toBe(0);
    expect(store.get(PLAIN)).toBeUndefined();
    store.applyNoteUpdate({ id: PLAIN, type: 'deleted', body: { deletedAt: '2026-11-23T06:17:59.368Z' } });
    expect(listener).toHaveBeenCalledWith(PLAIN);
  });

  it('starts empty for a different viewer, whose myReaction would differ', () => {
    store.put(noteFrom(showReactions));
    store.setViewer(ALICE);
    expect(store.size).toBe(1);
    store.setViewer(BOB);
    expect(store.size).toBe(0);
  });
});

describe('updateUser', () => {
  it("puts a user's new profile on each of their notes, nested ones included, keeping the UserLite shape", () => {
    // The renote fixture: bob's pure renote of alice's plain note.
    store.put(noteFrom(showRenote));
    const renote = noteFrom(showRenote);
    const before = Object.keys(store.get(PLAIN)!.user).sort();
    const me = { ...store.get(PLAIN)!.user, name: 'Alice Renamed', isCat: true, location: 'not a UserLite field' };
    store.updateUser(me);
    expect(store.get(PLAIN)!.user).toMatchObject({ name: 'Alice Renamed', isCat: true });
    expect(Object.keys(store.get(PLAIN)!.user).sort()).toEqual(before);
    expect(store.get(renote.id)!.user.name).toBe(renote.user.name);
  });
});

describe('normalizeReaction', () => {
  it.each([
    ['❤️', '❤'],
    ['❤', '❤'],
    ['👍', '👍'],
    [':blobcat:', ':blobcat@.:'],
    [':blobcat@.:', ':blobcat@.:'],
    [':blobcat@remote.example:', ':blobcat@remote.example:'],
  ])('%s → %s', (input, key) => expect(normalizeReaction(input)).toBe(key));
});
