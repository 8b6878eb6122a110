import { ref, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { ApiError, toApiError, type ApiErrorKind } from '@/api/errors';
import { readDraft, newDraftId, type Draft } from './draftModel.ts';
import { buildCreateParams, type CreateParams, type PostTarget } from './postParams.ts';
import { mayHavePosted, retryPlan } from './retryPolicy.ts';

/** What we keep of a failure: enough to show it again after a reload. */
export interface StoredError {
  kind: ApiErrorKind;
  message: string;
  status: number | null;
  code: string | null;
  info: Record<string, unknown> | null;
  retryAfterSec: number | null;
}

export interface OutboxEntry {
  id: string;
  context: string;
  target: PostTarget;
  draft: Draft;
  /** sending/checking: a request is out; waiting: an automatic retry is planned; failed: needs a click. */
  state: 'sending' | 'checking' | 'waiting' | 'failed';
  /** Failed tries since the last click; bounds automatic retries. */
  failures: number;
  /** When the last send started (epoch ms); the post-check looks for notes from then on. */
  lastAttemptAt: number | null;
  /** The last send may have created the note: look on the server before sending again. */
  unsure: boolean;
  error: StoredError | null;
  retryAt: number | null;
  waitForOnline: boolean;
}

export type SendOutcome = 'sent' | 'queued';

export interface OutboxDeps {
  storageKey: string;
  post(params: CreateParams): Promise<Misskey.entities.Note>;
  /** True when the server already holds the note an unsure attempt of `entry` may have made. */
  findPosted(entry: OutboxEntry): Promise<boolean>;
  now?: () => number;
  isOnline?: () => boolean;
}

export interface Outbox {
  entries: Ref<OutboxEntry[]>;
  add(draft: Draft, target: PostTarget, context: string): Promise<SendOutcome>;
  retry(id: string): Promise<SendOutcome>;
  discard(id: string): boolean;
  /** Removes the entry and hands back its draft for editing; null if it turned out to be posted or is in flight. */
  take(id: string): Promise<Draft | null>;
  dispose(): void;
}

function storeError(e: ApiError): StoredError {
  return { kind: e.kind, message: e.message, status: e.status, code: e.code, info: e.info, retryAfterSec: e.retryAfterSec };
}

export function errorOf(entry: OutboxEntry): ApiError | null {
  return entry.error ? new ApiError({ ...entry.error, endpoint: 'notes/create' }) : null;
}

function readEntry(v: unknown): OutboxEntry | null {
  if (typeof v !== 'object' || v === null) return null;
  const e = v as Partial<OutboxEntry>;
  const draft = readDraft(e.draft);
  const states = ['sending', 'checking', 'waiting', 'failed'];
  if (
    !draft ||
    typeof e.id !== 'string' ||
    typeof e.context !== 'string' ||
    !e.target ||
    typeof e.target !== 'object' ||
    !states.includes(e.state ?? '') ||
    typeof e.failures !== 'number'
  )
    return null;
  return {
    id: e.id,
    context: e.context,
    target: e.target,
    draft,
    state: e.state!,
    failures: e.failures,
    lastAttemptAt: typeof e.lastAttemptAt === 'number' ? e.lastAttemptAt : null,
    unsure: e.unsure === true,
    error:
      typeof e.error === 'object' && e.error !== null && typeof e.error.kind === 'string' && typeof e.error.message === 'string'
        ? e.error
        : null,
    retryAt: typeof e.retryAt === 'number' ? e.retryAt : null,
    waitForOnline: e.waitForOnline === true,
  };
}

function load(key: string): OutboxEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.map(readEntry).filter((e): e is OutboxEntry => e !== null) : [];
  } catch {
    return [];
  }
}

/**
 * The per-account queue of posts the server has not confirmed. The no-double-send rule:
 * one request per entry at a time (in this tab), the attempt is persisted before it goes out,
 * and after any failure that may have reached the server (network, timeout, 5xx, or a page
 * closed mid-send) the next try first looks for the note among the user's recent notes
 * (`findPosted`) and only sends if it is not there.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const now = deps.now ?? Date.now;
  const isOnline = deps.isOnline ?? (() => navigator.onLine !== false);
  const entries = ref<OutboxEntry[]>(load(deps.storageKey));
  const inFlight = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const find = (id: string) => entries.value.find((e) => e.id === id);
  const persist = () => localStorage.setItem(deps.storageKey, JSON.stringify(entries.value));

  function remove(id: string): void {
    clearTimer(id);
    entries.value = entries.value.filter((e) => e.id !== id);
    persist();
  }

  function clearTimer(id: string): void {
    const t = timers.get(id);
    if (t !== undefined) clearTimeout(t);
    timers.delete(id);
  }

  function schedule(entry: OutboxEntry): void {
    clearTimer(entry.id);
    if (entry.state !== 'waiting' || entry.retryAt === null) return;
    const id = entry.id;
    timers.set(
      id,
      setTimeout(() => void run(id), Math.max(0, entry.retryAt - now())),
    );
  }

  function fail(entry: OutboxEntry, err: ApiError): void {
    entry.failures++;
    entry.error = storeError(err);
    const plan = retryPlan(err, entry.failures, isOnline());
    entry.state = plan.kind === 'manual' ? 'failed' : 'waiting';
    entry.waitForOnline = plan.kind === 'online';
    entry.retryAt = plan.kind === 'after' ? now() + plan.ms : null;
    persist();
    schedule(entry);
  }

  /** Another tab may have sent or changed the entry: storage is the truth before a request. */
  function refresh(id: string): OutboxEntry | undefined {
    const stored = load(deps.storageKey).find((e) => e.id === id);
    const local = find(id);
    if (!stored) {
      if (local) remove(id);
      return undefined;
    }
    if (local) Object.assign(local, stored);
    return local;
  }

  async function run(id: string): Promise<SendOutcome> {
    if (inFlight.has(id)) return 'queued';
    const entry = refresh(id);
    if (!entry) return 'sent';
    // Another tab has a request out for this entry.
    if (entry.state === 'sending' || entry.state === 'checking') return 'queued';
    inFlight.add(id);
    clearTimer(id);
    try {
      if (entry.unsure) {
        entry.state = 'checking';
        persist();
        try {
          if (await deps.findPosted(entry)) {
            remove(id);
            return 'sent';
          }
        } catch (e) {
          fail(entry, toApiError(e, 'users/notes'));
          return 'queued';
        }
        entry.unsure = false;
      }
      entry.state = 'sending';
      entry.lastAttemptAt = now();
      entry.retryAt = null;
      entry.waitForOnline = false;
      // Persisted before the request: a crash from here on leaves a sending entry, read back as unsure.
      persist();
      try {
        await deps.post(buildCreateParams(entry.draft, entry.target));
      } catch (e) {
        const err = toApiError(e, 'notes/create');
        entry.unsure = mayHavePosted(err.kind);
        fail(entry, err);
        return 'queued';
      }
      remove(id);
      return 'sent';
    } finally {
      inFlight.delete(id);
    }
  }

  function add(draft: Draft, target: PostTarget, context: string): Promise<SendOutcome> {
    const entry: OutboxEntry = {
      id: newDraftId(),
      context,
      target: { ...target },
      draft: JSON.parse(JSON.stringify(draft)) as Draft,
      state: 'waiting',
      failures: 0,
      lastAttemptAt: null,
      unsure: false,
      error: null,
      retryAt: null,
      waitForOnline: false,
    };
    entries.value = [...entries.value, entry];
    persist();
    return run(entry.id);
  }

  function retry(id: string): Promise<SendOutcome> {
    const entry = find(id);
    if (entry) entry.failures = 0;
    return run(id);
  }

  function discard(id: string): boolean {
    if (inFlight.has(id) || !find(id)) return false;
    remove(id);
    return true;
  }

  async function take(id: string): Promise<Draft | null> {
    const entry = refresh(id);
    if (!entry || inFlight.has(id)) return null;
    if (entry.unsure) {
      inFlight.add(id);
      try {
        if (await deps.findPosted(entry)) {
          remove(id);
          return null;
        }
      } catch (e) {
        fail(entry, toApiError(e, 'users/notes'));
        return null;
      } finally {
        inFlight.delete(id);
      }
    }
    remove(id);
    return entry.draft;
  }

  function onOnline(): void {
    for (const e of entries.value) if (e.state === 'waiting' && e.waitForOnline) void run(e.id);
  }

  // Entries a closed page left mid-request may have been posted; check them before anything else.
  for (const e of entries.value) {
    if (e.state === 'sending' || e.state === 'checking') {
      e.unsure = true;
      e.state = 'waiting';
      e.retryAt = now();
    }
    schedule(e);
  }
  persist();
  window.addEventListener('online', onOnline);

  function dispose(): void {
    window.removeEventListener('online', onOnline);
    for (const id of [...timers.keys()]) clearTimer(id);
  }

  return { entries, add, retry, discard, take, dispose };
}
