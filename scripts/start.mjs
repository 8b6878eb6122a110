// `npm start`: build the client, start the demo Misskey stand-in server, serve the client.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const clientPort = Number(process.env.CLIENT_PORT ?? 8450);
const serverPort = Number(process.env.SERVER_PORT ?? 8451);
const serverUrl = `http://127.0.0.1:${serverPort}`;
// MISSKEY=2026.5 npm start: the demo server behaves like Misskey 2026.5 (chat, scheduled notes).
const profile = process.env.MISSKEY ? ['--misskey', process.env.MISSKEY] : [];
const children = [];

function run(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  children.push(child);
  return child;
}

function stopAll(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

console.log('Building the client…');
const build = run('npx', ['vite', 'build', '--logLevel', 'warn'], {
  env: { ...process.env, VITE_DEMO_SERVER: serverUrl },
});
const built = await new Promise((resolve) => build.on('exit', (code) => resolve(code === 0)));
if (!built) {
  console.error('The build failed; see above.');
  stopAll(1);
}

console.log('Starting the demo Misskey server…');
const server = run('npx', ['tsx', 'e2e/server/main.ts', '--port', String(serverPort), '--demo', ...profile], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
server.on('exit', (code) => {
  console.error(`The demo server stopped (exit ${code}).`);
  stopAll(1);
});
await new Promise((resolve) => {
  createInterface({ input: server.stdout }).on('line', (line) => {
    if (line.startsWith('{') && line.includes('"ready"')) resolve();
  });
});

run('npx', ['vite', 'preview', '--port', String(clientPort), '--strictPort', '--host', '127.0.0.1']);
console.log(`\n  Misskey Web Client: http://127.0.0.1:${clientPort}/`);
console.log(`  Demo server:        ${serverUrl} (choose "Try the demo server" on the sign-in page)\n`);
