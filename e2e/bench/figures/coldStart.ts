import { longTasks, openPage, type Bench } from '../harness.ts';
import { median, round, sleep, waitFor } from '../stats.ts';

// Figure 2: a first visit to home with the HTTP cache off. "First note" is the frame after the
// first note entered the viewport; "interactive" is the end of the last long task once the page
// has been quiet (no long task) for a second, but never before the first note.

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
    const firstNote = await p.page.waitForFunction(() => (window as unknown as BenchWindow).__bench?.firstNoteAt, null, {
      timeout: 30_000,
    });
    const firstNoteMs = (await firstNote.jsonValue()) as number;
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

export async function coldStart(bench: Bench) {
  const runs: Run[] = [];
  for (let i = 0; i < (bench.quick ? 2 : 5); i++) {
    runs.push(await once(bench));
    await sleep(200);
  }
  const med = (pick: (r: Run) => number) => round(median(runs.map(pick)) ?? NaN);
  return {
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
