import { aliceSocket, openHome, scrollThrough, type Bench } from '../harness.ts';
import { seedHistory } from '../load.ts';
import { log, sleep, waitFor } from '../stats.ts';

// Figure 5: scrolling home through 2,000 older notes, then leaving for another page. Captures are
// counted from the frames the page's socket sent; what is left is read from the server.

const RELEASE_WAIT_MS = 5000;

export async function captures(bench: Bench) {
  const notes = bench.quick ? 300 : 2000;
  bench.server.reset();
  seedHistory(bench.server, notes + 100);
  const p = await openHome(bench);
  try {
    await sleep(500);
    log(`captures: scrolling through ${notes} notes`);
    const scrolled = await scrollThrough(p.page, notes);
    const sentBeforeLeaving = { subNote: p.socket.subNote, unsubNote: p.socket.unsubNote };
    await p.page.getByRole('link', { name: 'Settings' }).click();
    await p.page.getByRole('heading', { name: 'Settings' }).waitFor();
    const left = Date.now();
    const released = await waitFor(
      async () => {
        const s = await aliceSocket();
        return s && Object.keys(s.captures).length === 0 ? Date.now() - left : null;
      },
      RELEASE_WAIT_MS,
      50,
    );
    await sleep(200);
    const server = await aliceSocket();
    return {
      notesScrolled: scrolled.loaded,
      notesSeenOnScreen: scrolled.onScreen,
      reachedTarget: scrolled.reachedTarget,
      maxCapturesOpen: p.socket.maxOpen,
      maxNotesVisible: scrolled.maxVisible,
      subNoteFrames: p.socket.subNote,
      unsubNoteFrames: p.socket.unsubNote,
      framesWhileScrolling: sentBeforeLeaving,
      capturesLeftAfterLeaving: server ? Object.keys(server.captures).length : null,
      capturesLeftClientSide: p.socket.open.size,
      releasedAfterLeavingMs: released,
    };
  } finally {
    await p.close();
  }
}
