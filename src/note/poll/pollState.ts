// Pure facts about a poll at a given moment: shares of the vote, whether it has ended, what the viewer may still do.
import type * as Misskey from 'misskey-js';

export type Poll = NonNullable<Misskey.entities.Note['poll']>;

export function totalVotes(poll: Poll): number {
  return poll.choices.reduce((sum, c) => sum + c.votes, 0);
}

/** Whole percentages per choice; 0 for every choice while nobody has voted. */
export function voteShares(poll: Poll): number[] {
  const total = totalVotes(poll);
  return poll.choices.map((c) => (total === 0 ? 0 : Math.round((c.votes / total) * 100)));
}

export function isExpired(poll: Poll, now: number): boolean {
  return poll.expiresAt != null && Date.parse(poll.expiresAt) <= now;
}

export function hasVoted(poll: Poll): boolean {
  return poll.choices.some((c) => c.isVoted);
}

/** A single-choice poll takes one vote; a multiple-choice poll one per choice, until it ends. */
export function canVoteFor(poll: Poll, choice: number, now: number): boolean {
  const target = poll.choices[choice];
  if (!target || target.isVoted || isExpired(poll, now)) return false;
  return poll.multiple || !hasVoted(poll);
}
