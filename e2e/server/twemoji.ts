import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { sendEmpty, sendJson, sendText } from './http.ts';

// /twemoji/<codepoints>.svg: the Twemoji images Misskey 2024.10 serves itself (static files, no
// CORS header, cached 30 days). A name of the right form without a file gets Fastify's JSON 404;
// any other name an empty 404, as the real route answers.
const SVG_DIR = dirname(createRequire(import.meta.url).resolve('@twemoji/svg/1f44d.svg'));
const NAME = /^[0-9a-f-]+\.svg$/;

export async function serveTwemoji(res: ServerResponse, path: string): Promise<void> {
  const name = path.slice('/twemoji/'.length);
  if (!NAME.test(name)) return sendEmpty(res, 404);
  let svg: Buffer;
  try {
    svg = await readFile(join(SVG_DIR, name));
  } catch {
    return sendJson(res, 404, { message: `Route GET:${path} not found`, error: 'Not Found', statusCode: 404 });
  }
  sendText(res, 200, 'image/svg+xml', svg, { 'Cache-Control': 'public, max-age=2592000' });
}
