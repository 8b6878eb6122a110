import type * as Misskey from 'misskey-js';
import { apiFrame, type ApiReply, type OutgoingFrame } from './protocol';

export const DEFAULT_API_TIMEOUT_MS = 15_000;

/** A Misskey error answered over the stream; `error` is the server's error object as sent. */
export class StreamApiError extends Error {
  readonly error: Misskey.api.APIError;

  constructor(endpoint: string, error: Misskey.api.APIError) {
    super(`${endpoint}: ${error.code}${error.message ? ` (${error.message})` : ''}`);
    this.name = 'StreamApiError';
    this.error = error;
  }
}

interface PendingCall {
  endpoint: string;
  resolve: (res: unknown) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The legacy `api` transport of servers older than 12.111.0: a request frame with an id, answered
 * by an `api:ID` frame. Newer servers never answer, so every call also has a timeout.
 */
export function createApiOverStream(send: (frame: OutgoingFrame) => void) {
  const pending = new Map<string, PendingCall>();
  let lastId = 0;

  function call(endpoint: string, data: Record<string, unknown>, timeoutMs = DEFAULT_API_TIMEOUT_MS): Promise<unknown> {
    const id = `a${++lastId}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        // Named like fetch's timeout so the REST error model reports it as one.
        reject(new DOMException(`${endpoint}: no answer over the stream within ${timeoutMs} ms`, 'TimeoutError'));
      }, timeoutMs);
      pending.set(id, { endpoint, resolve, reject, timer });
      send(apiFrame(id, endpoint, data));
    });
  }

  /** Settles the call with this id; false when no call is waiting for it. */
  function settle(id: string, reply: ApiReply): boolean {
    const call = pending.get(id);
    if (!call) return false;
    pending.delete(id);
    clearTimeout(call.timer);
    if ('error' in reply) call.reject(new StreamApiError(call.endpoint, reply.error));
    else call.resolve(reply.res);
    return true;
  }

  /** The answers belong to the socket that carried the request, so a closed socket fails them all. */
  function rejectAll(reason: string): void {
    for (const [id, call] of pending) {
      pending.delete(id);
      clearTimeout(call.timer);
      // A TypeError, like a failed fetch: the error model calls it a network failure.
      call.reject(new TypeError(`${call.endpoint}: ${reason}`));
    }
  }

  return { call, settle, rejectAll };
}
