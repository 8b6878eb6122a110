// Composer drafts ↔ Misskey's server drafts (notes/drafts/*, 2025+): the same fields as a post,
// plus scheduledAt (Unix ms) for a scheduled note.
import type * as Misskey from 'misskey-js';
import { emptyDraft, type Draft, type PollDraft, type Recipient } from './draftModel.ts';
import { buildCreateParams, type PostTarget } from './postParams.ts';

type NoteDraft = Misskey.entities.NoteDraft;
export type DraftParams = Misskey.Endpoints['notes/drafts/create']['req'];

/** What notes/drafts/create (or update) is sent for a composer draft; a draft may be empty. */
export function draftParams(draft: Draft, target: PostTarget): DraftParams {
  const { poll, ...rest } = buildCreateParams(draft, target);
  // A draft's poll may still lack choices; the server keeps what there is.
  return { ...rest, text: rest.text ?? null, cw: rest.cw ?? null, ...(poll ? { poll } : { poll: null }) };
}

/** Which composer a server draft belongs to: a reply, a quote, or a new note. */
export function serverDraftContext(d: Pick<NoteDraft, 'replyId' | 'renoteId'>): string {
  if (d.replyId) return `reply:${d.replyId}`;
  if (d.renoteId) return `quote:${d.renoteId}`;
  return 'new';
}

function pollOf(d: NoteDraft): PollDraft | null {
  if (!d.poll) return null;
  const choices = d.poll.choices.length >= 2 ? d.poll.choices : [...d.poll.choices, '', ''].slice(0, 2);
  const expiry: PollDraft['expiry'] = d.poll.expiresAt
    ? { kind: 'at', at: toLocalInput(new Date(d.poll.expiresAt).getTime()) }
    : d.poll.expiredAfter
      ? { kind: 'after', amount: Math.max(1, Math.round(d.poll.expiredAfter / 60_000)), unit: 'minute' }
      : { kind: 'none' };
  return { choices, multiple: d.poll.multiple, expiry };
}

/** The composer's draft for a server draft; recipients come from users/show by the caller. */
export function fromServerDraft(d: NoteDraft, recipients: Recipient[]): Draft {
  return {
    ...emptyDraft(),
    text: d.text ?? '',
    cwEnabled: d.cw !== null,
    cw: d.cw ?? '',
    visibility: d.visibility,
    recipients,
    localOnly: d.localOnly,
    poll: pollOf(d),
    files: d.files ?? [],
    serverId: d.id,
  };
}

/** A time as a datetime-local value in the user's own time zone (seconds kept). */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A datetime-local value (the user's time zone) as Unix ms, or null when it is not a time. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}
