// A sentence for a reaction that did not go through; server codes the user can act on get their own.
import { describeApiError, type ApiError } from '@/api/errors';

const BY_CODE: Record<string, string> = {
  ALREADY_REACTED: 'note.errors.alreadyReacted',
  NOT_REACTED: 'note.errors.notReacted',
  CANNOT_REACT_TO_RENOTE: 'note.errors.cannotReactToRenote',
  NO_SUCH_NOTE: 'note.errors.noSuchNote',
  YOU_HAVE_BEEN_BLOCKED: 'note.errors.blocked',
};

export interface ReactionErrorText {
  key: string;
  /** The general API error sentence that `key` wraps as `{reason}`, if any. */
  reason: { key: string; params: Record<string, unknown> } | null;
}

export function describeReactionError(error: ApiError): ReactionErrorText {
  const key = error.code ? BY_CODE[error.code] : undefined;
  if (key) return { key, reason: null };
  return { key: 'note.errors.reactionFailed', reason: describeApiError(error) };
}

/** These mean our copy of the note was stale: fetch it again to show the truth. */
export function needsResync(error: ApiError): boolean {
  return error.code === 'ALREADY_REACTED' || error.code === 'NOT_REACTED';
}
