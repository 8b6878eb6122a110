// Bytes the client ships: first screen (entry + the home timeline route, with their static
// imports and CSS) and the whole build, gzip and brotli. Fails when the first-screen JS passes
// the budget in size-budget.json. Run after `vite build`: `npm run size [dist-folder]`.
// The figures go to stdout as one JSON object (the bench reads them); the verdict goes to stderr.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budget = JSON.parse(readFileSync('scripts/size-budget.json', 'utf8'));
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

function sizes(file) {
  const buf = readFileSync(join(dist, file));
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotliCompressSync(buf).length };
}

function add(total, s) {
  total.raw += s.raw;
  total.gzip += s.gzip;
  total.brotli += s.brotli;
}

// Everything a chunk pulls in before it runs: its static imports, transitively, and their CSS.
function closure(keys, seen = new Set(), files = { js: new Set(), css: new Set() }) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the build manifest: ${key}`);
    files.js.add(chunk.file);
    (chunk.css ?? []).forEach((c) => files.css.add(c));
    closure(chunk.imports ?? [], seen, files);
  }
  return files;
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const firstRoute = Object.keys(manifest).find((k) => k.endsWith('src/pages/TimelinePage.vue'));
const first = closure([entry, firstRoute].filter(Boolean));
const firstJs = { raw: 0, gzip: 0, brotli: 0 };
const firstCss = { raw: 0, gzip: 0, brotli: 0 };
first.js.forEach((f) => add(firstJs, sizes(f)));
first.css.forEach((f) => add(firstCss, sizes(f)));

const all = { js: { raw: 0, gzip: 0, brotli: 0 }, css: { raw: 0, gzip: 0, brotli: 0 }, other: { raw: 0, gzip: 0, brotli: 0 } };
function walk(dir) {
  for (const name of readdirSync(join(dist, dir))) {
    const rel = join(dir, name);
    if (statSync(join(dist, rel)).isDirectory()) walk(rel);
    else if (!rel.startsWith('.vite')) add(rel.endsWith('.js') ? all.js : rel.endsWith('.css') ? all.css : all.other, sizes(rel));
  }
}
walk('');

const withinBudget = firstJs.gzip <= budget.firstScreenJsGzip;
const report = {
  firstScreen: { js: firstJs, css: firstCss, files: [...first.js, ...first.css] },
  total: all,
  budget,
  withinBudget,
};
console.log(JSON.stringify(report, null, 2));
if (!withinBudget) {
  console.error(`first-screen JS is ${firstJs.gzip} B gzip, over the budget of ${budget.firstScreenJsGzip} B`);
  process.exit(1);
}
console.error(`first-screen JS ${firstJs.gzip} B gzip, within the budget of ${budget.firstScreenJsGzip} B`);
