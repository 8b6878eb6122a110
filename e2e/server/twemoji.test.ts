import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { standInForTests } from './testing.ts';

// /twemoji/*.svg against the recordings of Misskey 2024.10.1 (second batch): status, the kept
// headers (content-type, cache-control; no CORS header), and the SVG or Fastify's JSON 404.
const FIXTURES = new URL('../../src/testing/fixtures/', import.meta.url);
const fixture = (name: string): any => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const KEPT = ['content-type', 'cache-control', 'access-control-allow-origin'];

const { server } = standInForTests();

describe('/twemoji/<codepoints>.svg', () => {
  it.each(['1f44d', '2764', '31-20e3', '1f468-200d-1f469-200d-1f467', 'missing'])(
    'answers like 2024.10.1 for %s',
    async (name) => {
      const recorded = fixture(`rest-twemoji-${name}.json`);
      const res = await fetch(`${server.url}${recorded.request.endpoint}`);
      expect(res.status).toBe(recorded.status);
      const headers = Object.fromEntries(KEPT.flatMap((k) => (res.headers.has(k) ? [[k, res.headers.get(k)]] : [])));
      expect(headers).toEqual(recorded.headers);
      const text = await res.text();
      if (recorded.response) expect(JSON.parse(text)).toEqual(recorded.response);
      else expect(text.slice(0, 62)).toBe(recorded.rawBody.slice(0, 62));
    },
  );

  it('answers an empty 404 for a name that is not code points', async () => {
    for (const path of ['/twemoji/..%2Fpackage.json', '/twemoji/1F44D.svg', '/twemoji/1f44d.png']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toBe('');
    }
  });
});
