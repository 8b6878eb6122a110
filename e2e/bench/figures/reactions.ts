import { react, unreact } from '../../server/actions.ts';
import { aliceSocket, openHome, type Bench } from '../harness.ts';
import { postNote } from '../load.ts';
import { median, percentile, round, sleep, waitFor, wallNow } from '../stats.ts';

// Figure 7: other users react to (and take back reactions from) a note on alice's screen; each
// sample runs from the server emitting the event to the page's DOM showing the new count, and
// to the start of the next frame, which paints it.

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
    await p.page.locator(`article[data-note-id="${noteId}"]`).waitFor({ timeout: 10_000 });
    const captured = await waitFor(async () => ((await aliceSocket())?.captures[noteId] ? true : null), 10_000);
    if (!captured) throw new Error('the new note was never captured');
    const db = bench.server.db();
    const toDom: number[] = [];
    const toFrame: number[] = [];
    let missed = 0;
    for (const step of plan()) {
      const user = db.userByName(step.user)!;
      await p.page.evaluate(([id, expected]) => (window as unknown as BenchWindow).__bench.watchReactions(id, expected), [
        noteId,
        step.expected,
      ] as const);
      const sent = wallNow();
      if (step.add) react(db, user, noteId, '👍');
      else unreact(db, user, noteId);
      const shown = await Promise.race([
        p.page.evaluate<{ dom: number; frame: number }>('window.__bench.reactionsChanged()'),
        sleep(SAMPLE_TIMEOUT_MS).then(() => null),
      ]);
      if (shown === null) {
        missed++;
      } else {
        toDom.push(shown.dom - sent);
        toFrame.push(shown.frame - sent);
      }
      await sleep(150);
    }
    const summary = (ms: number[]) => ({
      medianMs: ms.length ? round(median(ms)!) : null,
      p90Ms: ms.length ? round(percentile(ms, 90)!) : null,
      maxMs: ms.length ? round(Math.max(...ms)) : null,
    });
    return { samples: toDom.length, missed, toDom: summary(toDom), toNextFrame: summary(toFrame) };
  } finally {
    await p.close();
  }
}

interface BenchWindow {
  __bench: { watchReactions(id: string, expected: number): void };
}
