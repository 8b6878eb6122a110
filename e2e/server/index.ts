import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api.ts';
import { handleControl } from './control.ts';
import type { Db, MisskeyProfile } from './db.ts';
import { startDemo } from './demo.ts';
import { Faults } from './faults.ts';
import { redirectEmoji, serveFile } from './files.ts';
import { CORS, sendText } from './http.ts';
import { handleMiAuthPage } from './miauth.ts';
import { seed, type SeedResult, type SeedUser } from './seed.ts';
import { StreamHub } from './stream.ts';
import { serveTwemoji } from './twemoji.ts';
export { MODERN_VERSION, parseProfile } from './profile.ts';

// The stand-in server: node:http for REST, files and MiAuth, `ws` for /streaming.

export interface ServerOptions {
  port?: number;
  host?: string;
  seed?: number;
  /** mount the /__test/ control API */
  test?: boolean;
  /** bots post, reply, react and vote every few seconds */
  demo?: boolean;
  /** answer `api` frames over the stream and report an old meta.version */
  legacyApiStream?: boolean;
  /** which Misskey to behave like (default 2024.10, i.e. 2024.10.1) */
  misskey?: MisskeyProfile;
}

export interface RunningServer {
  url: string;
  /** the current seed's users (stable across resets) */
  readonly users: Record<string, SeedUser>;
  /** note ids with known roles in the current seed (plain, cw, pollOpen, …); new after each reset */
  readonly notes: Record<string, string>;
  db(): Db;
  reset(): void;
  close(): Promise<void>;
}

export const LEGACY_VERSION = '12.110.0';

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const seedNumber = options.seed ?? 1;
  const faults = new Faults();
  let baseUrl = '';
  let stopDemo: (() => void) | undefined;
  const load = (previous?: SeedResult): SeedResult => {
    previous?.db.dispose();
    const next = seed(seedNumber, baseUrl, options.misskey ?? '2024.10');
    if (options.legacyApiStream) next.db.version = LEGACY_VERSION;
    return next;
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', baseUrl);
    const path = url.pathname;
    if (path.startsWith('/api/')) return handleApi(req, res, url, state.db, options.test ? faults : null);
    if (path.startsWith('/files/')) return serveFile(res, url, state.db);
    if (path.startsWith('/emoji/')) return redirectEmoji(res, url, state.db);
    if (path.startsWith('/twemoji/')) return serveTwemoji(res, path);
    if (path.startsWith('/miauth/')) return handleMiAuthPage(req, res, url, state.db);
    if (options.test && path.startsWith('/__test/')) return handleControl(req, res, url, controlTarget);
    sendText(res, 404, 'text/plain', 'Not found', CORS);
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, 'text/plain', String(error), CORS);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
  // Seeded once the port (and so every URL) is known.
  let state = load();
  const hub = new StreamHub(state.db, options.legacyApiStream ?? false);
  server.on('upgrade', (req, socket, head) => hub.handleUpgrade(req, socket, head));

  const reset = () => {
    hub.dropAll();
    hub.refuseFor(0);
    faults.clear();
    stopDemo?.();
    state = load(state);
    hub.attach(state.db);
    if (options.demo) stopDemo = startDemo(state.db, seedNumber);
  };
  const controlTarget = {
    db: () => state.db,
    users: () => state.users,
    notes: () => state.notes,
    reset,
    stream: hub,
    faults,
  };
  if (options.demo) stopDemo = startDemo(state.db, seedNumber);

  return {
    url: baseUrl,
    get users() {
      return state.users;
    },
    get notes() {
      return state.notes;
    },
    db: () => state.db,
    reset,
    close: async () => {
      stopDemo?.();
      hub.close();
      state.db.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
