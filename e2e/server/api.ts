import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, type Caller } from './auth.ts';
import type { Db } from './db.ts';
import { ApiError, errors, wwwAuthenticate } from './errors.ts';
import type { Faults } from './faults.ts';
import { CORS, readBody, sendEmpty, sendJson, sendText } from './http.ts';
import { invoke } from './invoke.ts';
import { checkMiAuth } from './miauth.ts';
import type { Params } from './params.ts';
import { endpoints } from './rest/index.ts';

// POST /api/<endpoint> (and GET where allowed), answering like Misskey 2024.10.1 behind Fastify.

const NO_STORE = { 'Cache-Control': 'private, max-age=0, must-revalidate' };

function sendError(res: ServerResponse, error: ApiError, extra: Record<string, string> = {}): void {
  const auth = wwwAuthenticate(error);
  sendJson(res, error.status, error.body(), { ...(auth ? { 'WWW-Authenticate': auth } : {}), ...NO_STORE, ...CORS, ...extra });
}

interface ParsedRequest {
  params: Params;
  file?: File;
}

async function parseRequest(req: IncomingMessage, url: URL): Promise<ParsedRequest> {
  if (req.method === 'GET') return { params: queryParams(url) };
  const body = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://x', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(body),
    }).formData();
    const params: Params = {};
    let file: File | undefined;
    for (const [key, value] of form) {
      if (typeof value === 'string') params[key] = value;
      else if (key === 'file') file = value;
    }
    return file ? { params, file } : { params };
  }
  if (body.length === 0) return { params: {} };
  const parsed: unknown = JSON.parse(body.toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw errors.invalidParam('#/type', 'must be object');
  return { params: parsed as Params };
}

// Query strings carry only text; like Misskey's GET handling, numbers and booleans are coerced.
function queryParams(url: URL): Params {
  const params: Params = {};
  for (const [key, value] of url.searchParams) {
    if (value === 'true' || value === 'false') params[key] = value === 'true';
    else if (/^(limit|offset|sinceDate|untilDate)$/.test(key) && /^\d+$/.test(value)) params[key] = Number(value);
    else params[key] = value;
  }
  return params;
}

function tokenOf(req: IncomingMessage, params: Params): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return typeof params.i === 'string' ? params.i : undefined;
}

async function applyFault(res: ServerResponse, faults: Faults | null, name: string): Promise<boolean> {
  const fault = faults?.take(name);
  if (!fault) return false;
  switch (fault.mode) {
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      return false;
    case '500':
      sendError(res, errors.internalError({ e: { message: 'Injected failure', code: 'Error', id: '' } }));
      return true;
    case '429': {
      const resetMs = Date.now() + fault.retryAfter * 1000;
      const error = errors.rateLimitExceeded({ remaining: 0, reset: Math.ceil(resetMs / 1000), resetMs, total: 1 });
      sendError(res, error, { 'Retry-After': String(fault.retryAfter) });
      return true;
    }
    case '502-html':
      sendText(
        res,
        502,
        'text/html',
        '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
        CORS,
      );
      return true;
  }
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  db: Db,
  faults: Faults | null,
): Promise<void> {
  if (req.method === 'OPTIONS') {
    sendEmpty(res, 204, {
      ...CORS,
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Authorization',
      'Access-Control-Max-Age': '86400',
    });
    return;
  }
  const name = url.pathname.slice('/api/'.length);
  const miauth = /^miauth\/([^/]+)\/check$/.exec(name);
  if (miauth && req.method === 'POST') {
    sendJson(res, 200, checkMiAuth(db, decodeURIComponent(miauth[1]!)), { ...NO_STORE, ...CORS });
    return;
  }
  const endpoint = endpoints[name];
  if (!endpoint || (endpoint.modernOnly && !db.modern)) {
    if (req.method === 'GET') sendError(res, errors.unknownEndpoint());
    else sendJson(res, 404, { message: `Route ${req.method}:${url.pathname} not found`, error: 'Not Found', statusCode: 404 });
    return;
  }
  if (req.method !== 'POST' && !(req.method === 'GET' && endpoint.allowGet)) {
    sendEmpty(res, 405, { ...NO_STORE, ...CORS });
    return;
  }
  try {
    const { params, file } = await parseRequest(req, url);
    if (await applyFault(res, faults, name)) return;
    // An upload the client cancelled while it was held up never completed: nothing is stored.
    if (file && req.socket.destroyed) return;
    const caller: Caller | null | undefined = authenticate(db, tokenOf(req, params));
    if (caller === null) throw errors.authenticationFailed();
    const result = await invoke(db, name, params, caller, file);
    const cache =
      req.method === 'GET' && !caller && endpoint.cacheSec
        ? { 'Cache-Control': `public, max-age=${endpoint.cacheSec}` }
        : NO_STORE;
    if (result === undefined) sendEmpty(res, 204, { ...cache, ...CORS });
    else sendJson(res, 200, result, { ...cache, ...CORS });
  } catch (error) {
    if (error instanceof ApiError) sendError(res, error);
    else if (error instanceof SyntaxError)
      sendJson(
        res,
        400,
        {
          statusCode: 400,
          code: 'FST_ERR_CTP_INVALID_JSON_BODY',
          error: 'Bad Request',
          message: "Body is not valid JSON but content-type is set to 'application/json'",
        },
        CORS,
      );
    else sendError(res, errors.internalError({ e: { message: String(error), code: 'Error', id: '' } }));
  }
}
