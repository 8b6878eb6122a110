import { spawnSync } from 'node:child_process';

// Figure 1: what scripts/size.mjs measures (first screen and whole build, gzip and brotli).

interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}

interface SizeReport {
  firstScreen: { js: Bytes; css: Bytes; files: string[] };
  total: { js: Bytes; css: Bytes; other: Bytes };
  budget: { firstScreenJsGzip: number };
  withinBudget: boolean;
}

export function measureSize(dist: string): SizeReport {
  const result = spawnSync(process.execPath, ['scripts/size.mjs', dist], { encoding: 'utf8' });
  if (result.error) throw result.error;
  // Over budget exits 1 but still prints the figures, which is all the bench wants.
  return JSON.parse(result.stdout) as SizeReport;
}
