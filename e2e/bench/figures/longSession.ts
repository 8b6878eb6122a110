import {
  dom,
  heap,
  measureSmoothness,
  openHome,
  queued,
  scrollThrough,
  scrollToTop,
  showQueued,
  type Bench,
} from '../harness.ts';
import { postAtRate } from '../load.ts';
import { log, sleep } from '../stats.ts';

// Figure 4: 10,000 notes streamed into an open home timeline; the reader shows them (the list then
// holds about 300), scrolls down through 1,000 more (it then holds 1,000, its cap), and back up.

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
    await showQueued(p.page);
    await sleep(1000);
    const domWith300 = await dom(p);
    log(`long session: scrolling through ${scrollNotes} notes`);
    const scrolling = await measureSmoothness(p.page);
    const scrolled = await scrollThrough(p.page, scrollNotes);
    const whileScrolling = await scrolling();
    await sleep(1000);
    const domWith1000 = await dom(p);
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
      whileScrolling,
      heapStartBytes: heapStart.usedBytes,
      heapAfterStreamBytes: heapAfterStream.usedBytes,
      heapEndBytes: heapEnd.usedBytes,
      domStart,
      domWithAbout300Held: domWith300,
      domWithAbout1000Held: domWith1000,
      domEnd,
    };
  } finally {
    await p.close();
  }
}
