export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  capMs: number;
}

// Capped at 10 s (as misskey-js does): after an outage the next try is never far off.
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, factor: 2, capMs: 10_000 };

/** The largest delay allowed before retry number `attempt` (0-based): exponential, capped. */
export function backoffCeiling(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, attempt));
}

/**
 * Delay before retry number `attempt`, with "full jitter": uniform in [0, ceiling). Spreading the
 * retries keeps every client of a restarted server from reconnecting in the same instant.
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  return Math.floor(random() * backoffCeiling(attempt, policy));
}
