import { parseArgs } from 'node:util';
import { parseProfile, startServer } from './index.ts';

// CLI: npx tsx e2e/server/main.ts --port P [--seed N] [--test] [--demo] [--legacy-api-stream] [--misskey 2024.10|2026.5]
// Prints one JSON line once ready, so scripts and tests can drive the server.

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    test: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    'legacy-api-stream': { type: 'boolean', default: false },
    misskey: { type: 'string' },
  },
});

const server = await startServer({
  port: Number(values.port),
  seed: Number(values.seed),
  test: values.test,
  demo: values.demo,
  legacyApiStream: values['legacy-api-stream'],
  misskey: parseProfile(values.misskey),
});
process.stdout.write(`${JSON.stringify({ ready: true, url: server.url, users: server.users })}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
