import { computed, reactive } from 'vue';
import { subNoteFrame, subNoteReadFrame, unsubNoteFrame, type OutgoingFrame } from './protocol';

/**
 * Note captures with our own count per note: the server hears one subNote at 0→1 and one unsubNote
 * at 1→0, so its counter never drifts (protocol §13.1). `send` must drop frames while down.
 */
export function createCaptureRegistry(send: (frame: OutgoingFrame) => void) {
  const counts = reactive(new Map<string, number>());

  // `read`: the reader is looking at a note addressed to them (only the first capture can say so:
  // a second `sr` would count as one more capture on the server).
  function capture(noteId: string, read = false): void {
    const count = counts.get(noteId) ?? 0;
    counts.set(noteId, count + 1);
    if (count === 0) send(read ? subNoteReadFrame(noteId) : subNoteFrame(noteId));
  }

  function release(noteId: string): void {
    const count = counts.get(noteId);
    if (count === undefined) return;
    if (count > 1) {
      counts.set(noteId, count - 1);
      return;
    }
    counts.delete(noteId);
    send(unsubNoteFrame(noteId));
  }

  /** On open: one subNote per captured note. */
  function resendAll(): void {
    for (const noteId of counts.keys()) send(subNoteFrame(noteId));
  }

  return {
    capture,
    release,
    resendAll,
    count: computed(() => counts.size),
    has: (noteId: string) => counts.has(noteId),
    clear: () => counts.clear(),
  };
}
