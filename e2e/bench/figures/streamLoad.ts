import { countSeen, frames, heap, longTasks, openHome, pageNow, queued, resetFrames, type Bench } from '../harness.ts';
import { postAtRate } from '../load.ts';
import { log, round, sleep } from '../stats.ts';

// Figure 3: home open at the top while notes stream in at a fixed rate.

async function atRate(bench: Bench, perSecond: number, seconds: number) {
  bench.server.reset();
  const p = await openHome(bench);
  try {
    await sleep(1000);
    const heapBefore = await heap(p.cdp);
    await resetFrames(p.page);
    const from = await pageNow(p.page);
    const ids = await postAtRate(bench.server, perSecond, perSecond * seconds);
    // Let the last frames arrive and render.
    await sleep(250);
    const to = await pageNow(p.page);
    const f = await frames(p.page);
    const tasks = (await longTasks(p.page)).filter((t) => t.start >= from && t.start <= to);
    const received = ids.filter((id) => p.socket.receivedNotes.has(id)).length;
    const shown = await countSeen(p.page, ids);
    const waiting = await queued(p.page);
    // Once the stream calms down the queue may be shown by itself.
    await sleep(2000);
    const shownOnceCalm = await countSeen(p.page, ids);
    const heapAfter = await heap(p.cdp);
    return {
      perSecond,
      seconds,
      posted: ids.length,
      received,
      shown,
      queued: waiting,
      shownOnceCalm,
      frames: f.count,
      droppedFrames: f.dropped,
      jankyFrames: f.janky,
      longestFrameMs: round(f.longest),
      longTasks: tasks.length,
      longestTaskMs: round(Math.max(0, ...tasks.map((t) => t.duration))),
      longTaskTotalMs: round(tasks.reduce((sum, t) => sum + t.duration, 0)),
      heapBeforeBytes: heapBefore.usedBytes,
      heapAfterBytes: heapAfter.usedBytes,
    };
  } finally {
    await p.close();
  }
}

export async function streamLoad(bench: Bench) {
  const seconds = bench.quick ? 5 : 30;
  const results = [];
  for (const rate of [10, 50, 200]) {
    log(`stream load: ${rate} notes/s for ${seconds} s`);
    results.push(await atRate(bench, rate, seconds));
  }
  return results;
}
