import { computed, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import type { Api } from '@/api/client';
import { endpointParams } from '@/api/serverFeatures';
import { useLoader, useSearchLoader } from '@/api/useLoader';
import { safeColor } from '@/note/mfm/safety';
import { useSessionStore } from '@/stores/session';

// Misskey channels: the ones to discover, the reader's own sets of them, a search, and one channel.

export type ChannelTab = 'featured' | 'following' | 'favorites' | 'owned' | 'muted';

// followed and owned take at most 100 a page; nobody keeps more channels than that close at hand.
function fetchTab(api: Api, tab: ChannelTab): Promise<Misskey.entities.Channel[]> {
  switch (tab) {
    case 'featured':
      return api.request('channels/featured', {});
    case 'following':
      return api.request('channels/followed', { limit: 100 });
    case 'favorites':
      return api.request('channels/my-favorites', {});
    case 'owned':
      return api.request('channels/owned', { limit: 100 });
    case 'muted':
      return api.request('channels/mute/list', {});
  }
}

export function useChannelTab(tab: ChannelTab) {
  const session = useSessionStore();
  const account = computed(() => session.me?.id ?? 'guest');
  const { data, ...rest } = useLoader(account, () => fetchTab(session.api, tab), `channels/${tab}`);
  return { channels: data, ...rest };
}

/**
 * Whether the server has channel mute (2026 servers do, 2024.10 does not): a channel says so with
 * its isMuting, but the list of muted channels needs asking the server, once per account.
 */
export function useChannelMuteSupport(): Ref<boolean> {
  const session = useSessionStore();
  const account = computed(() => session.me?.id ?? null);
  const { data } = useLoader(
    account,
    async (id) => id !== null && (await endpointParams(session.api, 'channels/mute/list')) !== null,
    'endpoint',
  );
  return computed(() => data.value === true);
}

/** Searches channel names and descriptions when asked. */
export function useChannelSearch(query: Ref<string>) {
  const session = useSessionStore();
  const { data, ...rest } = useSearchLoader(
    query,
    (q) => session.api.request('channels/search', { query: q, limit: 30 }),
    'channels/search',
  );
  return { results: data, ...rest };
}

export function useChannel(channelId: Ref<string>) {
  const session = useSessionStore();
  const { data, ...rest } = useLoader(
    channelId,
    (id) => session.api.request('channels/show', { channelId: id }),
    'channels/show',
  );
  return { channel: data, ...rest };
}

/** The channel's colour for a border or stripe, only when it is a plain hex colour. */
export function channelColor(channel: Pick<Misskey.entities.Channel, 'color'>): string | undefined {
  return safeColor(channel.color.replace(/^#/, '')) ?? undefined;
}
