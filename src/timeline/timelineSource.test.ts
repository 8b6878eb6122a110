import { describe, expect, it } from 'vitest';
import type { Api } from '@/api/client';
import { channelFor, fetchPage, filtersOf, timelineName, type TimelineFilters } from './timelineSource';

// Antenna and Misskey-channel timelines: the endpoint and stream channel each one reads.

const filters: TimelineFilters = { withRenotes: true, withReplies: false, withFiles: false };

function recordingApi() {
  const calls: [string, Record<string, unknown>][] = [];
  const api = {
    request: (endpoint: string, params: Record<string, unknown>) => {
      calls.push([endpoint, params]);
      return Promise.resolve([]);
    },
  } as unknown as Api;
  return { api, calls };
}

describe('antenna and channel timelines', () => {
  it('read antennas/notes and channels/timeline with the cursor, and nothing else', async () => {
    const { api, calls } = recordingApi();
    await fetchPage(api, { kind: 'antenna', antennaId: 'a1' }, filters, { untilId: 'n9' }, 20);
    await fetchPage(api, { kind: 'channel', channelId: 'c1' }, filters, { sinceId: 'n1' }, 20);
    expect(calls).toEqual([
      ['antennas/notes', { limit: 20, untilId: 'n9', antennaId: 'a1' }],
      ['channels/timeline', { limit: 20, sinceId: 'n1', channelId: 'c1' }],
    ]);
  });

  it('stream on the antenna and channel channels, take no filters and have names of their own', () => {
    expect(channelFor({ kind: 'antenna', antennaId: 'a1' }, filters)).toEqual({
      channel: 'antenna',
      params: { antennaId: 'a1' },
    });
    expect(channelFor({ kind: 'channel', channelId: 'c1' }, filters)).toEqual({
      channel: 'channel',
      params: { channelId: 'c1' },
    });
    expect(filtersOf({ kind: 'antenna', antennaId: 'a1' })).toEqual([]);
    expect(filtersOf({ kind: 'channel', channelId: 'c1' })).toEqual([]);
    expect(timelineName({ kind: 'antenna', antennaId: 'a1' })).toBe('antenna:a1');
    expect(timelineName({ kind: 'channel', channelId: 'c1' })).toBe('channel:c1');
  });
});
