import { describe, expect, it } from 'vitest';
import {
  apiFrame,
  channelMessageFrame,
  connectFrame,
  disconnectFrame,
  parseFrame,
  subNoteFrame,
  unsubNoteFrame,
} from './protocol';

describe('parseFrame', () => {
  // Frames as recorded from Misskey 2024.10.1 (shared fixtures).
  it('reads channel frames, including data-less events with body null', () => {
    expect(parseFrame('{"type":"channel","body":{"id":"main-1","type":"unreadMention","body":"atwft5y8etl0024q"}}')).toEqual({
      ok: true,
      frame: { kind: 'channel', id: 'main-1', event: 'unreadMention', body: 'atwft5y8etl0024q' },
    });
    expect(parseFrame('{"type":"channel","body":{"id":"1","type":"readAllNotifications","body":null}}')).toEqual({
      ok: true,
      frame: { kind: 'channel', id: '1', event: 'readAllNotifications', body: null },
    });
  });

  it('reads each noteUpdated event', () => {
    const bodies = [
      { id: 'n', type: 'reacted', body: { reaction: '👍', emoji: null, userId: 'u' } },
      { id: 'n', type: 'reacted', body: { reaction: ':blobcat@.:', emoji: { name: 'blobcat@.', url: 'http://x' }, userId: 'u' } },
      { id: 'n', type: 'unreacted', body: { reaction: '👍', userId: 'u' } },
      { id: 'n', type: 'pollVoted', body: { choice: 1, userId: 'u' } },
      { id: 'n', type: 'deleted', body: { deletedAt: '2026-11-23T06:17:59.368Z' } },
    ];
    for (const body of bodies) {
      expect(parseFrame(JSON.stringify({ type: 'noteUpdated', body }))).toEqual({
        ok: true,
        frame: { kind: 'noteUpdated', event: body },
      });
    }
  });

  it('reads broadcasts and api answers', () => {
    expect(parseFrame('{"type":"emojiUpdated","body":{"emojis":[]}}')).toEqual({
      ok: true,
      frame: { kind: 'broadcast', type: 'emojiUpdated', body: { emojis: [] } },
    });
    expect(parseFrame('{"type":"api:a7","body":{"res":null}}')).toEqual({
      ok: true,
      frame: { kind: 'apiReply', id: 'a7', reply: { res: null } },
    });
    expect(
      parseFrame('{"type":"api:a7","body":{"error":{"code":"X","message":"m","id":"i","kind":"client","info":{}}}}'),
    ).toEqual({
      ok: true,
      frame: { kind: 'apiReply', id: 'a7', reply: { error: { code: 'X', message: 'm', id: 'i', kind: 'client', info: {} } } },
    });
  });

  it.each([
    ['ping', 'not-json'],
    ['', 'not-json'],
    ['null', 'bad-shape'],
    ['[]', 'bad-shape'],
    ['{"type":"channel","body":null}', 'bad-shape'],
    ['{"type":"channel","body":{"id":"1"}}', 'bad-shape'],
    ['{"type":"noteUpdated","body":{"id":"n","type":"pollVoted","body":{"choice":"1","userId":"u"}}}', 'bad-shape'],
    ['{"type":"noteUpdated","body":{"id":"n","type":"reacted","body":{"reaction":"x","userId":"u","emoji":"x"}}}', 'bad-shape'],
    ['{"type":"emojiAdded","body":{"emojis":[]}}', 'bad-shape'],
    ['{"type":"api:a1","body":{"error":"nope"}}', 'bad-shape'],
    ['{"type":"noteUpdated","body":{"id":"n","type":"updated","body":{}}}', 'unknown-type'],
    ['{"type":"connected","body":{"id":"1"}}', 'unknown-type'],
    ['{"type":"api:","body":{}}', 'unknown-type'],
    ['{"type":"toString","body":{}}', 'unknown-type'],
  ])('rejects %s as %s', (text, reason) => {
    expect(parseFrame(text)).toEqual({ ok: false, reason });
  });
});

describe('outgoing frames', () => {
  it('leaves params out when undefined or null and keeps {} and real params', () => {
    expect(JSON.stringify(connectFrame('main', 'c1'))).toBe('{"type":"connect","body":{"channel":"main","id":"c1"}}');
    expect(JSON.stringify(connectFrame('main', 'c1', null))).toBe('{"type":"connect","body":{"channel":"main","id":"c1"}}');
    expect(connectFrame('localTimeline', 'c2', {})).toEqual({
      type: 'connect',
      body: { channel: 'localTimeline', id: 'c2', params: {} },
    });
    expect(connectFrame('localTimeline', 'c2', { withFiles: false })).toEqual({
      type: 'connect',
      body: { channel: 'localTimeline', id: 'c2', params: { withFiles: false } },
    });
  });

  it('builds the other client frames', () => {
    expect(disconnectFrame('c1')).toEqual({ type: 'disconnect', body: { id: 'c1' } });
    expect(channelMessageFrame('c1', 'ready', true)).toEqual({ type: 'ch', body: { id: 'c1', type: 'ready', body: true } });
    expect(channelMessageFrame('c1', 'cancel', undefined)).toEqual({
      type: 'ch',
      body: { id: 'c1', type: 'cancel', body: null },
    });
    expect(subNoteFrame('n1')).toEqual({ type: 'subNote', body: { id: 'n1' } });
    expect(unsubNoteFrame('n1')).toEqual({ type: 'unsubNote', body: { id: 'n1' } });
    expect(apiFrame('a1', 'i', {})).toEqual({ type: 'api', body: { id: 'a1', endpoint: 'i', data: {} } });
  });
});
