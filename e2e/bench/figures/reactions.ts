import { react, unreact } from '../../server/actions.ts';
import { aliceSocket, openHome, type Bench } from '../harness.ts';
import { postNote } from '../load.ts';
import { median, percentile, round, sleep, waitFor, wallNow } from '../stats.ts';

// Figure 7: other users react to (and take back reactions from) a note on alice's screen; each
// sample runs from the server emitting the event to the page's DOM showing the new count.

const OTHERS = ['bob', 'carol', 'admin', 'dave', 'mallory', 'newsbot', 'pollbot'];
const SAMPLE_TIMEOUT_MS = 5000;

// 7 reactions up, 7 back down, 6 up again: 20 changes of the count.
function plan(): Array<{ user: string; add: boolean; expected: number }> {
  const steps: Array<{ user: string; add: boolean; expected: number }> = [];
  OTHERS.forEach((user, i) => steps.push({ user, add: true, expected: i + 1 }));
  [...OTHERS].reverse().forEach((user, i) => steps.push({ user, add: false, expected: OTHERS.length - i - 1 }));
  OTHERS.slice(0, 6).forEach((user, i) => steps.push({ user, add: true, expected: i + 1 }));
  return steps;
}

export async function reactionLatency(bench: Bench) {
  bench.server.reset();
  const p = await openHome(bench);
  try {
    const noteId = postNote(bench.server, 1);
    await p.page.locator(`[data-item-id="${noteId}"]`).waitFor({ timeout: 10_000 });
    const captured = await waitFor(async () => ((await aliceSocket())?.captures[noteId] ? true : null), 10_000);
    if (!captured) throw new Error('the new note was never captured');
    const db = bench.server.db();
    const samples: number[] = [];
    let missed = 0;
    for (const step of plan()) {
      const user = db.userByName(step.user)!;
      await p.page.evaluate(([id, expected]) => (window as unknown as BenchWindow).__bench.watchReactions(id, expected), [noteId, step.expected] as const);
      const sent = wallNow();
      if (step.add) react(db, user, noteId, '👍');
      else unreact(db, user, noteId);
      const shownAt = await Promise.race([
        p.page.evaluate<number | null>('window.__bench.reactionsChanged()'),
        sleep(SAMPLE_TIMEOUT_MS).then(() => null),
      ]);
      if (shownAt === null) missed++;
      else samples.push(shownAt - sent);
      await sleep(150);
    }
    return {
      samples: samples.length,
      missed,
      medianMs: round(median(samples) ?? NaN),
      p90Ms: round(percentile(samples, 90) ?? NaN),
      maxMs: round(Math.max(...samples)),
    };
  } finally {
    await p.close();
  }
}

interface BenchWindow {
  __bench: { watchReactions(id: string, expected: number): void };
}
