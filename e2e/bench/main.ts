// The benchmark suite (`npm run bench`): builds the client, starts the stand-in server and the
// client's static preview, drives headless Chromium through its figures and prints them as one
// JSON object (also written to bench-results/latest.json, or latest-partial.json for --quick and --only runs). Figures only: nothing here passes or
// fails on timing. Options: --quick (short smoke run), --no-build (reuse the last bench build),
// --only=size,coldStart,… (just those figures).
// Ports: BENCH_CLIENT_PORT (default 38430) and BENCH_SERVER_PORT (default 38431).
import { log } from './stats.ts';

const argv = process.argv.slice(2);
const args = new Set(argv);
const only =
  argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? [];
const clientPort = Number(process.env.BENCH_CLIENT_PORT ?? 38430);
const serverPort = Number(process.env.BENCH_SERVER_PORT ?? 38431);
// The e2e helpers (sign-in, control API) read their server port from here when first loaded.
process.env.E2E_SERVER_PORT = String(serverPort);

log(`client on :${clientPort}, server on :${serverPort}${args.has('--quick') ? ', quick run' : ''}`);
const { run } = await import('./run.ts');
await run({ quick: args.has('--quick'), build: !args.has('--no-build'), clientPort, serverPort, only });
