import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Misskey from 'misskey-js';
import { ApiError, type ApiErrorKind } from '@/api/errors';
import { createOutbox, errorOf, type OutboxDeps, type OutboxEntry } from '@/compose/outboxQueue';
import { MAX_AUTO_ATTEMPTS, mayHavePosted, retryPlan } from '@/compose/retryPolicy';
import { isSameNote } from '@/compose/findPostedNote';
import { emptyDraft, type Draft } from '@/compose/draftModel';
import pollNote from '@/testing/fixtures/rest-notes-show-poll-single.json';

// The outbox's rules are tested on its core (compose/outboxQueue.ts); the Pinia store only wires
// it to the session's API and the active account.
const KEY = 'mkc:outbox:alice@test';
const note = pollNote.response as unknown as Misskey.entities.Note;
const draft = (text: string): Draft => ({ ...emptyDraft(), text });
const fail = (kind: ApiErrorKind, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ kind, endpoint: 'notes/create', message: kind, ...extra });

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let online = true;
const outboxes: Array<{ dispose(): void }> = [];

function open(deps: Partial<OutboxDeps> = {}) {
  const post = vi.fn<OutboxDeps['post']>(deps.post ?? (async () => note));
  const findPosted = vi.fn<OutboxDeps['findPosted']>(deps.findPosted ?? (async () => false));
  const outbox = createOutbox({ storageKey: KEY, post, findPosted, isOnline: () => online });
  outboxes.push(outbox);
  return { outbox, post, findPosted };
}

beforeEach(() => {
  localStorage.clear();
  online = true;
  vi.useFakeTimers();
});

afterEach(() => {
  outboxes.splice(0).forEach((o) => o.dispose());
  vi.useRealTimers();
});

describe('retryPlan', () => {
  it('waits for the connection when offline', () => {
    expect(retryPlan({ kind: 'offline', retryAfterSec: null }, 1, false)).toEqual({ kind: 'online' });
    expect(retryPlan({ kind: 'network', retryAfterSec: null }, 1, false)).toEqual({ kind: 'online' });
  });

  it('waits for Retry-After on 429', () => {
    expect(retryPlan({ kind: 'rate-limited', retryAfterSec: 42 }, 1, true)).toEqual({ kind: 'after', ms: 42_000 });
  });

  it('backs off on 5xx and network errors, then leaves it to the user', () => {
    const first = retryPlan({ kind: 'server-error', retryAfterSec: null }, 1, true);
    const second = retryPlan({ kind: 'server-error', retryAfterSec: null }, 2, true);
    expect(first.kind).toBe('after');
    expect(second.kind === 'after' && first.kind === 'after' && second.ms > first.ms).toBe(true);
    expect(retryPlan({ kind: 'network', retryAfterSec: null }, 1, true).kind).toBe('after');
    expect(retryPlan({ kind: 'server-error', retryAfterSec: null }, MAX_AUTO_ATTEMPTS, true)).toEqual({ kind: 'manual' });
  });

  it('never retries client, permission or session errors by itself', () => {
    for (const kind of ['client', 'permission-denied', 'session-expired', 'not-found'] as const) {
      expect(retryPlan({ kind, retryAfterSec: null }, 1, true)).toEqual({ kind: 'manual' });
    }
  });

  it('treats only failures that may have reached the server as unsure', () => {
    expect(mayHavePosted('network')).toBe(true);
    expect(mayHavePosted('timeout')).toBe(true);
    expect(mayHavePosted('server-error')).toBe(true);
    expect(mayHavePosted('rate-limited')).toBe(false);
    expect(mayHavePosted('client')).toBe(false);
  });
});

describe('outbox', () => {
  it('sends the note and keeps nothing once the server confirmed it', async () => {
    const { outbox, post } = open();
    await expect(outbox.add(draft(' hello '), {}, 'new')).resolves.toBe('sent');
    expect(post).toHaveBeenCalledWith({ visibility: 'public', text: 'hello' });
    expect(outbox.entries.value).toEqual([]);
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual([]);
  });

  it('keeps a rejected post with its reason and does not retry it by itself', async () => {
    const { outbox, post } = open({
      post: async () => {
        throw fail('client', { code: 'INVALID_PARAM', status: 400, info: { param: 'text', reason: 'too long' } });
      },
    });
    await expect(outbox.add(draft('x'), {}, 'new')).resolves.toBe('queued');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(post).toHaveBeenCalledTimes(1);
    const [entry] = outbox.entries.value;
    expect(entry?.state).toBe('failed');
    expect(errorOf(entry!)?.code).toBe('INVALID_PARAM');
    expect(errorOf(entry!)?.info).toEqual({ param: 'text', reason: 'too long' });
  });

  it('retries a rate-limited post after Retry-After', async () => {
    let calls = 0;
    const { outbox, post, findPosted } = open({
      post: async () => {
        if (calls++ === 0) throw fail('rate-limited', { status: 429, retryAfterSec: 30 });
        return note;
      },
    });
    await outbox.add(draft('x'), {}, 'new');
    expect(outbox.entries.value[0]?.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(post).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(post).toHaveBeenCalledTimes(2);
    expect(findPosted).not.toHaveBeenCalled();
    expect(outbox.entries.value).toEqual([]);
  });

  it('backs off on 5xx a few times, checking before each resend, then waits for a click', async () => {
    const { outbox, post, findPosted } = open({
      post: async () => {
        throw fail('server-error', { status: 500 });
      },
    });
    await outbox.add(draft('x'), {}, 'new');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(post).toHaveBeenCalledTimes(MAX_AUTO_ATTEMPTS);
    expect(findPosted).toHaveBeenCalledTimes(MAX_AUTO_ATTEMPTS - 1);
    expect(outbox.entries.value[0]?.state).toBe('failed');
    post.mockResolvedValueOnce(note);
    await expect(outbox.retry(outbox.entries.value[0]!.id)).resolves.toBe('sent');
    expect(outbox.entries.value).toEqual([]);
  });

  it('waits for `online` when offline, then sends', async () => {
    online = false;
    let calls = 0;
    const { outbox, post } = open({
      post: async () => {
        if (calls++ === 0) throw fail('offline');
        return note;
      },
      findPosted: async () => false,
    });
    await outbox.add(draft('x'), {}, 'new');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(post).toHaveBeenCalledTimes(1);
    expect(outbox.entries.value[0]).toMatchObject({ state: 'waiting', waitForOnline: true });
    online = true;
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(post).toHaveBeenCalledTimes(2);
    expect(outbox.entries.value).toEqual([]);
  });

  it('never sends the same entry twice at once', async () => {
    const first = deferred<Misskey.entities.Note>();
    let calls = 0;
    const { outbox, post } = open({
      post: () => {
        if (calls++ === 0) return Promise.reject(fail('client', { code: 'NO_SUCH_FILE' }));
        return first.promise;
      },
    });
    await outbox.add(draft('x'), {}, 'new');
    const id = outbox.entries.value[0]!.id;
    const a = outbox.retry(id);
    const b = outbox.retry(id);
    expect(outbox.discard(id)).toBe(false);
    first.resolve(note);
    await expect(b).resolves.toBe('queued');
    await expect(a).resolves.toBe('sent');
    expect(post).toHaveBeenCalledTimes(2);
  });

  it('does not resend after an ambiguous failure when the note is already on the server', async () => {
    const { outbox, post, findPosted } = open({
      post: async () => {
        throw fail('timeout');
      },
    });
    await outbox.add(draft('x'), {}, 'new');
    expect(outbox.entries.value[0]?.unsure).toBe(true);
    findPosted.mockResolvedValue(true);
    await expect(outbox.retry(outbox.entries.value[0]!.id)).resolves.toBe('sent');
    expect(post).toHaveBeenCalledTimes(1);
    expect(outbox.entries.value).toEqual([]);
  });

  it('resends after an ambiguous failure when the check finds nothing', async () => {
    let calls = 0;
    const { outbox, post, findPosted } = open({
      post: async () => {
        if (calls++ === 0) throw fail('network');
        return note;
      },
    });
    await outbox.add(draft('x'), {}, 'new');
    const entry = outbox.entries.value[0]!;
    await expect(outbox.retry(entry.id)).resolves.toBe('sent');
    expect(findPosted).toHaveBeenCalledTimes(1);
    expect(findPosted.mock.calls[0]?.[0].lastAttemptAt).toBe(Date.now());
    expect(post).toHaveBeenCalledTimes(2);
  });

  it('keeps entries across a new instance (a reload)', async () => {
    const { outbox } = open({
      post: async () => {
        throw fail('client', { code: 'CONTAINS_PROHIBITED_WORDS' });
      },
    });
    await outbox.add(draft('kept'), { replyId: 'n1' }, 'reply:n1');
    const before = outbox.entries.value.map((e) => ({ ...e }));
    outbox.dispose();
    const { outbox: again } = open();
    expect(again.entries.value).toEqual(before);
    expect(again.entries.value[0]).toMatchObject({ context: 'reply:n1', target: { replyId: 'n1' }, state: 'failed' });
  });

  it('checks a post left mid-send by a closed page before sending it again', async () => {
    const hang = deferred<Misskey.entities.Note>();
    const { outbox } = open({ post: () => hang.promise });
    void outbox.add(draft('crash'), {}, 'new');
    await vi.advanceTimersByTimeAsync(0);
    outbox.dispose();
    const { outbox: again, post, findPosted } = open({ findPosted: async () => true });
    expect(again.entries.value[0]?.unsure).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(findPosted).toHaveBeenCalledTimes(1);
    expect(post).not.toHaveBeenCalled();
    expect(again.entries.value).toEqual([]);
  });

  it('ignores corrupt storage', () => {
    localStorage.setItem(KEY, '[{"id":1}, "junk"');
    expect(open().outbox.entries.value).toEqual([]);
    localStorage.setItem(KEY, JSON.stringify([{ id: 'x', state: 'waiting' }]));
    expect(open().outbox.entries.value).toEqual([]);
  });

  it('hands the draft back for editing, unless it turns out to be posted', async () => {
    const { outbox, findPosted } = open({
      post: async () => {
        throw fail('client');
      },
    });
    await outbox.add(draft('edit me'), {}, 'new');
    await expect(outbox.take(outbox.entries.value[0]!.id)).resolves.toMatchObject({ text: 'edit me' });
    expect(outbox.entries.value).toEqual([]);
    expect(findPosted).not.toHaveBeenCalled();
  });
});

describe('isSameNote', () => {
  const entry = (d: Partial<Draft>): OutboxEntry => ({
    id: 'e',
    context: 'new',
    target: {},
    draft: { ...emptyDraft(), ...d },
    state: 'waiting',
    failures: 1,
    lastAttemptAt: 0,
    unsure: true,
    error: null,
    retryAt: null,
    waitForOnline: false,
  });

  it('matches the recorded poll note to the draft that made it, and nothing else', () => {
    const poll = { choices: ['Red', 'Green', 'Blue'], multiple: false, expiry: { kind: 'none' as const } };
    expect(isSameNote(note, entry({ text: 'Favourite colour?', poll }))).toBe(true);
    expect(isSameNote(note, entry({ text: 'Favourite colour?' }))).toBe(false);
    expect(isSameNote(note, entry({ text: 'Favourite colour!', poll }))).toBe(false);
  });
});
