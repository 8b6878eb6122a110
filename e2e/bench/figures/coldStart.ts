import type { Page } from '@playwright/test';
import { longTasks, openPage, type Bench } from '../harness.ts';
import { INSTRUMENT } from '../instrument.ts';
import { median, round, sleep, waitFor } from '../stats.ts';

// Figure 2: a first visit to home with the HTTP cache off. "First note" is the frame after the
// first note entered the viewport; "interactive" is the end of the last long task once the page
// has been quiet (no long task) for a second, but never before the first note.
// `warmCache`: the app started again in the same browser profile (the service worker installed,
// the last session and its timeline kept in IndexedDB), HTTP cache still off: its first note.

const QUIET_MS = 1000;

interface Run {
  firstNoteMs: number;
  interactiveMs: number;
  domContentLoadedMs: number;
  longTasks: number;
}

async function once(bench: Bench): Promise<Run> {
  // Service workers allowed: a first visit registers one, and that work is part of the cost.
  const p = await openPage(bench, { serviceWorkers: 'allow' });
  try {
    await p.cdp.send('Network.enable');
    await p.cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await p.page.goto('/', { waitUntil: 'commit' });
    // A function, not a string: the app's CSP forbids eval, which a string predicate needs.
    const firstNoteMs = await firstNoteAt(p.page);
    let tasks = await longTasks(p.page);
    await waitFor(
      async () => {
        tasks = await longTasks(p.page);
        const now = await p.page.evaluate<number>('performance.now()');
        const lastEnd = Math.max(firstNoteMs, ...tasks.map((t) => t.start + t.duration));
        return now - lastEnd >= QUIET_MS || null;
      },
      10_000,
      100,
    );
    const domContentLoadedMs = await p.page.evaluate<number>(
      "performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0",
    );
    const interactiveMs = Math.max(firstNoteMs, domContentLoadedMs, ...tasks.map((t) => t.start + t.duration));
    return { firstNoteMs, interactiveMs, domContentLoadedMs, longTasks: tasks.length };
  } finally {
    await p.close();
  }
}

function firstNoteAt(page: Page): Promise<number> {
  return page
    .waitForFunction(() => (window as unknown as BenchWindow).__bench?.firstNoteAt, null, { timeout: 30_000 })
    .then((handle) => handle.jsonValue() as Promise<number>);
}

// The same start, after a first visit has left the app installed and its Home kept on the device.
async function warmOnce(bench: Bench): Promise<number> {
  const p = await openPage(bench, { serviceWorkers: 'allow' });
  try {
    await p.page.goto('/');
    await firstNoteAt(p.page);
    await p.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    // Leaving the page writes Home to IndexedDB (pagehide); wait until it is there.
    await p.page.goto('/settings');
    const kept = await waitFor(
      () =>
        p.page.evaluate(async () => {
          if (!(await indexedDB.databases()).some((d) => d.name === 'mkc')) return null;
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open('mkc');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          const count = await new Promise<number>((resolve) => {
            const req = db.transaction('timelines').objectStore('timelines').count();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => resolve(0);
          });
          db.close();
          return count > 0 || null;
        }),
      10_000,
      100,
    );
    if (!kept) throw new Error('Home was never kept on the device');
    await p.page.close();

    const page = await p.context.newPage();
    await page.addInitScript({ content: INSTRUMENT });
    const cdp = await p.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto('/', { waitUntil: 'commit' });
    return await firstNoteAt(page);
  } finally {
    await p.close();
  }
}

export async function coldStart(bench: Bench) {
  const runs: Run[] = [];
  const warm: number[] = [];
  for (let i = 0; i < (bench.quick ? 2 : 5); i++) {
    runs.push(await once(bench));
    await sleep(200);
    warm.push(await warmOnce(bench));
    await sleep(200);
  }
  const med = (pick: (r: Run) => number) => round(median(runs.map(pick)) ?? NaN);
  return {
    warmCache: { firstNoteMs: round(median(warm) ?? NaN), samples: warm.map(round) },
    runs: runs.length,
    firstNoteMs: med((r) => r.firstNoteMs),
    interactiveMs: med((r) => r.interactiveMs),
    domContentLoadedMs: med((r) => r.domContentLoadedMs),
    samples: runs.map((r) => ({
      firstNoteMs: round(r.firstNoteMs),
      interactiveMs: round(r.interactiveMs),
      longTasks: r.longTasks,
    })),
  };
}

interface BenchWindow {
  __bench?: { firstNoteAt: number | null };
}
