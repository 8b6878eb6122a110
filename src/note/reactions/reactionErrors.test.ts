import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { describeReactionError, needsResync } from './reactionErrors';

const error = (init: Partial<ConstructorParameters<typeof ApiError>[0]>) =>
  new ApiError({ kind: 'client', endpoint: 'notes/reactions/create', message: 'm', ...init });

describe('describeReactionError', () => {
  it('names the codes a user can act on, and resyncs when our copy was stale', () => {
    const already = error({ code: 'ALREADY_REACTED' });
    expect(describeReactionError(already)).toEqual({ key: 'note.errors.alreadyReacted', reason: null });
    expect(needsResync(already)).toBe(true);
    expect(describeReactionError(error({ code: 'CANNOT_REACT_TO_RENOTE' })).key).toBe('note.errors.cannotReactToRenote');
    expect(needsResync(error({ code: 'CANNOT_REACT_TO_RENOTE' }))).toBe(false);
  });

  it('wraps a rate limit with the wait', () => {
    const text = describeReactionError(
      error({ kind: 'rate-limited', code: 'RATE_LIMIT_EXCEEDED', status: 429, retryAfterSec: 30 }),
    );
    expect(text.key).toBe('note.errors.reactionFailed');
    expect(text.reason).toEqual({ key: 'errors.rateLimited', params: { seconds: 30, minutes: 1 } });
  });

  it('wraps a server error', () => {
    const text = describeReactionError(error({ kind: 'server-error', code: 'INTERNAL_ERROR', status: 500 }));
    expect(text.reason?.key).toBe('errors.serverError');
  });
});
