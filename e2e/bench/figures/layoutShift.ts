import { openPage, type Bench } from '../harness.ts';
import { median, round, sleep, waitFor } from '../stats.ts';

// Figure 10: cumulative layout shift of Home, from navigation until its avatars, images and emoji
// have loaded and the page has been still for a second (target: at most 0.01). Shifts right after
// input do not count, as in the web-vitals definition; the shifted nodes are named for diagnosis.

const QUIET_MS = 1000;

// Runs in the page before the app: collects every layout-shift entry.
const OBSERVE = String.raw`
(() => {
  const shifts = [];
  window.__layoutShifts = shifts;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      const nodes = (e.sources || []).map((s) => {
        const n = s.node;
        if (!n || n.nodeType !== 1) return '#text';
        return n.tagName.toLowerCase() + (n.className && typeof n.className === 'string' ? '.' + n.className.trim().split(/\s+/).join('.') : '');
      });
      shifts.push({ at: e.startTime, value: e.value, nodes });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();
`;

interface Shift {
  at: number;
  value: number;
  nodes: string[];
}

interface Run {
  cls: number;
  shifts: Shift[];
}

const shiftsOf = (p: Awaited<ReturnType<typeof openPage>>) => p.page.evaluate<Shift[]>('window.__layoutShifts.slice()');

async function once(bench: Bench): Promise<Run> {
  const p = await openPage(bench);
  try {
    await p.page.addInitScript({ content: OBSERVE });
    await p.page.goto('/');
    await p.page.locator('article[data-note-id]').first().waitFor({ timeout: 30_000 });
    // Every image on screen decoded (avatars, attachments, Twemoji), then a quiet second.
    await waitFor(
      async () =>
        (await p.page.evaluate<boolean>(
          '[...document.images].filter((i) => i.getBoundingClientRect().top < innerHeight).every((i) => i.complete)',
        )) || null,
      15_000,
      100,
    );
    let count = -1;
    await waitFor(
      async () => {
        const now = (await shiftsOf(p)).length;
        const still = now === count;
        count = now;
        return still || null;
      },
      10_000,
      QUIET_MS,
    );
    const shifts = await shiftsOf(p);
    return { cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts };
  } finally {
    await p.close();
  }
}

export async function layoutShift(bench: Bench) {
  const runs: Run[] = [];
  for (let i = 0; i < (bench.quick ? 2 : 5); i++) {
    runs.push(await once(bench));
    await sleep(200);
  }
  const worst = runs.reduce((a, b) => (b.cls > a.cls ? b : a));
  return {
    runs: runs.length,
    target: 0.01,
    cls: round(median(runs.map((r) => r.cls)) ?? NaN, 4),
    worstCls: round(worst.cls, 4),
    // The biggest shifts of the worst run, with what moved.
    worstShifts: [...worst.shifts]
      .sort((a, b) => b.value - a.value)
      .slice(0, 5)
      .map((s) => ({ atMs: round(s.at), value: round(s.value, 4), nodes: s.nodes })),
  };
}
