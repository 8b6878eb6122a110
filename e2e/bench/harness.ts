import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import type { RunningServer } from '../server/index.ts';
import { sockets, signInAs, type SocketInfo } from '../support/control.ts';
import { INSTRUMENT } from './instrument.ts';
import { round, sleep, waitFor } from './stats.ts';

// Browser, pages and measuring tools shared by the figures.

export interface Bench {
  server: RunningServer;
  clientUrl: string;
  browser: Browser;
  quick: boolean;
}

// The e2e suite's Chromium and flags (e2e/playwright.config.ts).
export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    executablePath,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
}

/** Stream frames as the page's own socket saw them: captures sent, notes received. */
export class SocketLog {
  /** subNote and sr frames */
  subNote = 0;
  unsubNote = 0;
  /** captures open on the current socket, by note id */
  readonly open = new Set<string>();
  maxOpen = 0;
  readonly receivedNotes = new Set<string>();

  attach(page: Page): void {
    page.on('websocket', (ws) => {
      if (!ws.url().includes('/streaming')) return;
      this.open.clear();
      ws.on('framesent', (f) => this.sent(String(f.payload)));
      ws.on('framereceived', (f) => this.received(String(f.payload)));
      ws.on('close', () => this.open.clear());
    });
  }

  private sent(payload: string): void {
    const frame = parse(payload);
    const id = frame?.body?.id;
    if (typeof id !== 'string') return;
    // `sr` is a capture too (one that also reads a note addressed to the reader).
    if (frame?.type === 'subNote' || frame?.type === 'sr') {
      this.subNote++;
      this.open.add(id);
      this.maxOpen = Math.max(this.maxOpen, this.open.size);
    } else if (frame?.type === 'unsubNote') {
      this.unsubNote++;
      this.open.delete(id);
    }
  }

  private received(payload: string): void {
    const frame = parse(payload);
    if (frame?.type === 'channel' && frame.body?.type === 'note' && typeof frame.body.body?.id === 'string') {
      this.receivedNotes.add(frame.body.body.id);
    }
  }
}

interface Frame {
  type?: string;
  body?: { id?: unknown; type?: string; body?: { id?: unknown } };
}

function parse(payload: string): Frame | null {
  try {
    return JSON.parse(payload) as Frame;
  } catch {
    return null;
  }
}

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  socket: SocketLog;
  close(): Promise<void>;
}

/** A fresh context signed in as alice, instrumented, not yet navigated. */
export async function openPage(bench: Bench, opts: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BenchPage> {
  const context = await bench.browser.newContext({
    baseURL: bench.clientUrl,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    serviceWorkers: opts.serviceWorkers ?? 'block',
  });
  const page = await context.newPage();
  await page.addInitScript({ content: INSTRUMENT });
  await signInAs(page, 'alice');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Runtime.enable');
  const socket = new SocketLog();
  socket.attach(page);
  return { context, page, cdp, socket, close: () => context.close() };
}

export async function aliceSocket(): Promise<SocketInfo | undefined> {
  return (await sockets()).find((s) => s.user === 'alice');
}

/** Opens home and waits for its notes and its live channel. */
export async function openHome(bench: Bench, opts: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BenchPage> {
  const p = await openPage(bench, opts);
  await p.page.goto('/');
  await p.page.locator('article[data-note-id]').first().waitFor({ timeout: 30_000 });
  const live = await waitFor(
    async () => (await aliceSocket())?.channels.some((c) => c.channel === 'homeTimeline') || null,
    15_000,
  );
  if (!live) throw new Error('the home timeline channel never connected');
  return p;
}

export interface HeapFigure {
  usedBytes: number;
  totalBytes: number;
}

/** JS heap after a full garbage collection. */
export async function heap(cdp: CDPSession): Promise<HeapFigure> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  return { usedBytes: usedSize, totalBytes: totalSize };
}

export interface DomFigure {
  nodes: number;
  documents: number;
  jsEventListeners: number;
  // Notes rendered (the list renders those near the viewport, whatever it holds).
  notesRendered: number;
}

/** Live DOM nodes and listeners (after the heap figure's collection), and notes rendered. */
export async function dom(p: Pick<BenchPage, 'page' | 'cdp'>): Promise<DomFigure> {
  await p.cdp.send('HeapProfiler.collectGarbage');
  const counters = await p.cdp.send('Memory.getDOMCounters');
  const notesRendered = await p.page.evaluate<number>('document.querySelectorAll("article[data-note-id]").length');
  return { nodes: counters.nodes, documents: counters.documents, jsEventListeners: counters.jsEventListeners, notesRendered };
}

/** How smooth a stretch of time was: frames per second, the longest frame gap, and long tasks. */
export interface Smoothness {
  seconds: number;
  fps: number;
  droppedFrames: number;
  longestFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
}

/** Starts measuring now; the returned function stops and reports. */
export async function measureSmoothness(page: Page): Promise<() => Promise<Smoothness>> {
  await resetFrames(page);
  const from = await pageNow(page);
  return async () => {
    const to = await pageNow(page);
    const f = await frames(page);
    const tasks = (await longTasks(page)).filter((t) => t.start >= from && t.start <= to);
    const seconds = (to - from) / 1000;
    return {
      seconds: round(seconds),
      fps: round(f.count / seconds),
      droppedFrames: f.dropped,
      longestFrameMs: round(f.longest),
      longTasks: tasks.length,
      longestTaskMs: round(Math.max(0, ...tasks.map((t) => t.duration))),
    };
  };
}

export interface Frames {
  count: number;
  janky: number;
  dropped: number;
  longest: number;
}

export async function resetFrames(page: Page): Promise<void> {
  await page.evaluate('window.__bench.resetFrames()');
}

export const frames = (page: Page): Promise<Frames> => page.evaluate<Frames>('window.__bench.frames');

interface LongTask {
  start: number;
  duration: number;
}

export const longTasks = (page: Page): Promise<LongTask[]> => page.evaluate<LongTask[]>('window.__bench.longTasks');

export const pageNow = (page: Page): Promise<number> => page.evaluate<number>('performance.now()');

/** How many of `ids` were ever rendered as timeline items. */
/** How many of `ids` have been rendered at least once. */
export function countSeen(page: Page, ids: string[]): Promise<number> {
  return page.evaluate((list) => list.filter((id) => (window as unknown as BenchWindow).__bench.seen.has(id)).length, ids);
}

interface BenchWindow {
  __bench: { seen: Set<string> };
}

/** The number on the "N new notes" button, 0 when there is none. */
export async function queued(page: Page): Promise<number> {
  // Read in one step: the button goes away by itself once the stream calms down.
  const text = await page.evaluate(() => document.querySelector('.new-notes button')?.textContent ?? '');
  const match = /\d+/.exec(text);
  return match ? Number(match[0]) : 0;
}

export async function showQueued(page: Page): Promise<void> {
  const button = page.locator('.new-notes button');
  if (await button.count()) await button.click();
}

export interface ScrollResult {
  /** distinct notes rendered on the way (older pages load as the reader nears the end) */
  loaded: number;
  /** notes seen inside the viewport in at least one sample */
  onScreen: number;
  maxVisible: number;
  steps: number;
  reachedTarget: boolean;
}

/**
 * Wheels down the page, one step shorter than the viewport, until `notes` distinct notes have been
 * rendered into the list (older pages load on the way), sampling which are on screen. Stops if
 * nothing new renders for `stallMs`.
 */
export async function scrollThrough(
  page: Page,
  notes: number,
  opts: { stepPx?: number; everyMs?: number; stallMs?: number } = {},
): Promise<ScrollResult> {
  const stepPx = opts.stepPx ?? 700;
  const everyMs = opts.everyMs ?? 60;
  const stallMs = opts.stallMs ?? 10_000;
  await page.mouse.move(640, 400);
  const rendered = () => page.evaluate<number>('window.__bench.seen.size');
  const startRendered = await rendered();
  const onScreen = new Set<string>();
  let loaded = 0;
  let maxVisible = 0;
  let steps = 0;
  let lastNew = Date.now();
  while (loaded < notes && Date.now() - lastNew < stallMs) {
    const visible = await page.evaluate<string[]>('window.__bench.visibleItems()');
    maxVisible = Math.max(maxVisible, visible.length);
    visible.forEach((id) => onScreen.add(id));
    const now = (await rendered()) - startRendered;
    if (now > loaded) lastNew = Date.now();
    loaded = now;
    await page.mouse.wheel(0, stepPx);
    steps++;
    await sleep(everyMs);
  }
  return { loaded, onScreen: onScreen.size, maxVisible, steps, reachedTarget: loaded >= notes };
}

/**
 * The list renders only what is near the viewport: wheels down from the top until every one of
 * `ids` has been rendered, or nothing new of them renders for `stallMs`. Returns how many were.
 */
export async function scrollUntilSeen(page: Page, ids: string[], stallMs = 3000): Promise<number> {
  await scrollToTop(page);
  await page.mouse.move(640, 400);
  let seen = await countSeen(page, ids);
  let lastNew = Date.now();
  while (seen < ids.length && Date.now() - lastNew < stallMs) {
    await page.mouse.wheel(0, 700);
    await sleep(60);
    const now = await countSeen(page, ids);
    if (now > seen) lastNew = Date.now();
    seen = now;
  }
  return seen;
}

export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await sleep(300);
}
