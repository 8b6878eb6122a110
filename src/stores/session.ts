import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import type * as Misskey from 'misskey-js';
import type { SessionRecord } from '@/offline/db';
import { createApi, isLegacyVersion, type Api } from '@/api/client';
import { ApiError, toApiError } from '@/api/errors';
import { featuresOf, NO_FEATURES, probeFeatures, type Probed, type ServerFeatures } from '@/api/serverFeatures';
import { useStreamStore } from '@/stream/store';
import { useNotesStore } from '@/stores/notes';
import { useAccountsStore, type ActiveTarget, type StoredAccount } from '@/stores/accounts';
import { useNotificationsStore } from '@/stores/notifications';
import { useChatUnreadStore } from '@/chat/chatUnread';
import { ACTIVE_SCOPE, defineScopedStore } from './scope';

export type SessionStatus = 'none' | 'loading' | 'ready' | 'error';

interface Server {
  origin: string;
  token: string | null;
  /** where the session is kept on this device: the account's key, or `guest@origin` */
  cacheKey: string;
  account: StoredAccount | null | undefined;
}

// IndexedDB code loads only when a session opens, off the first screen's critical path.
const offline = () => import('@/offline/cache');

// The account (or guest) being read right now: its REST client, its server's meta and emoji,
// and the stream pointed at it. Switching accounts goes through open(). A deck column of another
// account has a session of its own (see scope.ts), opened for that account only.
export const useSessionStore = defineScopedStore('session', (scope) => {
  const stream = useStreamStore(scope);
  const notes = useNotesStore(scope);
  const accounts = useAccountsStore();

  const origin = ref<string | null>(null);
  const me = shallowRef<Misskey.entities.MeDetailed | null>(null);
  const meta = shallowRef<Misskey.entities.MetaDetailed | null>(null);
  const emojis = shallowRef<Misskey.entities.EmojiSimple[]>([]);
  const status = ref<SessionStatus>('none');
  const error = shallowRef<ApiError | null>(null);
  // Token refused (REST 401, socket refused, or main's myTokenRegenerated).
  const expired = ref(false);
  const client = shallowRef<Api | null>(null);
  // Where this session is kept on the device; and, while it shows what was kept there (no
  // answer from the server yet, or none possible), when that was saved.
  const cacheKey = ref<string | null>(null);
  const savedAt = ref<number | null>(null);
  let openServer: Server | null = null;
  // Started from the cache and the server could not be reached: asked again once it can be.
  let stale = false;
  // What `endpoint` said where the policies were silent (asked once per open).
  const probed = shallowRef<Probed>({});
  let generation = 0;
  // Listeners and channels that belong to the open session; close() undoes them.
  let cleanups: Array<() => void> = [];

  const api = computed<Api>(() => {
    if (!client.value) throw new Error('No server is selected yet.');
    return client.value;
  });
  const isGuest = computed(() => status.value === 'ready' && me.value === null);
  /** What this account's server can do (chat, server drafts, schedules, unread events); follows role changes. */
  const features = computed<ServerFeatures>(() =>
    meta.value ? featuresOf(meta.value.version, policiesNow(), probed.value) : NO_FEATURES,
  );

  function policiesNow(): Partial<Misskey.entities.RolePolicies> {
    return me.value?.policies ?? meta.value?.policies ?? {};
  }
  const emojiMap = computed(() => new Map(emojis.value.map((e) => [e.name, e.url])));

  function emojiUrl(name: string): string | undefined {
    return emojiMap.value.get(name);
  }

  function markExpired(): void {
    expired.value = true;
  }

  // A guest's sockets refused while REST answers means: poll (stream store).
  function probeRest(): Promise<boolean> {
    const api = client.value;
    if (!api) return Promise.resolve(false);
    return api.request('meta', { detail: false }).then(
      () => true,
      () => false,
    );
  }

  async function checkToken(): Promise<'ok' | 'rejected' | 'unknown'> {
    try {
      await api.value.request('i', {});
      return 'ok';
    } catch (e) {
      const err = toApiError(e, 'i');
      if (err.kind === 'session-expired') {
        markExpired();
        return 'rejected';
      }
      return 'unknown';
    }
  }

  function close(): void {
    generation++;
    cleanups.forEach((undo) => undo());
    cleanups = [];
    stream.stop();
    notes.reset();
    client.value = null;
    openServer = null;
    stale = false;
    cacheKey.value = null;
    savedAt.value = null;
    origin.value = null;
    me.value = null;
    meta.value = null;
    probed.value = {};
    emojis.value = [];
    expired.value = false;
    error.value = null;
    status.value = 'none';
  }

  async function open(target: ActiveTarget | null): Promise<void> {
    close();
    if (scope === ACTIVE_SCOPE) accounts.activate(target);
    if (!target) return;
    const account = target.kind === 'account' ? accounts.accounts.find((a) => a.key === target.key) : null;
    if (target.kind === 'account' && !account) return;
    const gen = generation;
    const serverOrigin = account ? account.origin : (target as { origin: string }).origin;
    const token = account?.token ?? null;
    const server: Server = { origin: serverOrigin, token, cacheKey: account ? account.key : `guest@${serverOrigin}`, account };
    openServer = server;
    origin.value = serverOrigin;
    cacheKey.value = server.cacheKey;
    status.value = 'loading';
    const api = createApi({ origin: serverOrigin, token });
    client.value = api;
    // The server is asked at once; meanwhile what was kept of the last session (if anything)
    // makes the session ready before any answer, the way an installed app opens.
    const metaAnswer = api.request('meta', { detail: true });
    metaAnswer.catch(() => {});
    const kept = await offline()
      .then((m) => m.loadSession(server.cacheKey))
      .catch(() => null);
    if (gen !== generation) return;
    if (kept) startFromCache(server, kept);
    await connectToServer(gen, server, metaAnswer);
  }

  // What the last session saw, until the server answers (or for as long as it cannot).
  function startFromCache(server: Server, kept: SessionRecord): void {
    const legacyApi = isLegacyVersion(kept.meta.version);
    const api = legacyApi ? createApi({ origin: server.origin, token: server.token, viaStream }) : client.value!;
    client.value = api;
    meta.value = kept.meta;
    me.value = kept.me;
    emojis.value = kept.emojis;
    probed.value = kept.probed ?? {};
    notes.setViewer(kept.me?.id ?? null);
    stream.start({ origin: server.origin, token: server.token, checkToken, probeRest, legacyApi });
    if (kept.me) listenToMain(kept.me, api);
    listenToEmojiBroadcasts();
    savedAt.value = kept.savedAt;
    status.value = 'ready';
  }

  function viaStream(endpoint: string, data: Record<string, unknown>): Promise<unknown> | null {
    return stream.state === 'open' ? stream.apiOverStream(endpoint, data) : null;
  }

  // Reads the server's meta, the account and its emoji; a session started from the cache takes
  // them as they come, and keeps reading from the cache when the server cannot be reached.
  async function connectToServer(gen: number, server: Server, metaAnswer: Promise<unknown>): Promise<void> {
    const fromCache = status.value === 'ready';
    let api = client.value!;
    try {
      const serverMeta = (await metaAnswer) as Misskey.entities.MetaDetailed;
      if (gen !== generation) return;
      const legacyApi = isLegacyVersion(serverMeta.version);
      // The cache guessed the server's age wrong (it was upgraded): start the stream over.
      const restart = !fromCache || legacyApi !== isLegacyVersion(meta.value?.version ?? '');
      if (restart) {
        cleanups.forEach((undo) => undo());
        cleanups = [];
        api = createApi({ origin: server.origin, token: server.token, ...(legacyApi ? { viaStream } : {}) });
        client.value = api;
        stream.start({ origin: server.origin, token: server.token, checkToken, probeRest, legacyApi });
      }
      meta.value = serverMeta;
      const [user, emojiList] = await Promise.all([
        server.token ? api.request('i', {}) : Promise.resolve(null),
        api.request('emojis', {}),
      ]);
      if (gen !== generation) return;
      const found = await probeFeatures(api, serverMeta.version, user?.policies ?? serverMeta.policies);
      if (gen !== generation) return;
      probed.value = found;
      me.value = user;
      emojis.value = emojiList.emojis;
      notes.setViewer(user?.id ?? null);
      if (server.account && user) accounts.updateProfile(server.account.key, user);
      if (restart) {
        if (user) listenToMain(user, api);
        listenToEmojiBroadcasts();
      } else if (user) {
        useNotificationsStore(scope).update(user);
      }
      stale = false;
      savedAt.value = null;
      status.value = 'ready';
      const record: SessionRecord = {
        account: server.cacheKey,
        meta: serverMeta,
        me: user,
        emojis: emojiList.emojis,
        probed: found,
        savedAt: Date.now(),
      };
      void offline().then((m) => m.saveSession(record));
    } catch (e) {
      if (gen !== generation) return;
      const err = toApiError(e, 'i');
      if (err.kind === 'session-expired') markExpired();
      if (fromCache) {
        // Reading goes on from the cache; the server is asked again once it can be reached.
        stale = err.kind !== 'session-expired';
        return;
      }
      error.value = err;
      status.value = 'error';
      // Opened offline with nothing kept: try again once the browser is back online.
      if (err.kind === 'offline') {
        window.addEventListener(
          'online',
          () => {
            if (gen === generation) void restore();
          },
          { once: true },
        );
      }
    }
  }

  // A session that started from the cache and could not reach the server tries again as soon as
  // the stream (or the browser) says the server is back.
  function retryStale(): void {
    const target = openServer;
    if (!stale || !target || status.value !== 'ready') return;
    stale = false;
    const api = client.value!;
    const answer = api.request('meta', { detail: true });
    answer.catch(() => {});
    void connectToServer(generation, target, answer);
  }

  function listenToMain(current: Misskey.entities.MeDetailed, api: Api): void {
    const main = stream.connect('main');
    // misskey-js types this as UserDetailed; the server sends the full MeDetailed.
    main.on('meUpdated', (user) => setMe(user as Misskey.entities.MeDetailed));
    main.on('myTokenRegenerated', () => markExpired());
    // Our own follow counts move with follow (we followed), unfollow (a follow of ours ended) and followed.
    main.on('follow', () => adjustCounts('followingCount', 1));
    main.on('unfollow', () => adjustCounts('followingCount', -1));
    main.on('followed', () => adjustCounts('followersCount', 1));
    cleanups.push(() => main.dispose());
    // Created here, not at setup: the unread store is per open account and reset by close().
    const unread = useNotificationsStore(scope);
    unread.start(current, api, features.value.unreadMentionEvents);
    cleanups.push(() => unread.stop());
    const chat = features.value.chat;
    if (chat === 'available' || chat === 'readonly') {
      const chatUnread = useChatUnreadStore(scope);
      chatUnread.start(current, api);
      cleanups.push(() => chatUnread.stop());
    }
  }

  // The server's newest word on the signed-in user (meUpdated, or an endpoint that answers with it).
  function setMe(user: Misskey.entities.MeDetailed): void {
    if (me.value && me.value.id === user.id) me.value = user;
  }

  function adjustCounts(key: 'followingCount' | 'followersCount', by: number): void {
    if (me.value) me.value = { ...me.value, [key]: Math.max(0, me.value[key] + by) };
  }

  function listenToEmojiBroadcasts(): void {
    cleanups.push(
      stream.onBroadcast('emojiAdded', ({ emoji }) => {
        emojis.value = [...emojis.value.filter((e) => e.name !== emoji.name), emoji];
      }),
      stream.onBroadcast('emojiUpdated', ({ emojis: changed }) => {
        const byName = new Map(changed.map((e) => [e.name, e]));
        emojis.value = emojis.value.map((e) => byName.get(e.name) ?? e);
      }),
      stream.onBroadcast('emojiDeleted', ({ emojis: gone }) => {
        const names = new Set(gone.map((e) => e.name));
        emojis.value = emojis.value.filter((e) => !names.has(e.name));
      }),
    );
  }

  const offStreamOpen = watch(
    () => stream.state,
    (state) => {
      if (state === 'open') retryStale();
    },
  );
  window.addEventListener('online', retryStale);
  onScopeDispose(() => {
    offStreamOpen();
    window.removeEventListener('online', retryStale);
  });

  // Reopens whatever was active when the page was last open (a deck column's session: its account).
  function restore(): Promise<void> {
    return open(scope === ACTIVE_SCOPE ? accounts.active : { kind: 'account', key: scope });
  }

  return {
    origin,
    me,
    meta,
    emojis,
    status,
    error,
    expired,
    cacheKey,
    savedAt,
    api,
    isGuest,
    features,
    emojiUrl,
    open,
    close,
    restore,
    markExpired,
    setMe,
  };
});
