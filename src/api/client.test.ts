import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi, isLegacyVersion, normalizeOrigin } from './client.ts';
import { versionAtLeast } from './version.ts';
import { ApiError } from './errors.ts';
import { replayFetch } from '@/testing/replayFetch.ts';

import showPlain from '@/testing/fixtures/rest-notes-show-plain.json';
import reactionsCreate from '@/testing/fixtures/rest-notes-reactions-create.json';
import driveFilesCreate from '@/testing/fixtures/rest-drive-files-create.json';

const origin = 'https://misskey.example';
const token = 'tok-abcdefghijklmnopqrstuvwxyz012';

describe('createApi requests', () => {
  it('posts JSON with the token in the body, never in the URL', async () => {
    const { fetch, sent } = replayFetch(showPlain);
    const api = createApi({ origin, token, fetch });
    const note = await api.request('notes/show', { noteId: 'atwfsphmetl0024a' });
    expect(note.id).toBe('atwfsphmetl0024a');
    expect(note.text).toBe(showPlain.response.text);
    const [req] = sent;
    expect(req?.url).toBe(`${origin}/api/notes/show`);
    expect(req?.url).not.toContain(token);
    expect(req?.init.method).toBe('POST');
    expect(req?.init.credentials).toBe('omit');
    expect(req?.body).toEqual({ noteId: 'atwfsphmetl0024a', i: token });
  });

  it('leaves `i` out for guests', async () => {
    const { fetch, sent } = replayFetch(showPlain);
    const api = createApi({ origin, token: null, fetch });
    await api.request('notes/show', { noteId: 'atwfsphmetl0024a' });
    expect(sent[0]?.body).not.toHaveProperty('i');
  });

  it('resolves a 204 with null', async () => {
    const { fetch } = replayFetch(reactionsCreate);
    const api = createApi({ origin, token, fetch });
    await expect(api.request('notes/reactions/create', { noteId: 'atwfspnuetl0024k', reaction: '❤' })).resolves.toBeNull();
  });

  it('calls endpoints misskey-js does not type', async () => {
    const { fetch, sent } = replayFetch({ status: 200, headers: {}, response: { ok: false } });
    const api = createApi({ origin, token: null, fetch });
    await expect(api.requestRaw<{ ok: boolean }>('miauth/0b7c/check', {})).resolves.toEqual({ ok: false });
    expect(sent[0]?.url).toBe(`${origin}/api/miauth/0b7c/check`);
  });

  it('normalises the origin it is given', () => {
    const api = createApi({ origin: 'misskey.example/', token, fetch: replayFetch(showPlain).fetch });
    expect(api.origin).toBe(origin);
  });
});

describe('legacy servers: calls over the stream', () => {
  it('routes every call to viaStream and never fetches', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const viaStream = vi.fn(async () => ({ id: 'n1' }));
    const api = createApi({ origin, token, fetch, viaStream });
    await expect(api.request('notes/show', { noteId: 'n1' })).resolves.toEqual({ id: 'n1' });
    expect(viaStream).toHaveBeenCalledWith('notes/show', { noteId: 'n1' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('falls back to HTTP while the stream cannot carry the call', async () => {
    const { fetch, sent } = replayFetch(showPlain);
    const viaStream = vi.fn(() => null);
    const api = createApi({ origin, token, fetch, viaStream });
    await expect(api.request('notes/show', { noteId: 'n1' })).resolves.toMatchObject({ id: showPlain.response.id });
    expect(viaStream).toHaveBeenCalledOnce();
    expect(sent).toHaveLength(1);
  });

  it('maps stream transport failures into the error model', async () => {
    const viaStream = vi
      .fn()
      .mockRejectedValueOnce({ code: 'NO_SUCH_NOTE', kind: 'client', message: 'No such note.', id: '24fcbfc6' })
      .mockRejectedValueOnce(new DOMException('no api: reply', 'TimeoutError'));
    const api = createApi({ origin, token, viaStream });
    await expect(api.request('notes/show', { noteId: 'x' })).rejects.toMatchObject({ kind: 'client', code: 'NO_SUCH_NOTE' });
    await expect(api.request('notes/show', { noteId: 'x' })).rejects.toMatchObject({ kind: 'timeout', endpoint: 'notes/show' });
  });
});

describe('normalizeOrigin', () => {
  it.each([
    ['misskey.io', 'https://misskey.io'],
    ['https://misskey.io/', 'https://misskey.io'],
    ['  https://Misskey.IO  ', 'https://misskey.io'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['localhost:3000', 'https://localhost:3000'],
    ['https://misskey.io/notes/abc', 'https://misskey.io'],
    ['http://[::1]:3000/', 'http://[::1]:3000'],
  ])('%s → %s', (input, expected) => expect(normalizeOrigin(input)).toBe(expected));

  it.each(['', 'not a server', 'misskey', 'ftp://misskey.io', 'javascript:alert(1)', 'https://user:pw@misskey.io', 'https://'])(
    'rejects %j',
    (input) => {
      expect(() => normalizeOrigin(input)).toThrow(ApiError);
      try {
        normalizeOrigin(input);
      } catch (e) {
        expect((e as ApiError).code).toBe('INVALID_ORIGIN');
      }
    },
  );
});

describe('isLegacyVersion', () => {
  it.each([
    ['12.110.1', true],
    ['12.0.0', true],
    ['11.37.1', true],
    ['12.111.0', false],
    ['12.119.2', false],
    ['13.14.2', false],
    ['2024.10.1', false],
    ['2025.4.1-mhq.13', false],
    ['2023.12.0-beta.1', false],
    ['garbage', false],
  ])('%s → %s', (version, legacy) => expect(isLegacyVersion(version)).toBe(legacy));
});

// The smallest XMLHttpRequest the upload path needs; `respond`/`fail` play the server.
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  body: FormData | null = null;
  status = 0;
  responseText = '';
  withCredentials = true;
  headers: Record<string, string> = {};
  upload: { onprogress: ((ev: { loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  getResponseHeader(name: string) {
    return this.headers[name.toLowerCase()] ?? null;
  }
  respond(status: number, body: string, headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = body;
    this.headers = headers;
    this.onload?.();
  }
}

describe('upload', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeXhr.last = null;
  });

  function startUpload(progress: [number, number][] = [], signal?: AbortSignal) {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const api = createApi({ origin, token, fetch: vi.fn<typeof fetch>() });
    const file = new Blob([new Uint8Array(3653)], { type: 'image/png' });
    const promise = api.upload(
      file,
      { name: 'fixture-image.png', isSensitive: true, folderId: null },
      (loaded, total) => progress.push([loaded, total]),
      signal,
    );
    const xhr = FakeXhr.last;
    if (!xhr) throw new Error('no XHR was opened');
    return { promise, xhr };
  }

  it('sends multipart to drive/files/create, reports progress and resolves the DriveFile', async () => {
    const progress: [number, number][] = [];
    const { promise, xhr } = startUpload(progress);
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(`${origin}/api/drive/files/create`);
    expect(xhr.url).not.toContain(token);
    expect(xhr.withCredentials).toBe(false);
    expect(xhr.body?.get('i')).toBe(token);
    expect(xhr.body?.get('name')).toBe('fixture-image.png');
    expect(xhr.body?.get('isSensitive')).toBe('true');
    expect(xhr.body?.has('folderId')).toBe(false);
    expect(xhr.body?.get('file')).toBeInstanceOf(Blob);
    xhr.upload.onprogress?.({ loaded: 1000, total: 3653 });
    xhr.upload.onprogress?.({ loaded: 3653, total: 3653 });
    xhr.respond(200, JSON.stringify(driveFilesCreate.response));
    const file = await promise;
    expect(file.id).toBe(driveFilesCreate.response.id);
    expect(progress).toEqual([
      [1000, 3653],
      [3653, 3653],
    ]);
  });

  it('maps a 413 to a client error', async () => {
    const { promise, xhr } = startUpload();
    xhr.respond(413, '');
    await expect(promise).rejects.toMatchObject({ kind: 'client', status: 413, endpoint: 'drive/files/create' });
  });

  it('maps a 429 with Retry-After', async () => {
    const { promise, xhr } = startUpload();
    xhr.respond(429, JSON.stringify({ error: { code: 'RATE_LIMIT_EXCEEDED', message: 'm', id: 'd5826d14', kind: 'client' } }), {
      'retry-after': '30',
    });
    await expect(promise).rejects.toMatchObject({ kind: 'rate-limited', retryAfterSec: 30 });
  });

  it('maps a dropped connection to network and an abort to aborted', async () => {
    const first = startUpload();
    first.xhr.onerror?.();
    await expect(first.promise).rejects.toMatchObject({ kind: 'network' });
    const controller = new AbortController();
    const second = startUpload([], controller.signal);
    controller.abort();
    await expect(second.promise).rejects.toMatchObject({ kind: 'aborted' });
  });
});

describe('versionAtLeast', () => {
  it.each([
    ['12.27.0', '12.27.0', true],
    ['12.26.9', '12.27.0', false],
    ['2024.10.1', '12.27.0', true],
    ['11.37.1-pre', '12.27.0', false],
    ['not-a-version', '12.27.0', true],
  ])('%s ≥ %s → %s', (version, minimum, expected) => expect(versionAtLeast(version, minimum)).toBe(expected));
});
