import { users } from '../../support/control.ts';
import { dom, heap, measureSmoothness, type Bench } from '../harness.ts';
import { INSTRUMENT } from '../instrument.ts';
import { postAtRate } from '../load.ts';
import { log, sleep, waitFor } from '../stats.ts';

// Figure: a deck of six columns of two accounts (alice and bob) while notes stream in at 50 per
// second in all, on a 1920 px wide screen (one column scrolled out of view).

const KINDS: Array<[string, string]> = [
  ['home', 'alice'],
  ['local', 'alice'],
  ['global', 'alice'],
  ['social', 'alice'],
  ['local', 'bob'],
  ['global', 'bob'],
];

export async function deck(bench: Bench) {
  const seconds = bench.quick ? 5 : 20;
  bench.server.reset();
  const seeded = await users();
  const origin = new URL(bench.server.url).origin;
  const stored = ['alice', 'bob'].map((name) => {
    const u = seeded[name]!;
    return { key: `${u.id}@${origin}`, origin, token: u.token, userId: u.id, username: name, name: null, avatarUrl: null };
  });
  const layout = {
    columns: KINDS.map(([kind, who], i) => ({
      id: `b${i}`,
      kind,
      account: stored.find((s) => s.username === who)!.key,
      width: 360,
    })),
  };
  const context = await bench.browser.newContext({
    baseURL: bench.clientUrl,
    viewport: { width: 1920, height: 1080 },
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: INSTRUMENT });
    await page.addInitScript(
      ([accounts, deckLayout]) => {
        localStorage.setItem('mkc:accounts', JSON.stringify(accounts));
        localStorage.setItem(
          'mkc:active',
          JSON.stringify({ kind: 'account', key: (accounts as Array<{ key: string }>)[0]!.key }),
        );
        localStorage.setItem('mkc:deck', JSON.stringify(deckLayout));
      },
      [stored, layout] as const,
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Runtime.enable');
    await page.goto('/deck');
    await waitFor(
      async () => ((await page.locator('section[data-column] article[data-note-id]').count()) > 20 ? true : null),
      20_000,
      100,
    );
    await sleep(1500);
    const p = { page, cdp };
    const heapBefore = await heap(cdp);
    const domBefore = await dom(p);
    log(`deck: 6 columns, 50 notes/s for ${seconds} s`);
    const stream = await measureSmoothness(page);
    await postAtRate(bench.server, 50, 50 * seconds);
    await sleep(250);
    const during = await stream();
    const calm = await measureSmoothness(page);
    await sleep(3000);
    const after = await calm();
    const domAfter = await dom(p);
    const heapAfter = await heap(cdp);
    return {
      columns: KINDS.length,
      perSecond: 50,
      seconds,
      duringStream: during,
      afterBurst: after,
      domNodesBefore: domBefore.nodes,
      domNodesAfter: domAfter.nodes,
      listenersAfter: domAfter.jsEventListeners,
      notesRenderedAfter: domAfter.notesRendered,
      heapBeforeBytes: heapBefore.usedBytes,
      heapAfterBytes: heapAfter.usedBytes,
    };
  } finally {
    await context.close();
  }
}
