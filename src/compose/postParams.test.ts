import { describe, expect, it } from 'vitest';
import { emptyDraft, emptyPoll, draftContext, type Draft } from './draftModel.ts';
import { buildCreateParams, buildPoll, draftProblem, pollProblem, textLength } from './postParams.ts';

const draft = (over: Partial<Draft>): Draft => ({ ...emptyDraft(), ...over });
const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('textLength (the live counter)', () => {
  it('counts code points of the trimmed text, as the server checks what we send', () => {
    expect(textLength('  hello \n')).toBe(5);
    expect(textLength('🍮x')).toBe(2);
    expect(textLength('x'.repeat(3000))).toBe(3000);
  });

  it('makes a too-long text unpostable, at the server limit exactly', () => {
    expect(draftProblem(draft({ text: 'x'.repeat(3000) }), {}, 3000)).toBeNull();
    expect(draftProblem(draft({ text: 'x'.repeat(3001) }), {}, 3000)).toBe('textTooLong');
    expect(draftProblem(draft({ text: 'x'.repeat(3001) }), {}, 5000)).toBeNull();
  });
});

describe('buildPoll', () => {
  it('sends a fixed end as expiresAt in epoch ms', () => {
    const poll = { ...emptyPoll(), choices: ['Red', ' Green ', ''], expiry: { kind: 'at' as const, at: '2026-12-01T12:30' } };
    const params = buildPoll(poll);
    expect(params).toEqual({ choices: ['Red', 'Green'], multiple: false, expiresAt: new Date('2026-12-01T12:30').getTime() });
    expect(params).not.toHaveProperty('expiredAfter');
  });

  it('sends a duration as expiredAfter in ms, counted by the server', () => {
    const params = buildPoll({ choices: ['a', 'b'], multiple: true, expiry: { kind: 'after', amount: 2, unit: 'hour' } });
    expect(params).toEqual({ choices: ['a', 'b'], multiple: true, expiredAfter: 7_200_000 });
    expect(params).not.toHaveProperty('expiresAt');
  });

  it('sends neither for a poll that never ends, like the recorded poll-single request', () => {
    expect(buildPoll({ choices: ['Red', 'Green', 'Blue'], multiple: false, expiry: { kind: 'none' } })).toEqual({
      choices: ['Red', 'Green', 'Blue'],
      multiple: false,
    });
  });

  it('rejects fewer than 2 choices, too long choices and an end in the past', () => {
    expect(pollProblem({ ...emptyPoll(), choices: ['only', ' '] }, NOW)).toBe('choices');
    expect(pollProblem({ ...emptyPoll(), choices: ['a', 'x'.repeat(51)] }, NOW)).toBe('choiceLength');
    expect(pollProblem({ choices: ['a', 'b'], multiple: false, expiry: { kind: 'at', at: '2020-01-01T00:00' } }, NOW)).toBe(
      'expiry',
    );
    expect(pollProblem({ choices: ['a', 'b'], multiple: false, expiry: { kind: 'after', amount: 0, unit: 'day' } }, NOW)).toBe(
      'expiry',
    );
    expect(
      pollProblem({ choices: Array.from({ length: 11 }, (_, i) => `c${i}`), multiple: false, expiry: { kind: 'none' } }, NOW),
    ).toBe('choices');
  });
});

describe('buildCreateParams', () => {
  it('builds a plain note like the recorded one', () => {
    expect(buildCreateParams(draft({ text: ' hello ' }), {})).toEqual({ visibility: 'public', text: 'hello' });
  });

  it('adds cw only when enabled and not blank, and direct recipients by id', () => {
    const d = draft({
      text: '@bob hi',
      cwEnabled: true,
      cw: 'spoiler',
      visibility: 'specified',
      localOnly: true,
      recipients: [{ id: 'atwdhku6mobw0003', username: 'bob', host: null }],
    });
    expect(buildCreateParams(d, { replyId: 'r1' })).toEqual({
      visibility: 'specified',
      text: '@bob hi',
      cw: 'spoiler',
      localOnly: true,
      visibleUserIds: ['atwdhku6mobw0003'],
      replyId: 'r1',
    });
    expect(buildCreateParams(draft({ text: 'x', cwEnabled: true, cw: '  ' }), {})).not.toHaveProperty('cw');
    expect(buildCreateParams(draft({ text: 'x', cwEnabled: false, cw: 'kept but off' }), {})).not.toHaveProperty('cw');
  });

  it('turns a quote into renoteId, and a quote needs no text', () => {
    expect(buildCreateParams(draft({}), { quoteId: 'q1' })).toEqual({ visibility: 'public', renoteId: 'q1' });
    expect(draftProblem(draft({}), { quoteId: 'q1' }, 3000)).toBeNull();
    expect(draftProblem(draft({ text: '   ' }), {}, 3000)).toBe('empty');
    expect(draftProblem(draft({ text: '', cwEnabled: true, cw: 'only a cw' }), {}, 3000)).toBe('empty');
  });

  it('posts into a channel with channelId and no audience, which the server would override anyway', () => {
    const d = draft({
      text: 'hi',
      visibility: 'specified',
      localOnly: true,
      recipients: [{ id: 'u1', username: 'bob', host: null }],
    });
    expect(buildCreateParams(d, { channelId: 'c1' })).toEqual({ channelId: 'c1', text: 'hi' });
  });
});

describe('draftContext', () => {
  it('keys drafts by what is being written', () => {
    expect(draftContext({})).toBe('new');
    expect(draftContext({ replyId: 'n1' })).toBe('reply:n1');
    expect(draftContext({ quoteId: 'n2' })).toBe('quote:n2');
    expect(draftContext({ channelId: 'c1' })).toBe('channel:c1');
  });
});
