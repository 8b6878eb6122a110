import { describe, expect, it } from 'vitest';
import single from '@/testing/fixtures/rest-notes-show-poll-single.json';
import ended from '@/testing/fixtures/rest-notes-show-poll-ended.json';
import { canVoteFor, hasVoted, isExpired, totalVotes, voteShares, type Poll } from './pollState';

const poll = (choices: Array<[number, boolean]>, extra: Partial<Poll> = {}): Poll => ({
  multiple: false,
  expiresAt: null,
  choices: choices.map(([votes, isVoted], i) => ({ text: `c${i}`, votes, isVoted })),
  ...extra,
});
const NOW = Date.parse('2026-11-23T12:00:00.000Z');

describe('poll state', () => {
  it('counts shares in whole percent, zero while nobody voted', () => {
    expect(
      voteShares(
        poll([
          [1, false],
          [2, false],
          [1, false],
        ]),
      ),
    ).toEqual([25, 50, 25]);
    expect(
      voteShares(
        poll([
          [0, false],
          [0, false],
        ]),
      ),
    ).toEqual([0, 0]);
    expect(
      totalVotes(
        poll([
          [3, false],
          [5, true],
        ]),
      ),
    ).toBe(8);
  });

  it('has ended once expiresAt is not in the future; no expiry never ends', () => {
    expect(isExpired(poll([], { expiresAt: '2026-11-23T12:00:00.000Z' }), NOW)).toBe(true);
    expect(isExpired(poll([], { expiresAt: '2026-11-23T12:00:01.000Z' }), NOW)).toBe(false);
    expect(isExpired(poll([]), NOW)).toBe(false);
  });

  it('a single-choice poll takes one vote', () => {
    const open = poll([
      [0, false],
      [0, false],
    ]);
    expect(canVoteFor(open, 0, NOW)).toBe(true);
    const voted = poll([
      [1, true],
      [0, false],
    ]);
    expect(hasVoted(voted)).toBe(true);
    expect(canVoteFor(voted, 1, NOW)).toBe(false);
  });

  it('a multiple-choice poll takes one vote per choice', () => {
    const voted = poll(
      [
        [1, true],
        [0, false],
      ],
      { multiple: true },
    );
    expect(canVoteFor(voted, 0, NOW)).toBe(false);
    expect(canVoteFor(voted, 1, NOW)).toBe(true);
    expect(canVoteFor(voted, 5, NOW)).toBe(false);
  });

  it('an ended poll takes no vote (recorded fixtures)', () => {
    const endedPoll = ended.response.poll as Poll;
    expect(isExpired(endedPoll, Date.parse(ended.response.poll.expiresAt) + 1)).toBe(true);
    expect(canVoteFor(endedPoll, 0, Date.parse(ended.response.poll.expiresAt) + 1)).toBe(false);
    const singlePoll = single.response.poll as Poll;
    expect(isExpired(singlePoll, NOW)).toBe(false);
  });
});
