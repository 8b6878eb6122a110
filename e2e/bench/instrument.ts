// Runs in the page before the app (addInitScript). Kept as plain JavaScript text: functions that
// tsx compiled would carry helpers (`__name`) the page does not have.
//
// window.__bench:
//   longTasks        every long task: {start, duration} (ms since navigation)
//   frames           rAF intervals since the last resetFrames(): count, janky (> 1.5 × 16.7 ms),
//                    dropped (frames missed inside the janky intervals), longest interval
//   firstNoteAt      frame time (ms since navigation) of the first frame with a note on screen
//   seen             ids of every note ever rendered (article[data-note-id])
//   visibleItems()   ids of the notes inside the viewport now
//   reactionCount(id) total of the reaction counts shown on that note
//   watchReactions(id, expected) then reactionsChanged(): wall times {dom, frame} at which the count
//                    reached `expected` in the DOM, and the next frame began rendering it
export const INSTRUMENT = String.raw`
(() => {
  const FRAME = 1000 / 60;
  const b = {
    longTasks: [],
    frames: { count: 0, janky: 0, dropped: 0, longest: 0 },
    firstNoteAt: null,
    seen: new Set(),
    watch: null,
  };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  let last = 0;
  const tick = (t) => {
    if (last) {
      const dt = t - last;
      b.frames.count++;
      if (dt > b.frames.longest) b.frames.longest = dt;
      if (dt > 1.5 * FRAME) {
        b.frames.janky++;
        b.frames.dropped += Math.max(1, Math.round(dt / FRAME) - 1);
      }
    }
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  b.resetFrames = () => {
    b.frames = { count: 0, janky: 0, dropped: 0, longest: 0 };
    last = 0;
  };

  const onScreen = (el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.height > 0;
  };
  new MutationObserver((records) => {
    for (const rec of records) {
      for (const node of rec.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.matches('article[data-note-id]')) b.seen.add(node.dataset.noteId);
        for (const a of node.querySelectorAll('article[data-note-id]')) b.seen.add(a.dataset.noteId);
      }
    }
    if (b.firstNoteAt === null && !b.pendingFirst) {
      const first = document.querySelector('article[data-note-id]');
      if (first && onScreen(first)) {
        b.pendingFirst = true;
        requestAnimationFrame((t) => { b.firstNoteAt = t; });
      }
    }
    if (b.watch) b.watch.check();
  }).observe(document, { childList: true, subtree: true, characterData: true });

  b.visibleItems = () => [...document.querySelectorAll('article[data-note-id]')].filter(onScreen).map((el) => el.dataset.noteId);
  b.reactionCount = (id) => {
    const article = document.querySelector('article[data-note-id="' + id + '"]');
    if (!article) return null;
    let total = 0;
    for (const c of article.querySelectorAll('.reactions .count')) total += Number(c.textContent) || 0;
    return total;
  };
  b.watchReactions = (id, expected) => {
    let resolve;
    const done = new Promise((r) => { resolve = r; });
    b.watchDone = done;
    b.watch = {
      check() {
        if (b.reactionCount(id) === expected) {
          b.watch = null;
          const dom = performance.timeOrigin + performance.now();
          requestAnimationFrame(() => resolve({ dom, frame: performance.timeOrigin + performance.now() }));
        }
      },
    };
  };
  b.reactionsChanged = () => b.watchDone;
})();
`;
