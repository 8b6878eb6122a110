// Misskey's error envelope `{error: {message, code, id, kind, info?}}` with real codes and ids
// (ids copied from the recorded fixtures where one exists).

export type ErrorKind = 'client' | 'server' | 'permission';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly id: string,
    message: string,
    readonly kind: ErrorKind = 'client',
    readonly info?: Record<string, unknown>,
  ) {
    super(message);
  }

  body(): { error: { message: string; code: string; id: string; kind: ErrorKind; info?: Record<string, unknown> } } {
    return {
      error: { message: this.message, code: this.code, id: this.id, kind: this.kind, ...(this.info ? { info: this.info } : {}) },
    };
  }
}

const clientError = (code: string, id: string, message: string) => () => new ApiError(400, code, id, message);

export const errors = {
  // The id carries a leading space in Misskey's source (sw/update-registration.ts), so on the wire too.
  noSuchRegistration: clientError('NO_SUCH_REGISTRATION', ' b09d8066-8064-5613-efb6-0e963b21d012', 'No such registration.'),
  noSuchNote: clientError('NO_SUCH_NOTE', '24fcbfc6-2e37-42b6-8388-c29b3861a08d', 'No such note.'),
  noSuchUser: clientError('NO_SUCH_USER', '4362f8dc-731f-4ad8-a694-be5a88922a24', 'No such user.'),
  noSuchFile: clientError('NO_SUCH_FILE', 'b6992544-63e7-67f0-fa7f-32444b1b5306', 'Some files are not found.'),
  noSuchReplyTarget: clientError('NO_SUCH_REPLY_TARGET', '749ee0f6-d3da-459a-bf02-282e2da4292c', 'No such reply target.'),
  noSuchRenoteTarget: clientError('NO_SUCH_RENOTE_TARGET', 'b5c90186-4ab0-49c8-9bba-a1f76c282ba4', 'No such renote target.'),
  cannotRenotePureRenote: clientError(
    'CANNOT_RENOTE_TO_A_PURE_RENOTE',
    'fd4cc33e-2a37-48dd-99cc-9b806eb2031a',
    'You can not Renote a pure Renote.',
  ),
  cannotReplyPureRenote: clientError(
    'CANNOT_REPLY_TO_A_PURE_RENOTE',
    '3ac74a84-8fd5-4bb0-870f-01804f82ce15',
    'You can not reply to a pure Renote.',
  ),
  cannotRenoteVisibility: clientError(
    'CANNOT_RENOTE_DUE_TO_VISIBILITY',
    'be9529e9-fe72-4de0-ae43-0b363c4938af',
    'You can not Renote due to target visibility.',
  ),
  alreadyExpiredPoll: clientError(
    'CANNOT_CREATE_ALREADY_EXPIRED_POLL',
    '04da457d-b083-4055-9082-955525eda5a5',
    'Poll is already expired.',
  ),
  alreadyReacted: clientError(
    'ALREADY_REACTED',
    '71efcf98-86d6-4e2b-b2ad-9d032369366b',
    'You are already reacting to that note.',
  ),
  notReacted: clientError('NOT_REACTED', '92f4426d-4196-4125-aa5b-02943e2ec8fc', 'You are not reacting to that note.'),
  cannotReactToRenote: clientError(
    'CANNOT_REACT_TO_RENOTE',
    'eaccdc08-ddef-43fe-908f-d108faad57f5',
    'You cannot react to Renote.',
  ),
  noPoll: clientError('NO_POLL', '5f979967-52d9-4314-a911-1c673727f92f', 'The note does not attach a poll.'),
  invalidChoice: clientError('INVALID_CHOICE', 'e0cc9a04-f2e8-41e4-a5f1-4127293260cc', 'Choice ID is invalid.'),
  alreadyVoted: clientError('ALREADY_VOTED', '0963fc77-efac-419b-9424-b391608dc6d8', 'You have already voted.'),
  alreadyExpired: clientError('ALREADY_EXPIRED', '1022a357-b085-4054-9083-8f8de358337e', 'The poll is already expired.'),
  accessDenied: clientError('ACCESS_DENIED', 'fe8d7103-0ea8-4ec3-814d-f8b401dc69e9', 'Access denied.'),
  alreadyFollowing: clientError(
    'ALREADY_FOLLOWING',
    '35387507-38c7-4cb9-9197-300b93783fa0',
    'You are already following that user.',
  ),
  followeeIsYourself: clientError('FOLLOWEE_IS_YOURSELF', '26fbe7bb-a331-4857-af17-205b426669a9', 'Followee is yourself.'),
  notFollowing: clientError('NOT_FOLLOWING', '5dbf82f5-c92b-40b1-87d1-6c8c0741fd09', 'You are not following that user.'),
  noFollowRequest: clientError('NO_FOLLOW_REQUEST', 'bcde4f8b-0913-4614-8881-614e522fb041', 'No follow request.'),
  followRequestNotFound: clientError(
    'FOLLOW_REQUEST_NOT_FOUND',
    '089b125b-d338-482a-9a09-e2622ac9f8d4',
    'Follow request not found.',
  ),
  followerIsYourself: clientError('FOLLOWER_IS_YOURSELF', 'd9e400b9-36b0-4808-b1d8-79e707f1296c', 'Follower is yourself.'),
  bothWithRepliesAndWithFiles: clientError(
    'BOTH_WITH_REPLIES_AND_WITH_FILES',
    'dfaa3eb7-8002-4cb7-bcc4-1095df46656f',
    'Specifying both withReplies and withFiles is not supported',
  ),
  noSuchEmoji: clientError('NO_SUCH_EMOJI', '6a5e3be7-5ac3-44a6-a425-9937cd66f8e3', 'No such emoji.'),
  // Misskey gives the same code a different id per endpoint.
  noSuchList: clientError('NO_SUCH_LIST', '8fb1fbd5-e476-4c37-9fb0-43d55b63a2ff', 'No such list.'),
  noSuchNoteToPin: clientError('NO_SUCH_NOTE', '56734f8b-3928-431e-bf80-6ff87df40cb3', 'No such note.'),
  noSuchNoteToUnpin: clientError('NO_SUCH_NOTE', '454170ce-9d63-4a43-9da1-ea10afe81e21', 'No such note.'),
  pinLimitExceeded: clientError('PIN_LIMIT_EXCEEDED', '72dab508-c64d-498f-8740-a8eec1ba385a', 'You can not pin notes any more.'),
  alreadyPinned: clientError('ALREADY_PINNED', '8b18c2b7-68fe-4edb-9892-c0cbaeb6c913', 'That note has already been pinned.'),
  noSuchUserFollowing: clientError('NO_SUCH_USER', '63e4aba4-4156-4e53-be25-c9559e42d71b', 'No such user.'),
  noSuchUserFollowers: clientError('NO_SUCH_USER', '27fa5435-88ab-43de-9360-387de88727cd', 'No such user.'),
  invalidRegexp: clientError('INVALID_REGEXP', '0d786918-10df-41cd-8f33-8dec7d9a89a5', 'Invalid Regular Expression.'),
  tooManyMutedWords: clientError('TOO_MANY_MUTED_WORDS', '010665b1-a211-42d2-bc64-8f6609d79785', 'Too many muted words.'),
  noSuchNoteToFavorite: clientError('NO_SUCH_NOTE', '6dd26674-e060-4816-909a-45ba3f4da458', 'No such note.'),
  alreadyFavorited: clientError(
    'ALREADY_FAVORITED',
    'a402c12b-34dd-41d2-97d8-4d2ffd96a1a6',
    'The note has already been marked as a favorite.',
  ),
  noSuchNoteToUnfavorite: clientError('NO_SUCH_NOTE', '80848a2c-398f-4343-baa9-df1d57696c56', 'No such note.'),
  notFavorited: clientError('NOT_FAVORITED', 'b625fc69-635e-45e9-86f4-dbefbef35af5', 'You have not marked that note a favorite.'),
  noSuchUserToMute: clientError('NO_SUCH_USER', '6fef56f3-e765-4957-88e5-c6f65329b8a5', 'No such user.'),
  muteeIsYourself: clientError('MUTEE_IS_YOURSELF', 'a4619cb2-5f23-484b-9301-94c903074e10', 'Mutee is yourself.'),
  alreadyMuting: clientError('ALREADY_MUTING', '7e7359cb-160c-4956-b08f-4d1c653cd007', 'You are already muting that user.'),
  noSuchUserToUnmute: clientError('NO_SUCH_USER', 'b851d00b-8ab1-4a56-8b1b-e24187cb48ef', 'No such user.'),
  unmuteeIsYourself: clientError('MUTEE_IS_YOURSELF', 'f428b029-6b39-4d48-a1d2-cc1ae6dd5cf9', 'Mutee is yourself.'),
  notMuting: clientError('NOT_MUTING', '5467d020-daa9-4553-81e1-135c0c35a96d', 'You are not muting that user.'),
  searchUnavailable: clientError('UNAVAILABLE', '0b44998d-77aa-4427-80d0-d2c9b8523011', 'Search of notes unavailable.'),
  noSuchListToShow: clientError('NO_SUCH_LIST', '7bc05c21-1d7a-41ae-88f1-66820f4dc686', 'No such list.'),

  invalidParam: (param: string, reason: string) =>
    new ApiError(400, 'INVALID_PARAM', '3d81ceae-475f-4600-b2a8-2bc116157532', 'Invalid param.', 'client', { param, reason }),
  authenticationFailed: () =>
    new ApiError(
      401,
      'AUTHENTICATION_FAILED',
      'b0a7f5f8-dc2f-4171-b91f-de88ad238e14',
      'Authentication failed. Please ensure your token is correct.',
    ),
  credentialRequired: () =>
    new ApiError(401, 'CREDENTIAL_REQUIRED', '1384574d-a912-4b81-8601-c7b1c4085df1', 'Credential required.'),
  permissionDenied: () =>
    new ApiError(
      403,
      'PERMISSION_DENIED',
      '1370e5b7-d4eb-4566-bb1d-7748ee6a1838',
      'Your app does not have the necessary permissions to use this endpoint.',
      'permission',
    ),
  unknownEndpoint: () =>
    new ApiError(404, 'UNKNOWN_API_ENDPOINT', '2ca3b769-540a-4f08-9dd5-b5a825b6d0f1', 'Unknown API endpoint.'),
  rateLimitExceeded: (info: Record<string, unknown>) =>
    new ApiError(
      429,
      'RATE_LIMIT_EXCEEDED',
      'd5826d14-3982-4d2e-8011-b9e9f02499ef',
      'Rate limit exceeded. Please try again later.',
      'client',
      info,
    ),
  internalError: (info: Record<string, unknown>) =>
    new ApiError(
      500,
      'INTERNAL_ERROR',
      '5d37dbcb-891e-41ca-a3d6-e690c97775ac',
      'Internal error occurred. Please contact us if the error persists.',
      'server',
      info,
    ),
};

// The WWW-Authenticate header Misskey sends with 400/401 errors.
export function wwwAuthenticate(error: ApiError): string | null {
  if (error.code === 'CREDENTIAL_REQUIRED') return 'Bearer realm="Misskey"';
  if (error.code === 'AUTHENTICATION_FAILED')
    return `Bearer realm="Misskey", error="invalid_token", error_description="${error.message}"`;
  if (error.status === 400 && error.kind === 'client')
    return `Bearer realm="Misskey", error="invalid_request", error_description="${error.message}"`;
  return null;
}
