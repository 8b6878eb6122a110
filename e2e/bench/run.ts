import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { startServer } from '../server/index.ts';
import { launchBrowser, type Bench } from './harness.ts';
import { captures } from './figures/captures.ts';
import { deck } from './figures/deck.ts';
import { layoutShift } from './figures/layoutShift.ts';
import { coldStart } from './figures/coldStart.ts';
import { longSession } from './figures/longSession.ts';
import { queue } from './figures/queue.ts';
import { reactionLatency } from './figures/reactions.ts';
import { reconnect } from './figures/reconnect.ts';
import { measureSize } from './figures/size.ts';
import { streamLoad } from './figures/streamLoad.ts';
import { log, round, waitFor } from './stats.ts';

const DIST = 'node_modules/.bench-dist';
const VITE = 'node_modules/vite/bin/vite.js';

export interface RunOptions {
  quick: boolean;
  build: boolean;
  clientPort: number;
  serverPort: number;
  /** figure names to run (all when empty) */
  only: string[];
}

function viteBuild(serverUrl: string): Promise<void> {
  const child = spawn(process.execPath, [VITE, 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, VITE_DEMO_SERVER: serverUrl },
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
}

async function vitePreview(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [VITE, 'preview', '--outDir', DIST, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const up = await waitFor(
    () =>
      fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.ok || null,
        () => null,
      ),
    30_000,
    200,
  );
  if (!up) {
    child.kill();
    throw new Error(`vite preview did not answer on port ${port}`);
  }
  return child;
}

// One figure failing (a timeout, say) is reported in its place; the others still run.
async function figure<T>(
  name: string,
  measure: () => Promise<T> | T,
  only: string[],
): Promise<T | { error: string } | { skipped: true }> {
  if (only.length && !only.includes(name)) return { skipped: true };
  log(name);
  const started = Date.now();
  try {
    const value = await measure();
    log(`${name}: done in ${round((Date.now() - started) / 1000)} s`);
    return value;
  } catch (e) {
    log(`${name}: failed: ${String(e)}`);
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export async function run(opts: RunOptions): Promise<void> {
  const started = Date.now();
  const serverUrl = `http://127.0.0.1:${opts.serverPort}`;
  if (opts.build) {
    log(`building the client into ${DIST}`);
    await viteBuild(serverUrl);
  }
  const server = await startServer({ port: opts.serverPort, test: true });
  let preview: ChildProcess | null = null;
  let browser: Bench['browser'] | null = null;
  const stop = async () => {
    preview?.kill();
    await browser?.close().catch(() => undefined);
    await server.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(143)));
  try {
    preview = await vitePreview(opts.clientPort);
    browser = await launchBrowser();
    const bench: Bench = { server, clientUrl: `http://127.0.0.1:${opts.clientPort}`, browser, quick: opts.quick };
    const results = {
      date: new Date().toISOString(),
      quick: opts.quick,
      only: opts.only,
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(totalmem() / 2 ** 30),
        node: process.version,
        chromium: browser.version(),
      },
      size: await figure('size', () => measureSize(DIST), opts.only),
      coldStart: await figure('coldStart', () => coldStart(bench), opts.only),
      streamLoad: await figure('streamLoad', () => streamLoad(bench), opts.only),
      queue: await figure('queue', () => queue(bench), opts.only),
      longSession: await figure('longSession', () => longSession(bench), opts.only),
      captures: await figure('captures', () => captures(bench), opts.only),
      deck: await figure('deck', () => deck(bench), opts.only),
      reconnect: await figure('reconnect', () => reconnect(bench), opts.only),
      reactionLatency: await figure('reactionLatency', () => reactionLatency(bench), opts.only),
      layoutShift: await figure('layoutShift', () => layoutShift(bench), opts.only),
      durationSeconds: 0,
    };
    results.durationSeconds = round((Date.now() - started) / 1000);
    // A smoke or partial run never replaces the figures of the last full run.
    const file = opts.quick || opts.only.length ? 'bench-results/latest-partial.json' : 'bench-results/latest.json';
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`figures written to ${file}`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await stop();
  }
}
