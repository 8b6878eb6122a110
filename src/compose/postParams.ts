import type * as Misskey from 'misskey-js';
import type { Draft, PollDraft } from './draftModel.ts';

export type CreateParams = Misskey.Endpoints['notes/create']['req'];
type PollParams = NonNullable<CreateParams['poll']>;

// Limits from notes/create's schema ([24.10]); the text limit comes from meta.maxNoteTextLength.
export const MAX_CW_LENGTH = 100;
export const MAX_POLL_CHOICES = 10;
export const MAX_POLL_CHOICE_LENGTH = 50;
export const MAX_FILES = 16;

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * Length as the server counts it: JSON-schema maxLength counts code points, and we send the
 * text trimmed (the server trims it anyway), so an emoji is one and edge spaces are none.
 */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

export function pollChoices(poll: PollDraft): string[] {
  return poll.choices.map((c) => c.trim()).filter((c) => c !== '');
}

/** Why a poll cannot be sent yet, or null when it can. */
export function pollProblem(poll: PollDraft, now = Date.now()): 'choices' | 'choiceLength' | 'expiry' | null {
  const choices = pollChoices(poll);
  if (choices.length < 2 || choices.length > MAX_POLL_CHOICES) return 'choices';
  if (choices.some((c) => [...c].length > MAX_POLL_CHOICE_LENGTH)) return 'choiceLength';
  const e = poll.expiry;
  if (e.kind === 'at') {
    const at = new Date(e.at).getTime();
    if (Number.isNaN(at) || at <= now) return 'expiry';
  }
  if (e.kind === 'after' && !(Number.isFinite(e.amount) && e.amount > 0)) return 'expiry';
  return null;
}

/** A fixed date becomes `expiresAt` (epoch ms); a duration becomes `expiredAfter` (ms), counted by the server. */
export function buildPoll(poll: PollDraft): PollParams {
  const params: PollParams = { choices: pollChoices(poll), multiple: poll.multiple };
  const e = poll.expiry;
  if (e.kind === 'at') params.expiresAt = new Date(e.at).getTime();
  if (e.kind === 'after') params.expiredAfter = Math.round(e.amount * UNIT_MS[e.unit]);
  return params;
}

export interface PostTarget {
  replyId?: string;
  quoteId?: string;
  /** a Misskey channel to post into */
  channelId?: string;
}

export function buildCreateParams(draft: Draft, target: PostTarget): CreateParams {
  // A channel note is public and local-only whatever is sent, so no audience goes with it.
  const params: CreateParams = target.channelId ? { channelId: target.channelId } : { visibility: draft.visibility };
  const text = draft.text.trim();
  if (text !== '') params.text = text;
  const cw = draft.cwEnabled ? draft.cw.trim() : '';
  if (cw !== '') params.cw = cw;
  if (draft.localOnly && !target.channelId) params.localOnly = true;
  if (draft.visibility === 'specified' && !target.channelId) params.visibleUserIds = draft.recipients.map((r) => r.id);
  if (draft.files.length > 0) params.fileIds = draft.files.map((f) => f.id);
  if (draft.poll) params.poll = buildPoll(draft.poll);
  if (target.replyId) params.replyId = target.replyId;
  if (target.quoteId) params.renoteId = target.quoteId;
  return params;
}

export type DraftProblem = 'empty' | 'textTooLong' | 'cwTooLong' | 'poll' | 'tooManyFiles';

/**
 * Why the draft cannot be posted, or null. The server wants a non-space character in the text
 * unless there is a file, a poll or a quoted note.
 */
export function draftProblem(draft: Draft, target: PostTarget, maxTextLength: number, now = Date.now()): DraftProblem | null {
  if (draft.poll && pollProblem(draft.poll, now)) return 'poll';
  if (textLength(draft.text) > maxTextLength) return 'textTooLong';
  if (draft.cwEnabled && textLength(draft.cw) > MAX_CW_LENGTH) return 'cwTooLong';
  if (draft.files.length > MAX_FILES) return 'tooManyFiles';
  const hasBody = draft.text.trim() !== '' || draft.files.length > 0 || draft.poll !== null || !!target.quoteId;
  return hasBody ? null : 'empty';
}
