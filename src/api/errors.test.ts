import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from './client.ts';
import { ApiError, describeApiError, parseRetryAfter, toApiError, type ApiErrorKind } from './errors.ts';
import { replayFetch, type RecordedExchange } from '@/testing/replayFetch.ts';

import badToken from '@/testing/fixtures/rest-error-401-bad-token.json';
import credentialRequired from '@/testing/fixtures/rest-error-401-credential-required.json';
import alreadyReacted from '@/testing/fixtures/rest-error-400-already-reacted.json';
import alreadyVoted from '@/testing/fixtures/rest-error-400-already-voted.json';
import textTooLong from '@/testing/fixtures/rest-error-400-invalid-param-text-too-long.json';
import badVisibility from '@/testing/fixtures/rest-error-400-invalid-param-visibility.json';
import noSuchNote from '@/testing/fixtures/rest-error-400-no-such-note.json';
import notReacted from '@/testing/fixtures/rest-error-400-not-reacted-no-rate-limit.json';
import unknownPost from '@/testing/fixtures/rest-error-404-unknown-endpoint-post.json';
import unknownGet from '@/testing/fixtures/rest-error-404-unknown-endpoint-get.json';
import getOnPostOnly from '@/testing/fixtures/rest-error-405-get-on-post-only-endpoint.json';
import rateLimit from '@/testing/fixtures/rest-error-429-rate-limit.json';

async function failWith(exchange: RecordedExchange, endpoint = 'notes/show'): Promise<ApiError> {
  const api = createApi({ origin: 'https://misskey.example', token: 'secret-token', fetch: replayFetch(exchange).fetch });
  const err = await api.requestRaw(endpoint, {}).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

const htmlHeaders = { 'content-type': 'text/html' };

describe('REST failures from recorded fixtures', () => {
  const cases: [string, RecordedExchange, ApiErrorKind, number, string | null][] = [
    ['401 bad token', badToken, 'session-expired', 401, 'AUTHENTICATION_FAILED'],
    ['401 credential required', credentialRequired, 'session-expired', 401, 'CREDENTIAL_REQUIRED'],
    ['400 already reacted', alreadyReacted, 'client', 400, 'ALREADY_REACTED'],
    ['400 already voted', alreadyVoted, 'client', 400, 'ALREADY_VOTED'],
    ['400 text too long', textTooLong, 'client', 400, 'INVALID_PARAM'],
    ['400 bad visibility', badVisibility, 'client', 400, 'INVALID_PARAM'],
    ['400 no such note', noSuchNote, 'client', 400, 'NO_SUCH_NOTE'],
    ['400 not reacted', notReacted, 'client', 400, 'NOT_REACTED'],
    ['404 Fastify body on POST', unknownPost, 'not-found', 404, null],
    ['404 Misskey body on GET', unknownGet, 'not-found', 404, 'UNKNOWN_API_ENDPOINT'],
    ['405 empty body', getOnPostOnly, 'client', 405, null],
    ['429 rate limit', rateLimit, 'rate-limited', 429, 'RATE_LIMIT_EXCEEDED'],
  ];
  it.each(cases)('%s', async (_name, exchange, kind, status, code) => {
    const err = await failWith(exchange);
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
    expect(err.code).toBe(code);
    expect(err.endpoint).toBe('notes/show');
  });

  it('keeps the Misskey id and info', async () => {
    const err = await failWith(textTooLong);
    expect(err.misskeyId).toBe('3d81ceae-475f-4600-b2a8-2bc116157532');
    expect(err.info).toEqual({ param: '#/then/properties/text/maxLength', reason: 'must NOT have more than 3000 characters' });
    expect(describeApiError(err)).toEqual({
      key: 'errors.invalidParam',
      params: { param: '#/then/properties/text/maxLength', reason: 'must NOT have more than 3000 characters' },
    });
  });

  it('reads the wait from Retry-After on 429', async () => {
    const err = await failWith(rateLimit);
    expect(err.retryAfterSec).toBe(3600);
    expect(describeApiError(err)).toEqual({ key: 'errors.rateLimited', params: { seconds: 3600, minutes: 60 } });
  });

  it('maps 403 to permission-denied', async () => {
    const err = await failWith({
      status: 403,
      headers: { 'content-type': 'application/json' },
      response: {
        error: {
          message: 'Your app does not have the necessary permissions.',
          code: 'PERMISSION_DENIED',
          id: '1370e5b7-d4eb-4566-bb1d-7748ee6a1838',
          kind: 'permission',
        },
      },
    });
    expect(err.kind).toBe('permission-denied');
    expect(err.code).toBe('PERMISSION_DENIED');
  });

  it('maps [24.10] ACCESS_DENIED (sent as 400) to permission-denied', async () => {
    const err = await failWith({
      status: 400,
      headers: {},
      response: {
        error: { message: 'Access denied.', code: 'ACCESS_DENIED', id: 'fe8d7103-0ea8-4ec3-814d-f8b401dc69e9', kind: 'client' },
      },
    });
    expect(err.kind).toBe('permission-denied');
  });

  it('maps a JSON 500 to server-error', async () => {
    const err = await failWith({
      status: 500,
      headers: { 'content-type': 'application/json' },
      response: {
        error: {
          message: 'Internal error occurred.',
          code: 'INTERNAL_ERROR',
          id: '5d37dbcb-891e-41ca-a3d6-e690c97775ac',
          kind: 'server',
          info: { e: { message: 'boom' } },
        },
      },
    });
    expect(err.kind).toBe('server-error');
    expect(err.code).toBe('INTERNAL_ERROR');
  });

  it.each([502, 503, 504])('maps an HTML %i from a proxy to server-error', async (status) => {
    const err = await failWith({
      status,
      headers: htmlHeaders,
      response: null,
      rawBody: '<html><body>Bad Gateway</body></html>',
    });
    expect(err.kind).toBe('server-error');
    expect(err.status).toBe(status);
    expect(err.code).toBeNull();
    expect(describeApiError(err).key).toBe('errors.serverError');
  });

  it('maps a 200 whose body is not JSON to server-error', async () => {
    const err = await failWith({ status: 200, headers: htmlHeaders, response: null, rawBody: '<html>captive portal</html>' });
    expect(err.kind).toBe('server-error');
  });
});

describe('failures without a response', () => {
  afterEach(() => vi.restoreAllMocks());

  function apiWithFetch(f: typeof fetch) {
    return createApi({ origin: 'https://misskey.example', token: null, fetch: f });
  }

  it('maps a fetch TypeError to network while online', async () => {
    const api = apiWithFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.requestRaw('meta', {})).rejects.toMatchObject({ kind: 'network', status: null });
  });

  it('maps a fetch TypeError to offline when the browser is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const api = apiWithFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.requestRaw('meta', {})).rejects.toMatchObject({ kind: 'offline' });
  });

  it('maps an aborted call to aborted and a timed-out one to timeout', async () => {
    const { fetch } = replayFetch({ status: 200, headers: {}, response: {} });
    const api = apiWithFetch(fetch);
    const aborted = new AbortController();
    aborted.abort();
    await expect(api.requestRaw('meta', {}, { signal: aborted.signal })).rejects.toMatchObject({ kind: 'aborted' });
    const timedOut = new AbortController();
    timedOut.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    await expect(api.requestRaw('meta', {}, { signal: timedOut.signal })).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('toApiError on bare Misskey error objects (the stream transport)', () => {
  it.each([
    ['AUTHENTICATION_FAILED', 'client', 'session-expired'],
    ['RATE_LIMIT_EXCEEDED', 'client', 'rate-limited'],
    ['PERMISSION_DENIED', 'permission', 'permission-denied'],
    ['INTERNAL_ERROR', 'server', 'server-error'],
    ['NO_SUCH_NOTE', 'client', 'client'],
  ] as const)('%s → %s', (code, kind, expected) => {
    const err = toApiError({ code, kind, message: 'm', id: 'x' }, 'notes/show');
    expect(err.kind).toBe(expected);
    expect(err.code).toBe(code);
    expect(err.status).toBeNull();
  });

  it('reads a Misskey error wrapped in an Error as `error`', () => {
    const wrapped = Object.assign(new Error('notes/show: NO_SUCH_NOTE'), {
      error: { code: 'NO_SUCH_NOTE', kind: 'client', message: 'No such note.', id: '24fcbfc6-2e37-42b6-8388-c29b3861a08d' },
    });
    expect(toApiError(wrapped, 'notes/show')).toMatchObject({
      kind: 'client',
      code: 'NO_SUCH_NOTE',
      misskeyId: '24fcbfc6-2e37-42b6-8388-c29b3861a08d',
    });
  });

  it('passes an ApiError through unchanged', () => {
    const original = new ApiError({ kind: 'offline', endpoint: 'i', message: 'offline' });
    expect(toApiError(original, 'other')).toBe(original);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T06:00:00Z');
  it('reads whole seconds', () => expect(parseRetryAfter('120', null, now)).toBe(120));
  it('reads an HTTP date', () => expect(parseRetryAfter('Mon, 23 Nov 2026 06:01:30 GMT', null, now)).toBe(90));
  it('falls back to info.resetMs', () => expect(parseRetryAfter(null, { resetMs: now + 2500 }, now)).toBe(3));
  it('is null when nothing says how long', () => expect(parseRetryAfter(null, null, now)).toBeNull());
  it('never goes negative', () => expect(parseRetryAfter('Mon, 23 Nov 2026 05:00:00 GMT', null, now)).toBe(0));

  it('describes a 429 without a wait', () => {
    const err = new ApiError({ kind: 'rate-limited', endpoint: 'x', message: 'm' });
    expect(describeApiError(err)).toEqual({ key: 'errors.rateLimitedNoWait', params: {} });
  });
});
