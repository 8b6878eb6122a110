// One error model for every REST failure, so the UI shows a failure the same way wherever it happens.

export type ApiErrorKind =
  | 'session-expired'
  | 'permission-denied'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'offline'
  | 'not-found'
  | 'client'
  | 'timeout'
  | 'aborted';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  endpoint: string;
  message: string;
  status?: number | null;
  code?: string | null;
  misskeyId?: string | null;
  info?: Record<string, unknown> | null;
  retryAfterSec?: number | null;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly endpoint: string;
  /** Misskey's `error.code`, e.g. 'ALREADY_REACTED'; tell errors apart by this, never by message. */
  readonly code: string | null;
  readonly misskeyId: string | null;
  readonly info: Record<string, unknown> | null;
  readonly retryAfterSec: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.endpoint = init.endpoint;
    this.code = init.code ?? null;
    this.misskeyId = init.misskeyId ?? null;
    this.info = init.info ?? null;
    this.retryAfterSec = init.retryAfterSec ?? null;
  }
}

/** What the client's fetch saw of a response that was not a success. */
export interface HttpFailure {
  status: number;
  retryAfter: string | null;
  body: string;
}

interface MisskeyErrorBody {
  code: string;
  message: string;
  id: string | null;
  kind: string | null;
  info: Record<string, unknown> | null;
}

const SESSION_CODES = new Set(['AUTHENTICATION_FAILED', 'CREDENTIAL_REQUIRED']);
// [24.10] sends ACCESS_DENIED as 400, MisskeyIO as 403: both mean the token may not do this.
const PERMISSION_CODES = new Set([
  'PERMISSION_DENIED',
  'ROLE_PERMISSION_DENIED',
  'ACCESS_DENIED',
  'YOUR_ACCOUNT_SUSPENDED',
  'YOUR_ACCOUNT_MOVED',
  'USER_IS_DELETED',
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a Misskey `{code, message, id, kind, info}` error; anything else (Fastify's 404, HTML) is null. */
function readMisskeyError(v: unknown): MisskeyErrorBody | null {
  if (!isRecord(v) || typeof v.code !== 'string') return null;
  return {
    code: v.code,
    message: typeof v.message === 'string' ? v.message : v.code,
    id: typeof v.id === 'string' ? v.id : null,
    kind: typeof v.kind === 'string' ? v.kind : null,
    info: isRecord(v.info) ? v.info : null,
  };
}

function parseBodyError(body: string): MisskeyErrorBody | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return isRecord(parsed) ? readMisskeyError(parsed.error) : null;
  } catch {
    return null;
  }
}

/** Retry-After is whole seconds or an HTTP date; Misskey's info.resetMs is the fallback. */
export function parseRetryAfter(header: string | null, info: Record<string, unknown> | null, now = Date.now()): number | null {
  if (header != null && header.trim() !== '') {
    const trimmed = header.trim();
    if (/^\d+$/.test(trimmed)) return Number(trimmed);
    const date = Date.parse(trimmed);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const resetMs = info?.resetMs;
  if (typeof resetMs === 'number' && Number.isFinite(resetMs)) return Math.max(0, Math.ceil((resetMs - now) / 1000));
  return null;
}

function kindFromStatus(status: number, err: MisskeyErrorBody | null): ApiErrorKind {
  if (status === 401) return 'session-expired';
  if (status === 403) return 'permission-denied';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  if (status === 404) return 'not-found';
  if (err && PERMISSION_CODES.has(err.code)) return 'permission-denied';
  // A 2xx/3xx that ended up here had a body we could not read: the server (or a proxy) misbehaved.
  return status >= 400 ? 'client' : 'server-error';
}

function kindFromCode(err: MisskeyErrorBody): ApiErrorKind {
  if (SESSION_CODES.has(err.code)) return 'session-expired';
  if (err.code === 'RATE_LIMIT_EXCEEDED') return 'rate-limited';
  if (err.kind === 'permission' || PERMISSION_CODES.has(err.code)) return 'permission-denied';
  if (err.kind === 'server' || err.code === 'INTERNAL_ERROR') return 'server-error';
  if (err.code === 'UNKNOWN_API_ENDPOINT') return 'not-found';
  return 'client';
}

function errorName(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const name = (e as { name?: unknown }).name;
  return typeof name === 'string' ? name : null;
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * Maps whatever a call rejected with to an ApiError. `http` is the failed response the client
 * recorded; without it the error is read from its own shape (a Misskey error object from the
 * stream transport, a fetch TypeError, an AbortError, ...).
 */
export function toApiError(e: unknown, endpoint: string, http?: HttpFailure | null): ApiError {
  if (e instanceof ApiError) return e;
  const name = errorName(e);
  if (name === 'AbortError') return new ApiError({ kind: 'aborted', endpoint, message: 'Request aborted', cause: e });
  if (name === 'TimeoutError') return new ApiError({ kind: 'timeout', endpoint, message: 'Request timed out', cause: e });

  if (http) {
    const err = parseBodyError(http.body);
    const kind = kindFromStatus(http.status, err);
    return new ApiError({
      kind,
      endpoint,
      status: http.status,
      message: err?.message ?? `HTTP ${http.status} from ${endpoint}`,
      code: err?.code,
      misskeyId: err?.id,
      info: err?.info,
      retryAfterSec: kind === 'rate-limited' ? parseRetryAfter(http.retryAfter, err?.info ?? null) : null,
      cause: e,
    });
  }

  // Either the server's error object itself, or an Error wrapping it as `error` (the stream transport's).
  const err = readMisskeyError(e) ?? (isRecord(e) ? readMisskeyError(e.error) : null);
  if (err) {
    const kind = kindFromCode(err);
    return new ApiError({
      kind,
      endpoint,
      message: err.message,
      code: err.code,
      misskeyId: err.id,
      info: err.info,
      retryAfterSec: kind === 'rate-limited' ? parseRetryAfter(null, err.info) : null,
    });
  }
  // fetch rejects with a TypeError when no response arrived at all.
  if (e instanceof TypeError) {
    return new ApiError({ kind: isOffline() ? 'offline' : 'network', endpoint, message: e.message, cause: e });
  }
  // A body that is not JSON makes misskey-js throw SyntaxError: a proxy page, not Misskey.
  if (e instanceof SyntaxError) return new ApiError({ kind: 'server-error', endpoint, message: e.message, cause: e });
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError({ kind: 'client', endpoint, message, cause: e });
}

const KIND_KEYS: Record<ApiErrorKind, string> = {
  'session-expired': 'errors.sessionExpired',
  'permission-denied': 'errors.permissionDenied',
  'rate-limited': 'errors.rateLimited',
  'server-error': 'errors.serverError',
  network: 'errors.network',
  offline: 'errors.offline',
  'not-found': 'errors.notFound',
  client: 'errors.client',
  timeout: 'errors.timeout',
  aborted: 'errors.aborted',
};

/** An i18n key plus params; the app translates it. */
export function describeApiError(e: ApiError): { key: string; params: Record<string, unknown> } {
  if (e.kind === 'rate-limited') {
    return e.retryAfterSec == null
      ? { key: 'errors.rateLimitedNoWait', params: {} }
      : { key: 'errors.rateLimited', params: { seconds: e.retryAfterSec, minutes: Math.ceil(e.retryAfterSec / 60) } };
  }
  if (e.code === 'INVALID_PARAM') {
    return { key: 'errors.invalidParam', params: { param: String(e.info?.param ?? ''), reason: String(e.info?.reason ?? '') } };
  }
  if (e.code === 'INVALID_ORIGIN') return { key: 'errors.invalidOrigin', params: {} };
  return { key: KIND_KEYS[e.kind], params: { status: e.status ?? '', code: e.code ?? '', message: e.message } };
}
