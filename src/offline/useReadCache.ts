import { watch } from 'vue';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';

// IndexedDB code loads on first use, off the first screen.
const offline = () => import('./cache');

/**
 * Reads kept per account for offline reading (a note's thread, a profile, the notifications):
 * `load` answers what was kept (or null), `save` keeps the server's latest answer.
 */
export function useReadCache() {
  const session = useSessionStore();
  const stream = useStreamStore();

  function load<T>(what: string): Promise<{ value: T; savedAt: number } | null> {
    const account = session.cacheKey;
    if (!account) return Promise.resolve(null);
    return offline()
      .then((m) => m.loadRead<T>(account, what))
      .catch(() => null);
  }

  function save(what: string, value: unknown): void {
    const account = session.cacheKey;
    if (account) void offline().then((m) => m.saveRead(account, what, value));
  }

  /** Calls `fn` whenever the server can be reached again (the stream opened): a kept copy on screen is replaced then. */
  function onServerBack(fn: () => void): void {
    watch(
      () => stream.state,
      (state, before) => {
        if (state === 'open' && before !== 'open') fn();
      },
    );
  }

  return { load, save, onServerBack };
}
