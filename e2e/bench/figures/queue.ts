import { dom, measureSmoothness, openHome, queued, type Bench } from '../harness.ts';
import { postAtRate } from '../load.ts';
import { sleep, waitFor } from '../stats.ts';

// Figure: the reader is scrolled down while 300 notes arrive (they wait behind the "N new notes"
// button), then shows them all at once with the button; and switching timelines.

export async function queue(bench: Bench) {
  bench.server.reset();
  const p = await openHome(bench);
  try {
    await sleep(500);
    await p.page.mouse.move(640, 400);
    await p.page.mouse.wheel(0, 1500);
    await sleep(800);
    await postAtRate(bench.server, 100, bench.quick ? 100 : 320);
    await waitFor(async () => ((await queued(p.page)) >= (bench.quick ? 100 : 300) ? true : null), 10_000, 50);
    const waiting = await queued(p.page);
    const show = await measureSmoothness(p.page);
    await p.page.locator('.new-notes button').click();
    await sleep(1000);
    const shown = await show();
    const after = await dom(p);

    // Home → Local → Global → Home, each once its first notes are on screen.
    const switching = await measureSmoothness(p.page);
    for (const name of ['Local', 'Global', 'Home']) {
      await p.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
      await p.page.locator('article[data-note-id]').first().waitFor();
      await sleep(500);
    }
    const switched = await switching();
    return {
      queued: waiting,
      showingTheQueue: shown,
      domNodesAfterShowing: after.nodes,
      notesRendered: after.notesRendered,
      switchingTimelines: switched,
    };
  } finally {
    await p.close();
  }
}
