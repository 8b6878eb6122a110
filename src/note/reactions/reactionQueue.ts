// Per-note coalescing of reaction changes: every click shows at once, and once the user has stopped
// changing their mind, one request takes the server from what it holds to what they chose.
import { planRequest, type ReactionRequest } from './reactionPlan';

export interface ReactionQueueOps {
  /** The viewer's reaction on the note as the cache shows it now. */
  current(noteId: string): string | null;
  /** Optimistic changes; each returns its rollback. */
  react(noteId: string, reaction: string): () => void;
  unreact(noteId: string): () => void;
  send(noteId: string, request: Exclude<ReactionRequest, { kind: 'none' }>): Promise<void>;
  failed(noteId: string, error: unknown): void;
}

interface Entry {
  desired: string | null;
  /** Optimistic changes not sent yet, oldest first. */
  pending: Array<() => void>;
  timer: ReturnType<typeof setTimeout> | null;
  inFlight: Promise<void> | null;
}

export interface ReactionQueue {
  /** Shows `desired` (a reaction, or null for none) at once and sends it after a pause. */
  set(noteId: string, desired: string | null): void;
  /** Sends every waiting change now; resolves when no request is left in flight. */
  flush(): Promise<void>;
}

export function createReactionQueue(ops: ReactionQueueOps, delayMs = 350): ReactionQueue {
  const entries = new Map<string, Entry>();

  function set(noteId: string, desired: string | null): void {
    const entry = entries.get(noteId) ?? { desired: null, pending: [], timer: null, inFlight: null };
    entries.set(noteId, entry);
    entry.desired = desired;
    entry.pending.push(desired == null ? ops.unreact(noteId) : ops.react(noteId, desired));
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void send(noteId, entry);
    }, delayMs);
  }

  function undo(list: Array<() => void>): void {
    for (const rollback of list.reverse()) rollback();
  }

  async function send(noteId: string, entry: Entry): Promise<void> {
    // The request in flight ends by sending whatever changed meanwhile.
    if (entry.inFlight || entry.pending.length === 0) return;
    // Take back the guesses made so far and replace them with the one change the request makes.
    undo(entry.pending.splice(0));
    const request = planRequest(ops.current(noteId), entry.desired);
    if (request.kind === 'none') {
      entries.delete(noteId);
      return;
    }
    const rollback = request.kind === 'create' ? ops.react(noteId, request.reaction) : ops.unreact(noteId);
    entry.inFlight = ops.send(noteId, request).then(
      () => {
        entry.inFlight = null;
        if (entry.pending.length === 0) entries.delete(noteId);
        else if (!entry.timer) return send(noteId, entry);
      },
      (error: unknown) => {
        entry.inFlight = null;
        // Newer guesses sit on top of the failed one: undo them first, then give up on the lot.
        if (entry.timer) clearTimeout(entry.timer);
        undo(entry.pending.splice(0));
        rollback();
        entries.delete(noteId);
        ops.failed(noteId, error);
      },
    );
    return entry.inFlight;
  }

  async function flush(): Promise<void> {
    while (entries.size > 0) {
      const waits = [...entries].map(([noteId, entry]) => {
        if (entry.timer) {
          clearTimeout(entry.timer);
          entry.timer = null;
        }
        return entry.inFlight ?? send(noteId, entry);
      });
      await Promise.all(waits);
    }
  }

  return { set, flush };
}
