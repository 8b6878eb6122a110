import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type * as Misskey from 'misskey-js';
import { useNotesStore } from '@/stores/notes';
import showReactions from '@/testing/fixtures/rest-notes-show-reactions.json';
import { createReactionQueue } from './reactionQueue';
import type { ReactionRequest } from './reactionPlan';

type Sent = Exclude<ReactionRequest, { kind: 'none' }>;

const ME = showReactions.response.userId;
const NOTE = showReactions.response.id;

// The real note cache, a fake server: `send` records each request and answers when told to.
function setup() {
  const notes = useNotesStore();
  notes.setViewer(ME);
  const fresh = structuredClone(showReactions.response) as Misskey.entities.Note;
  notes.put(fresh);
  const sent: Sent[] = [];
  const answers: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  const failures: unknown[] = [];
  const queue = createReactionQueue({
    current: (id) => notes.get(id)?.myReaction ?? null,
    react: (id, r) => notes.optimisticReact(id, r),
    unreact: (id) => notes.optimisticUnreact(id),
    send: (_id, request) => {
      sent.push(request);
      return new Promise<void>((resolve, reject) => answers.push({ resolve, reject }));
    },
    failed: (_id, e) => failures.push(e),
  });
  const note = () => notes.get(NOTE)!;
  // What the server sends to captures after a request it accepted.
  const echo = (type: 'reacted' | 'unreacted', reaction: string) =>
    notes.applyNoteUpdate({ id: NOTE, type, body: { reaction, userId: ME } } as never);
  return { notes, queue, sent, answers, failures, note, echo };
}

describe('reaction queue', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('shows a change at once and sends it after the pause', () => {
    const { queue, sent, note } = setup();
    queue.set(NOTE, '🎉');
    expect(note().myReaction).toBe('🎉');
    expect(note().reactions['❤']).toBeUndefined();
    expect(note().reactions['🎉']).toBe(1);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([{ kind: 'create', reaction: '🎉' }]);
  });

  it('a quick change of mind sends one request for the final choice', () => {
    const { queue, sent, note } = setup();
    queue.set(NOTE, '🎉');
    queue.set(NOTE, '👍');
    queue.set(NOTE, '🍮');
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([{ kind: 'create', reaction: '🍮' }]);
    expect(note().reactions).toEqual({ '👍': 1, ':blobcat@.:': 1, '🍮': 1 });
    expect(note().reactionCount).toBe(3);
  });

  it('coming back to the original sends nothing and leaves the counts as they were', () => {
    const { queue, sent, note } = setup();
    queue.set(NOTE, null);
    queue.set(NOTE, '❤');
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([]);
    expect(note().reactions).toEqual(showReactions.response.reactions);
    expect(note().myReaction).toBe('❤');
  });

  it('the echo of a switch is not counted twice', async () => {
    const { queue, sent, answers, note, echo } = setup();
    queue.set(NOTE, '👍');
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([{ kind: 'create', reaction: '👍' }]);
    echo('unreacted', '❤');
    echo('reacted', '👍');
    answers[0]!.resolve();
    await vi.runAllTimersAsync();
    expect(note().reactions).toEqual({ '👍': 2, ':blobcat@.:': 1 });
    expect(note().reactionCount).toBe(3);
    expect(note().myReaction).toBe('👍');
  });

  it('a change made while a request is in flight follows it as one more request', async () => {
    const { queue, sent, answers, note, echo } = setup();
    queue.set(NOTE, null);
    vi.advanceTimersByTime(400);
    queue.set(NOTE, '🎉');
    echo('unreacted', '❤');
    answers[0]!.resolve();
    await vi.advanceTimersByTimeAsync(400);
    expect(sent).toEqual([{ kind: 'delete' }, { kind: 'create', reaction: '🎉' }]);
    echo('reacted', '🎉');
    answers[1]!.resolve();
    await vi.runAllTimersAsync();
    expect(note().reactions).toEqual({ '👍': 1, ':blobcat@.:': 1, '🎉': 1 });
    expect(note().reactionCount).toBe(3);
  });

  it('a failure rolls everything back, including changes made after it, and reports once', async () => {
    const { queue, answers, failures, note } = setup();
    queue.set(NOTE, '🎉');
    vi.advanceTimersByTime(400);
    queue.set(NOTE, '👍');
    answers[0]!.reject(new Error('500'));
    await vi.runAllTimersAsync();
    expect(failures).toHaveLength(1);
    expect(note().reactions).toEqual(showReactions.response.reactions);
    expect(note().reactionCount).toBe(showReactions.response.reactionCount);
    expect(note().myReaction).toBe('❤');
  });

  it('flush sends at once and waits for the answers', async () => {
    const { queue, sent, answers } = setup();
    queue.set(NOTE, null);
    const done = queue.flush();
    expect(sent).toEqual([{ kind: 'delete' }]);
    answers[0]!.resolve();
    await expect(done).resolves.toBeUndefined();
  });
});
