import type { ApiErrorKind } from '@/api/errors';

export type RetryPlan = { kind: 'after'; ms: number } | { kind: 'online' } | { kind: 'manual' };

/** Automatic tries in a row before a post waits for a click. */
export const MAX_AUTO_ATTEMPTS = 4;
const BASE_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 120_000;
const DEFAULT_RATE_LIMIT_WAIT_SEC = 60;

/**
 * Failures after which the note may exist anyway: the request may have reached the server before
 * the connection broke, or the server (or a proxy in front of it) failed after accepting it.
 * A 4xx, 429 included, is a definite "not created".
 */
export function mayHavePosted(kind: ApiErrorKind): boolean {
  return kind === 'network' || kind === 'offline' || kind === 'timeout' || kind === 'aborted' || kind === 'server-error';
}

/**
 * When to try again after `failures` failed tries in a row. Offline waits for the browser's
 * `online`; 429 waits for Retry-After; 5xx and network errors back off; everything else is the
 * user's call, because the same request would fail the same way.
 */
export function retryPlan(
  err: { kind: ApiErrorKind; retryAfterSec: number | null },
  failures: number,
  online: boolean,
): RetryPlan {
  if (err.kind === 'offline' || (!online && (err.kind === 'network' || err.kind === 'timeout'))) return { kind: 'online' };
  if (failures >= MAX_AUTO_ATTEMPTS) return { kind: 'manual' };
  const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (failures - 1));
  switch (err.kind) {
    case 'rate-limited':
      return { kind: 'after', ms: (err.retryAfterSec ?? DEFAULT_RATE_LIMIT_WAIT_SEC) * 1000 };
    case 'server-error':
    case 'network':
    case 'timeout':
      return { kind: 'after', ms: backoff };
    default:
      return { kind: 'manual' };
  }
}
