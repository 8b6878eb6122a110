// The signed-in account's pinned reactions, kept in i/registry so every device of the account
// shows the same set. Read when a picker first needs it and again each time one opens (a change
// made with another token comes with no event); changes made with this account's own token
// arrive live on `main` (registryUpdated).
import { ref, shallowRef, watch } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { DEFAULT_PINNED, PINNED_KEY, PINNED_SCOPE, readPinned } from '@/note/reactions/pinnedReactions';
import { useSessionStore } from '@/stores/session';
import { useStreamStore, type ChannelHandle } from '@/stream/store';
import { defineScopedStore } from './scope';

const sameScope = (scope: readonly string[] | undefined) => JSON.stringify(scope ?? []) === JSON.stringify(PINNED_SCOPE);

export const usePinnedReactionsStore = defineScopedStore('pinnedReactions', (scope) => {
  const session = useSessionStore(scope);
  const stream = useStreamStore(scope);
  const list = ref<string[]>([...DEFAULT_PINNED]);
  const loaded = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let main: ChannelHandle<'main'> | null = null;
  let generation = 0;
  // Asked for already (a picker or the settings page): a session that becomes ready reads it.
  let wanted = false;

  function reset(): void {
    generation++;
    main?.dispose();
    main = null;
    list.value = [...DEFAULT_PINNED];
    loaded.value = false;
    error.value = null;
  }

  // Another account (or none) starts from the defaults, then reads its own if it is wanted.
  watch(
    () => (session.status === 'ready' ? (session.me?.id ?? null) : null),
    (userId) => {
      reset();
      if (userId && wanted) void refresh();
    },
  );

  async function refresh(): Promise<void> {
    wanted = true;
    if (session.status !== 'ready' || !session.me) return;
    if (!main) {
      main = stream.connect('main');
      main.on('registryUpdated', ({ scope, key, value }) => {
        const next = sameScope(scope) && key === PINNED_KEY ? readPinned(value) : null;
        if (next) list.value = next;
      });
    }
    const gen = generation;
    try {
      const value = await session.api.request('i/registry/get', { scope: PINNED_SCOPE, key: PINNED_KEY });
      if (gen !== generation) return;
      list.value = readPinned(value) ?? [...DEFAULT_PINNED];
      error.value = null;
    } catch (e) {
      if (gen !== generation) return;
      const err = toApiError(e, 'i/registry/get');
      // Never set on this account: the defaults stand.
      if (err.code === 'NO_SUCH_KEY') list.value = [...DEFAULT_PINNED];
      else error.value = err;
    } finally {
      if (gen === generation) loaded.value = true;
    }
  }

  /** Shows `next` at once and stores it; on failure the old set comes back and the error is returned. */
  async function save(next: string[]): Promise<ApiError | null> {
    const previous = list.value;
    list.value = next;
    try {
      await session.api.request('i/registry/set', { scope: PINNED_SCOPE, key: PINNED_KEY, value: next });
      return null;
    } catch (e) {
      list.value = previous;
      return toApiError(e, 'i/registry/set');
    }
  }

  return { list, loaded, error, refresh, save };
});
