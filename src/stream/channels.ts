import type * as Misskey from 'misskey-js';

export type ChannelName = keyof Misskey.Channels;

// Misskey refuses a second instance of these per socket, so the store multiplexes one (protocol §4).
export const SHARED_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'main',
  'drive',
  'admin',
  'reversi',
  'serverStats',
  'queueStats',
]);

// A server ignores any `connect` past this many instances on one socket (protocol §4).
export const MAX_CHANNELS_PER_SOCKET = 32;

// [24.10] still sends these on `main`; misskey-js 2026.5.1 no longer declares them (protocol §4.2, §11).
interface MainEventsOf2024 {
  unreadMention: (noteId: Misskey.entities.Note['id']) => void;
  readAllUnreadMentions: () => void;
  unreadSpecifiedNote: (noteId: Misskey.entities.Note['id']) => void;
  readAllUnreadSpecifiedNotes: () => void;
}

export type ChannelEvents<C extends ChannelName> = C extends 'main'
  ? Misskey.Channels['main']['events'] & MainEventsOf2024
  : Misskey.Channels[C]['events'];

// misskey-js types a few events (admin's newAbuseUserReport) as the payload rather than a listener.
export type ChannelListener<C extends ChannelName, E extends keyof ChannelEvents<C>> = ChannelEvents<C>[E] extends (
  ...args: never[]
) => unknown
  ? ChannelEvents<C>[E]
  : (payload: ChannelEvents<C>[E]) => void;
