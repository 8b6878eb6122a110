// `npm run bench [-- --quick] [-- --no-build]`: the benchmark suite lives in e2e/bench/ (TypeScript,
// run with tsx). Figures go to stdout as one JSON object and to bench-results/latest.json.
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/bench/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
