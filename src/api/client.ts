// Subpath imports: the package root also pulls in its Stream class, which we never use.
import * as misskeyApi from 'misskey-js/api.js';
import type * as Misskey from 'misskey-js';
import { ApiError, toApiError, type HttpFailure } from './errors.ts';
export { isLegacyVersion } from './version.ts';

export interface ApiOptions {
  origin: string;
  token: string | null;
  fetch?: typeof fetch;
  /**
   * Legacy servers (< 12.111.0): route calls over the stream instead of HTTP. Returning null
   * (the stream is not open right now) sends that call over HTTP, which those servers also answer.
   */
  viaStream?: (endpoint: string, data: Record<string, unknown>) => Promise<unknown> | null;
}

export interface UploadFields {
  name?: string;
  folderId?: string | null;
  isSensitive?: boolean;
  comment?: string | null;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface Api {
  readonly origin: string;
  readonly token: string | null;
  request<E extends keyof Misskey.Endpoints, P extends Misskey.Endpoints[E]['req']>(
    endpoint: E,
    params: P,
    opts?: RequestOptions,
  ): Promise<Misskey.api.SwitchCaseResponseType<E, P>>;
  /** Endpoints misskey-js does not type, e.g. `miauth/{session}/check`. */
  requestRaw<T>(endpoint: string, params: Record<string, unknown>, opts?: RequestOptions): Promise<T>;
  /** Multipart upload to drive/files/create over XHR, because fetch cannot report upload progress. */
  upload(
    file: Blob,
    fields: UploadFields,
    onProgress?: (loaded: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<Misskey.entities.DriveFile>;
}

/** Turns what a user types ('misskey.io', 'https://misskey.io/', 'http://127.0.0.1:3000') into an origin. */
export function normalizeOrigin(input: string): string {
  const trimmed = input.trim();
  const invalid = () =>
    new ApiError({
      kind: 'client',
      endpoint: '',
      code: 'INVALID_ORIGIN',
      message: `Not a server address: ${trimmed}`,
    });
  if (trimmed === '' || /\s/.test(trimmed)) throw invalid();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid();
  }
  const host = url.hostname;
  const plausibleHost = host.includes('.') || host.startsWith('[') || host === 'localhost';
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !plausibleHost) {
    throw invalid();
  }
  return url.origin;
}

type UntypedRequest = (endpoint: string, params: Record<string, unknown>) => Promise<unknown>;

export function createApi(opts: ApiOptions): Api {
  const origin = normalizeOrigin(opts.origin);
  const token = opts.token;
  const baseFetch: typeof fetch = opts.fetch ?? ((input, init) => fetch(input, init));

  async function call(endpoint: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    const overStream = opts.viaStream?.(endpoint, params);
    if (overStream) {
      try {
        return await overStream;
      } catch (e) {
        throw toApiError(e, endpoint);
      }
    }
    let failure: HttpFailure | null = null;
    // misskey-js hides the status and headers and cannot read non-JSON bodies, so record them here.
    const recordingFetch: Misskey.api.FetchLike = async (input, init) => {
      const res = await baseFetch(input, { ...init, signal });
      if (res.status === 200 || res.status === 204) return res;
      const body = await res.text();
      failure = { status: res.status, retryAfter: res.headers.get('retry-after'), body };
      return { status: res.status, json: async () => JSON.parse(body) as unknown };
    };
    // A client per call, so the signal and the recorded response belong to this call only.
    // `credential: undefined` (not null) keeps `i` out of the body for guests.
    const client = new misskeyApi.APIClient({ origin, credential: token ?? undefined, fetch: recordingFetch });
    try {
      return await (client.request as unknown as UntypedRequest).call(client, endpoint, params);
    } catch (e) {
      throw toApiError(e, endpoint, failure);
    }
  }

  function upload(
    file: Blob,
    fields: UploadFields,
    onProgress?: (loaded: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<Misskey.entities.DriveFile> {
    const endpoint = 'drive/files/create';
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(toApiError(signal.reason, endpoint));
        return;
      }
      const form = new FormData();
      if (token != null) form.append('i', token);
      form.append('file', file);
      if (fields.name != null) form.append('name', fields.name);
      if (fields.folderId != null) form.append('folderId', fields.folderId);
      if (fields.isSensitive != null) form.append('isSensitive', String(fields.isSensitive));
      if (fields.comment != null) form.append('comment', fields.comment);

      const xhr = new XMLHttpRequest();
      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      xhr.open('POST', `${origin}/api/${endpoint}`);
      xhr.withCredentials = false;
      if (onProgress) xhr.upload.onprogress = (ev) => onProgress(ev.loaded, ev.total);
      xhr.onload = () => {
        done();
        const failure: HttpFailure = {
          status: xhr.status,
          retryAfter: xhr.getResponseHeader('retry-after'),
          body: xhr.responseText,
        };
        if (xhr.status !== 200) {
          reject(toApiError(null, endpoint, failure));
          return;
        }
        try {
          resolve(JSON.parse(xhr.responseText) as Misskey.entities.DriveFile);
        } catch (e) {
          reject(toApiError(e, endpoint, failure));
        }
      };
      xhr.onerror = () => {
        done();
        reject(toApiError(new TypeError('Upload failed: no response'), endpoint));
      };
      xhr.onabort = () => {
        done();
        reject(toApiError(signal?.reason ?? new DOMException('Upload aborted', 'AbortError'), endpoint));
      };
      xhr.send(form);
    });
  }

  return {
    origin,
    token,
    request: (endpoint, params, o) => call(endpoint, params as Record<string, unknown>, o?.signal) as never,
    requestRaw: <T>(endpoint: string, params: Record<string, unknown>, o?: RequestOptions) =>
      call(endpoint, params, o?.signal) as Promise<T>,
    upload,
  };
}
