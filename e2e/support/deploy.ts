import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { E2E_CLIENT_PORT, E2E_SERVER_URL } from '../ports';

// A web server whose build can be swapped under an open app, as a deployment does: the old
// build's files are gone from it at once, the new build's index.html and service worker answer.

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The build the e2e run serves (playwright.config.ts). */
export const currentBuild = join(root, `node_modules/.e2e-dist-${E2E_CLIENT_PORT}`);

/**
 * Builds the app again into its own folder, changed the way a new release is: one lazily loaded
 * page differs (the demo server's address is spelled with a trailing slash), so that page's chunk,
 * the entry that names it, index.html and the precache list all change.
 */
export async function buildAnother(): Promise<string> {
  const outDir = join(root, `node_modules/.e2e-dist-${E2E_CLIENT_PORT}-next`);
  await promisify(execFile)(
    'npx',
    ['vite', 'build', '--mode', 'e2e', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'],
    { cwd: root, env: { ...process.env, VITE_DEMO_SERVER: `${E2E_SERVER_URL}/` } },
  );
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface Deployment {
  url: string;
  deploy(dir: string): void;
  close(): Promise<void>;
}

/** Serves `dir` on a free port: files as they are, every other path the app's index.html (no caching). */
export async function serveBuild(dir: string): Promise<Deployment> {
  let current = dir;
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(current, path);
    void stat(file)
      .then((s) => (s.isFile() ? file : Promise.reject(new Error('not a file'))))
      .catch(() => (extname(path) ? null : join(current, 'index.html')))
      .then(async (found) => {
        if (!found) {
          res.writeHead(404).end();
          return;
        }
        const body = await readFile(found);
        res.writeHead(200, { 'content-type': TYPES[extname(found)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        res.end(body);
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deploy: (next) => (current = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
