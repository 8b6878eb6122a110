import { control } from '../../support/control.ts';
import { aliceSocket, openHome, scrollUntilSeen, showQueued, type Bench } from '../harness.ts';
import { postNote } from '../load.ts';
import { log, sleep, waitFor } from '../stats.ts';

// Figure 6: the server drops every socket; how long until the page's channels and captures are
// back on the server. Then a 10 s outage (upgrades refused) with 50 notes posted meanwhile:
// how many never reach the page (the list is scrolled through to find them, so the time to all
// shown includes that scrolling).

const OUTAGE_S = 10;
const DURING_OUTAGE = 50;
const RECOVERY_WAIT_MS = 30_000;

function covers(have: Iterable<string>, want: Iterable<string>): boolean {
  const set = new Set(have);
  return [...want].every((x) => set.has(x));
}

export async function reconnect(bench: Bench) {
  bench.server.reset();
  const p = await openHome(bench);
  try {
    const baseline = await waitFor(async () => {
      const s = await aliceSocket();
      return s && Object.keys(s.captures).length ? s : null;
    }, 10_000);
    if (!baseline) throw new Error('nothing was captured on home');
    const channels = baseline.channels.map((c) => c.channel);
    const captured = Object.keys(baseline.captures);

    log('reconnect: dropping sockets');
    const dropped = Date.now();
    await control('drop-sockets');
    let channelsMs: number | null = null;
    const capturesMs = await waitFor(
      async () => {
        const s = await aliceSocket();
        if (!s) return null;
        if (
          channelsMs === null &&
          covers(
            s.channels.map((c) => c.channel),
            channels,
          )
        )
          channelsMs = Date.now() - dropped;
        return channelsMs !== null && covers(Object.keys(s.captures), captured) ? Date.now() - dropped : null;
      },
      30_000,
      20,
    );

    log(`reconnect: ${OUTAGE_S} s outage with ${DURING_OUTAGE} notes posted`);
    await sleep(6000); // past the client's "stable connection" time, so backoff starts from scratch
    await control('refuse-upgrades', { seconds: OUTAGE_S });
    const outageStart = Date.now();
    await control('drop-sockets');
    const ids: string[] = [];
    for (let i = 0; i < DURING_OUTAGE; i++) {
      ids.push(postNote(bench.server, 100_000 + i));
      await sleep(((OUTAGE_S - 1) * 1000) / DURING_OUTAGE);
    }
    await sleep(Math.max(0, outageStart + OUTAGE_S * 1000 - Date.now()));
    const outageEnd = Date.now();
    const back = await waitFor(
      async () => {
        const s = await aliceSocket();
        return s &&
          covers(
            s.channels.map((c) => c.channel),
            channels,
          )
          ? Date.now() - outageEnd
          : null;
      },
      RECOVERY_WAIT_MS,
      50,
    );
    const allShown = await waitFor(
      async () => {
        await showQueued(p.page);
        return (await scrollUntilSeen(p.page, ids, 1000)) === ids.length ? Date.now() - outageEnd : null;
      },
      RECOVERY_WAIT_MS,
      100,
    );
    const shown = await scrollUntilSeen(p.page, ids);
    const gaps = await p.page.locator('.gap').count();
    return {
      afterDrop: { channelsRestoredMs: channelsMs, capturesRestoredMs: capturesMs, channels, captures: captured.length },
      outage: {
        seconds: OUTAGE_S,
        postedMeanwhile: ids.length,
        reconnectedAfterOutageMs: back,
        allShownAfterOutageMs: allShown,
        missing: ids.length - shown,
        gapMarkers: gaps,
      },
    };
  } finally {
    await p.close();
  }
}
