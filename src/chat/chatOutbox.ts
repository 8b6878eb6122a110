// Chat messages the server has not confirmed, kept per account in localStorage so a reload
// keeps them. The outbox rules of notes apply: a send that may have reached the server is looked
// for before it is sent again, and a failed send is retried once by itself, then waits for a click.
import type * as Misskey from 'misskey-js';
import type { ApiError, ApiErrorKind } from '@/api/errors';
import { mayHavePosted } from '@/compose/retryPolicy';

export interface PendingMessage {
  id: string;
  /** targetKey(): `user:<id>` or `room:<id>` */
  target: string;
  text: string | null;
  file: Misskey.entities.DriveFile | null;
  state: 'sending' | 'waiting' | 'failed';
  failures: number;
  /** the last try may have created the message: look for it before sending again */
  unsure: boolean;
  /** the newest message id known when the last try started; a match must be newer */
  after: string | null;
  error: { kind: ApiErrorKind; message: string; code: string | null } | null;
}

const PREFIX = 'mkc:chat-outbox:';
// One automatic retry after this long (or when the browser is back online).
export const CHAT_RETRY_DELAY_MS = 3000;

function isPending(v: unknown): v is PendingMessage {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<PendingMessage>;
  return typeof p.id === 'string' && typeof p.target === 'string' && (p.text === null || typeof p.text === 'string');
}

export function loadOutbox(account: string): PendingMessage[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(PREFIX + account) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    // A page closed mid-send left it 'sending': it may be on the server.
    return parsed.filter(isPending).map((p) => (p.state === 'sending' ? { ...p, state: 'waiting', unsure: true } : p));
  } catch {
    return [];
  }
}

export function saveOutbox(account: string, list: readonly PendingMessage[]): void {
  const key = PREFIX + account;
  if (list.length === 0) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(list));
}

/** After a failed try: one automatic retry for failures that may pass, otherwise (or after that) a click. */
export function afterFailure(p: PendingMessage, err: ApiError): PendingMessage {
  const failures = p.failures + 1;
  const transient =
    err.kind === 'network' ||
    err.kind === 'offline' ||
    err.kind === 'timeout' ||
    err.kind === 'server-error' ||
    err.kind === 'rate-limited';
  return {
    ...p,
    failures,
    unsure: p.unsure || mayHavePosted(err.kind),
    state: transient && failures === 1 ? 'waiting' : 'failed',
    error: { kind: err.kind, message: err.message, code: err.code },
  };
}

/** The message an unsure try created, if it is among `recent` (newest first). */
export function findSent(
  p: PendingMessage,
  recent: readonly { id: string; fromUserId: string; text: string | null; file: { id: string } | null }[],
  meId: string,
): string | null {
  const hit = recent.find(
    (m) =>
      m.fromUserId === meId &&
      (p.after === null || m.id > p.after) &&
      (m.text ?? null) === (p.text ?? null) &&
      (m.file?.id ?? null) === (p.file?.id ?? null),
  );
  return hit?.id ?? null;
}
