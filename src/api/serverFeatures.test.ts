import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import meta2024 from '@/testing/fixtures/rest-meta-detail-true.json';
import me2024 from '@/testing/fixtures/rest-i-alice.json';
import meta2026 from '@/testing/fixtures-2026/rest-meta-detail-true.json';
import me2026 from '@/testing/fixtures-2026/rest-i-alice.json';
import endpointChat from '@/testing/fixtures-2026/rest-endpoint-chat-history.json';
import endpointUnknown from '@/testing/fixtures-2026/rest-endpoint-unknown.json';
import { createApi } from './client';
import { replayEndpoints, type RecordedExchange } from '@/testing/replayFetch';
import { featuresOf, probeFeatures } from './serverFeatures';

// JSON imports widen string literals; the recordings are real policies.
const policies = (p: object) => p as Partial<Misskey.entities.RolePolicies>;

describe('featuresOf', () => {
  it('2024.10.1: unread-mention events, no chat, no server drafts', () => {
    expect(featuresOf(meta2024.response.version, policies(me2024.response.policies))).toEqual({
      unreadMentionEvents: true,
      chat: 'absent',
      noteDraftLimit: 0,
      scheduledNoteLimit: 0,
    });
  });

  it('2026.3.2: chat from the policy, drafts and schedules within their limits, no unread-mention events', () => {
    expect(featuresOf(meta2026.response.version, policies(me2026.response.policies))).toEqual({
      unreadMentionEvents: false,
      chat: 'available',
      noteDraftLimit: 10,
      scheduledNoteLimit: 1,
    });
    expect(featuresOf('2026.3.2', { ...policies(me2026.response.policies), chatAvailability: 'readonly' as const }).chat).toBe(
      'readonly',
    );
  });

  it('a modern version whose policies say nothing relies on what endpoint answered', () => {
    expect(featuresOf('2025.10.0', {}, { chat: true, draftParams: ['text', 'scheduledAt'] })).toMatchObject({
      chat: 'available',
      scheduledNoteLimit: Number.MAX_SAFE_INTEGER,
    });
    expect(featuresOf('2025.10.0', {}, { chat: false, draftParams: null })).toMatchObject({ chat: 'absent', noteDraftLimit: 0 });
  });
});

describe('probeFeatures', () => {
  const exchange = (f: { status: number; headers: Record<string, string>; response: unknown; rawBody?: string }) =>
    f as RecordedExchange;

  it('asks nothing of a 2024.10 server, nor of one whose policies say it all', async () => {
    const { fetch, sent } = replayEndpoints({});
    const api = createApi({ origin: 'https://example.com', token: null, fetch });
    expect(await probeFeatures(api, '2024.10.1', policies(me2024.response.policies))).toEqual({});
    expect(await probeFeatures(api, '2026.3.2', policies(me2026.response.policies))).toEqual({});
    expect(sent).toEqual([]);
  });

  it('reads the recorded endpoint answers: params for chat/history, 204 for what is missing', async () => {
    const { fetch, sent } = replayEndpoints({ endpoint: exchange(endpointChat) });
    const api = createApi({ origin: 'https://example.com', token: null, fetch });
    const probed = await probeFeatures(api, '2025.6.0', {});
    expect(probed.chat).toBe(true);
    expect(sent.map((s) => s.body?.endpoint).sort()).toEqual(['chat/history', 'notes/drafts/create']);
    const missing = replayEndpoints({ endpoint: exchange(endpointUnknown) });
    const probed2 = await probeFeatures(
      createApi({ origin: 'https://example.com', token: null, fetch: missing.fetch }),
      '2025.6.0',
      {},
    );
    expect(probed2).toEqual({ chat: false, draftParams: null });
  });
});
