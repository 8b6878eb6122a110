import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TimelineRecord } from './db';
import {
  forgetAccount,
  loadRead,
  loadSession,
  loadTimeline,
  MAX_READS,
  MAX_TIMELINES,
  saveRead,
  saveSession,
  saveTimeline,
} from './cache';

function timeline(account: string, name: string, savedAt: number): TimelineRecord {
  return { key: `${account}|${name}`, account, items: [{ kind: 'note', id: 'n1' }], notes: [], sizes: [], anchor: null, savedAt };
}

describe('offline cache', () => {
  it('keeps a session per account', async () => {
    const meta = { version: '2024.10.1' } as never;
    await saveSession({ account: 'u1@https://a.example', meta, me: null, emojis: [], savedAt: 5 });
    expect(await loadSession('u1@https://a.example')).toMatchObject({ meta, savedAt: 5 });
    expect(await loadSession('u2@https://a.example')).toBeNull();
  });

  it("keeps an account's most recently saved timelines only, and never touches another account's", async () => {
    await saveTimeline(timeline('other', 'home', 1));
    for (let i = 0; i < MAX_TIMELINES + 3; i++) await saveTimeline(timeline('evict', `tl${i}`, 100 + i));
    expect(await loadTimeline('evict|tl0')).toBeNull();
    expect(await loadTimeline('evict|tl2')).toBeNull();
    expect(await loadTimeline('evict|tl3')).toMatchObject({ savedAt: 103 });
    expect(await loadTimeline(`evict|tl${MAX_TIMELINES + 2}`)).not.toBeNull();
    expect(await loadTimeline('other|home')).not.toBeNull();
  });

  it('keeps reads per account, bounded', async () => {
    await saveRead('reader', 'note:1', { text: 'kept' });
    expect(await loadRead('reader', 'note:1')).toMatchObject({ value: { text: 'kept' } });
    expect(await loadRead('someone else', 'note:1')).toBeNull();
    for (let i = 0; i < MAX_READS; i++) await saveRead('reader', `note:x${i}`, i);
    expect(await loadRead('reader', 'note:1')).toBeNull();
    expect(await loadRead('reader', `note:x${MAX_READS - 1}`)).toMatchObject({ value: MAX_READS - 1 });
  });

  it('forgets everything of a removed account', async () => {
    await saveSession({ account: 'gone', meta: {} as never, me: null, emojis: [], savedAt: 1 });
    await saveTimeline(timeline('gone', 'home', 1));
    await saveRead('gone', 'user:@bob', {});
    await saveTimeline(timeline('stays', 'home', 1));
    await forgetAccount('gone');
    expect(await loadSession('gone')).toBeNull();
    expect(await loadTimeline('gone|home')).toBeNull();
    expect(await loadRead('gone', 'user:@bob')).toBeNull();
    expect(await loadTimeline('stays|home')).not.toBeNull();
  });
});
