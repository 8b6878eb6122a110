import type * as Misskey from 'misskey-js';
import { MAX_CHANNELS_PER_SOCKET, SHARED_CHANNELS, type ChannelEvents, type ChannelListener, type ChannelName } from './channels';
import { channelMessageFrame, connectFrame, disconnectFrame, type OutgoingFrame } from './protocol';
import { callSafely, type Listener } from './listeners';

export interface ChannelHandle<C extends ChannelName> {
  /** The client-side handle id: unique, never reused. */
  readonly id: string;
  on<E extends keyof ChannelEvents<C>>(event: E, fn: ChannelListener<C, E>): () => void;
  /** Sends a `ch` frame; dropped, not queued, while the socket is down. */
  send(type: string, body: unknown): void;
  /** Idempotent. */
  dispose(): void;
}

// One server-side channel instance we want on every socket.
interface ChannelInstance {
  channel: ChannelName;
  params: object | undefined;
  handles: Set<HandleRecord>;
  serverId: string | null; // its id on the current socket, null while down
}

interface HandleRecord {
  id: string;
  instance: ChannelInstance;
  listeners: Map<PropertyKey, Set<Listener>>;
  disposed: boolean;
}

/**
 * The channels components asked for, and their ids on the current socket. `send` must drop frames
 * while the socket is down; `isOpen` says whether a new instance can be connected right away.
 */
export function createChannelRegistry(send: (frame: OutgoingFrame) => void, isOpen: () => boolean) {
  let lastHandleId = 0;
  let lastServerId = 0; // never reset, so no id repeats on any socket
  const instances = new Set<ChannelInstance>();
  const sharedInstances = new Map<ChannelName, ChannelInstance>();
  const liveIds = new Map<string, ChannelInstance>();
  const records = new Set<HandleRecord>();

  function attach(instance: ChannelInstance): void {
    const serverId = `c${++lastServerId}`;
    instance.serverId = serverId;
    liveIds.set(serverId, instance);
    send(connectFrame(instance.channel, serverId, instance.params));
  }

  /** On open: connect every live instance once, each under a fresh id. */
  function attachAll(): void {
    for (const instance of instances) attach(instance);
  }

  /** On close: the server forgot every instance along with the socket. */
  function detachAll(): void {
    liveIds.clear();
    for (const instance of instances) instance.serverId = null;
  }

  function dispose(record: HandleRecord): void {
    if (record.disposed) return;
    record.disposed = true;
    record.listeners.clear();
    records.delete(record);
    const instance = record.instance;
    instance.handles.delete(record);
    if (instance.handles.size > 0) return;
    instances.delete(instance);
    if (sharedInstances.get(instance.channel) === instance) sharedInstances.delete(instance.channel);
    if (instance.serverId !== null) {
      liveIds.delete(instance.serverId);
      send(disconnectFrame(instance.serverId));
      instance.serverId = null;
    }
  }

  function connect<C extends ChannelName>(channel: C, params?: Misskey.Channels[C]['params']): ChannelHandle<C> {
    const shared = SHARED_CHANNELS.has(channel);
    let instance = shared ? sharedInstances.get(channel) : undefined;
    if (!instance) {
      if (instances.size >= MAX_CHANNELS_PER_SOCKET) {
        throw new Error(
          `Cannot connect to "${channel}": at most ${MAX_CHANNELS_PER_SOCKET} channel instances per socket ` +
            '(Misskey ignores the rest). Dispose a channel first.',
        );
      }
      // Shared channels take no params (misskey-js types them as null).
      instance = { channel, params: shared ? undefined : (params ?? undefined), handles: new Set(), serverId: null };
      instances.add(instance);
      if (shared) sharedInstances.set(channel, instance);
      if (isOpen()) attach(instance);
    }
    const record: HandleRecord = { id: `h${++lastHandleId}`, instance, listeners: new Map(), disposed: false };
    instance.handles.add(record);
    records.add(record);
    return {
      id: record.id,
      on(event, fn) {
        if (record.disposed) return () => {};
        const set = record.listeners.get(event) ?? new Set<Listener>();
        record.listeners.set(event, set);
        const listener = fn as unknown as Listener;
        set.add(listener);
        return () => set.delete(listener);
      },
      send(type, body) {
        if (record.disposed || record.instance.serverId === null) return;
        send(channelMessageFrame(record.instance.serverId, type, body));
      },
      dispose: () => dispose(record),
    };
  }

  /** Hands a `channel` frame to the handles of its instance; false when the id is not ours. */
  function deliver(serverId: string, event: string, body: unknown): boolean {
    const instance = liveIds.get(serverId);
    if (!instance) return false;
    for (const record of [...instance.handles]) {
      for (const fn of [...(record.listeners.get(event) ?? [])]) callSafely(fn, body);
    }
    return true;
  }

  /** Forgets every handle; later calls on them do nothing. */
  function clear(): void {
    for (const record of records) {
      record.disposed = true;
      record.listeners.clear();
    }
    records.clear();
    instances.clear();
    sharedInstances.clear();
    liveIds.clear();
  }

  return { connect, attachAll, detachAll, deliver, clear };
}
