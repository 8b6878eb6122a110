import { countSeen, dom, heap, measureSmoothness, openHome, queued, type Bench } from '../harness.ts';
import { postAtRate } from '../load.ts';
import { log, sleep, waitFor } from '../stats.ts';

// Figure 3: home open at the top while notes stream in at a fixed rate, then the calm after it,
// when the notes held behind the counter are shown at once.

async function atRate(bench: Bench, perSecond: number, seconds: number) {
  bench.server.reset();
  const p = await openHome(bench);
  try {
    await sleep(1000);
    const heapBefore = await heap(p.cdp);
    const domBefore = await dom(p);
    const stream = await measureSmoothness(p.page);
    const ids = await postAtRate(bench.server, perSecond, perSecond * seconds);
    // Let the last frames arrive and render.
    await sleep(250);
    const during = await stream();
    const received = ids.filter((id) => p.socket.receivedNotes.has(id)).length;
    const shown = await countSeen(p.page, ids);
    const waiting = await queued(p.page);
    // Once the stream calms down the queue is shown by itself, at the top of the list.
    const calm = await measureSmoothness(p.page);
    await waitFor(async () => ((await queued(p.page)) === 0 ? true : null), 5000, 50);
    await sleep(1000);
    const afterBurst = await calm();
    const shownOnceCalm = await countSeen(p.page, ids);
    const domAfter = await dom(p);
    const heapAfter = await heap(p.cdp);
    return {
      perSecond,
      seconds,
      posted: ids.length,
      received,
      shownLive: shown,
      queued: waiting,
      shownOnceCalm,
      duringStream: during,
      queueShownAfterBurst: afterBurst,
      domNodesBefore: domBefore.nodes,
      domNodesAfter: domAfter.nodes,
      listenersAfter: domAfter.jsEventListeners,
      notesRenderedAfter: domAfter.notesRendered,
      heapBeforeBytes: heapBefore.usedBytes,
      heapAfterBytes: heapAfter.usedBytes,
    };
  } finally {
    await p.close();
  }
}

export async function streamLoad(bench: Bench) {
  const seconds = bench.quick ? 5 : 20;
  const results = [];
  for (const rate of [10, 50, 200]) {
    log(`stream load: ${rate} notes/s for ${seconds} s`);
    results.push(await atRate(bench, rate, seconds));
  }
  return results;
}
