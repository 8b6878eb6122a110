import type * as Misskey from 'misskey-js';

export type Visibility = 'public' | 'home' | 'followers' | 'specified';

export type PollExpiry =
  | { kind: 'none' }
  | { kind: 'at'; at: string } // a datetime-local value, read in the user's own time zone
  | { kind: 'after'; amount: number; unit: 'minute' | 'hour' | 'day' };

export interface PollDraft {
  choices: string[];
  multiple: boolean;
  expiry: PollExpiry;
}

/** Who a `specified` note goes to; kept small so a draft stays small. */
export interface Recipient {
  id: string;
  username: string;
  host: string | null;
}

/** Everything the composer holds; drafts and outbox entries store exactly this. */
export interface Draft {
  /** Made when the draft starts; the outbox remembers it so a stale copy is not restored. */
  id: string;
  text: string;
  cwEnabled: boolean;
  cw: string;
  visibility: Visibility;
  recipients: Recipient[];
  localOnly: boolean;
  poll: PollDraft | null;
  files: Misskey.entities.DriveFile[];
  /** Its copy on the server (notes/drafts), where the server keeps drafts. */
  serverId?: string;
}

/** Where a composer writes: a new note, a reply to a note, or a quote of one. */
export function draftContext(target: { replyId?: string; quoteId?: string }): string {
  if (target.replyId) return `reply:${target.replyId}`;
  if (target.quoteId) return `quote:${target.quoteId}`;
  return 'new';
}

export function newDraftId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function emptyDraft(): Draft {
  return {
    id: newDraftId(),
    text: '',
    cwEnabled: false,
    cw: '',
    visibility: 'public',
    recipients: [],
    localOnly: false,
    poll: null,
    files: [],
  };
}

export function emptyPoll(): PollDraft {
  return { choices: ['', ''], multiple: false, expiry: { kind: 'none' } };
}

export function isEmptyDraft(d: Draft): boolean {
  return d.text.trim() === '' && d.cw.trim() === '' && d.poll === null && d.files.length === 0;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const VISIBILITIES: readonly string[] = ['public', 'home', 'followers', 'specified'];

function readExpiry(v: unknown): PollExpiry | null {
  if (!isRecord(v)) return null;
  if (v.kind === 'none') return { kind: 'none' };
  if (v.kind === 'at' && typeof v.at === 'string') return { kind: 'at', at: v.at };
  if (v.kind === 'after' && typeof v.amount === 'number' && (v.unit === 'minute' || v.unit === 'hour' || v.unit === 'day')) {
    return { kind: 'after', amount: v.amount, unit: v.unit };
  }
  return null;
}

function readPoll(v: unknown): PollDraft | null | undefined {
  if (v === null) return null;
  if (!isRecord(v) || !Array.isArray(v.choices) || !v.choices.every((c) => typeof c === 'string')) return undefined;
  const expiry = readExpiry(v.expiry);
  if (typeof v.multiple !== 'boolean' || !expiry) return undefined;
  return { choices: v.choices as string[], multiple: v.multiple, expiry };
}

function isRecipient(v: unknown): v is Recipient {
  return (
    isRecord(v) && typeof v.id === 'string' && typeof v.username === 'string' && (v.host === null || typeof v.host === 'string')
  );
}

function isDriveFile(v: unknown): v is Misskey.entities.DriveFile {
  return isRecord(v) && typeof v.id === 'string' && typeof v.name === 'string' && typeof v.type === 'string';
}

/** Checks data read back from storage; anything malformed is rejected rather than trusted. */
export function readDraft(v: unknown): Draft | null {
  if (!isRecord(v)) return null;
  const poll = readPoll(v.poll);
  const ok =
    typeof v.id === 'string' &&
    typeof v.text === 'string' &&
    typeof v.cwEnabled === 'boolean' &&
    typeof v.cw === 'string' &&
    typeof v.visibility === 'string' &&
    VISIBILITIES.includes(v.visibility) &&
    Array.isArray(v.recipients) &&
    v.recipients.every(isRecipient) &&
    typeof v.localOnly === 'boolean' &&
    poll !== undefined &&
    Array.isArray(v.files) &&
    v.files.every(isDriveFile);
  if (!ok) return null;
  return {
    id: v.id as string,
    text: v.text as string,
    cwEnabled: v.cwEnabled as boolean,
    cw: v.cw as string,
    visibility: v.visibility as Visibility,
    recipients: v.recipients as Recipient[],
    localOnly: v.localOnly as boolean,
    poll,
    files: v.files as Misskey.entities.DriveFile[],
    ...(typeof v.serverId === 'string' ? { serverId: v.serverId } : {}),
  };
}
