import { dom, heap, openHome, queued, scrollThrough, scrollToTop, showQueued, type Bench } from '../harness.ts';
import { postAtRate } from '../load.ts';
import { log, sleep } from '../stats.ts';

// Figure 4: 10,000 notes streamed into an open home timeline, then the reader shows them and
// scrolls down through the list (and older pages), and back to the top.

const RATE = 400;

export async function longSession(bench: Bench) {
  const total = bench.quick ? 1000 : 10_000;
  const scrollNotes = bench.quick ? 150 : 1000;
  bench.server.reset();
  const p = await openHome(bench);
  try {
    await sleep(1000);
    const heapStart = await heap(p.cdp);
    const domStart = await dom(p);
    log(`long session: streaming ${total} notes`);
    const ids = await postAtRate(bench.server, RATE, total);
    await sleep(2000);
    const received = ids.filter((id) => p.socket.receivedNotes.has(id)).length;
    const queuedAfterStream = await queued(p.page);
    const heapAfterStream = await heap(p.cdp);
    const domAfterStream = await dom(p);
    log(`long session: scrolling through ${scrollNotes} notes`);
    await showQueued(p.page);
    await sleep(500);
    const scrolled = await scrollThrough(p.page, scrollNotes);
    await scrollToTop(p.page);
    await sleep(1500);
    const heapEnd = await heap(p.cdp);
    const domEnd = await dom(p);
    return {
      streamed: total,
      ratePerSecond: RATE,
      received,
      queuedAfterStream,
      scrolledNotes: scrolled.loaded,
      scrolledNotesSeenOnScreen: scrolled.onScreen,
      heapStartBytes: heapStart.usedBytes,
      heapAfterStreamBytes: heapAfterStream.usedBytes,
      heapEndBytes: heapEnd.usedBytes,
      heapGrowthBytes: heapEnd.usedBytes - heapStart.usedBytes,
      domStart,
      domAfterStream,
      domEnd,
    };
  } finally {
    await p.close();
  }
}
