import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import created from '@/testing/fixtures-2026/rest-notes-drafts-create.json';
import scheduled from '@/testing/fixtures-2026/rest-notes-drafts-create-scheduled.json';
import { emptyDraft } from './draftModel';
import { draftParams, fromLocalInput, fromServerDraft, serverDraftContext, toLocalInput } from './serverDrafts';

const recorded = (f: { response: { createdDraft: unknown } }) => f.response.createdDraft as Misskey.entities.NoteDraft;

describe('server drafts', () => {
  it('reads the recorded NoteDraft into a composer draft', () => {
    const d = fromServerDraft(recorded(created), []);
    expect(d).toMatchObject({
      text: created.request.body.text,
      cwEnabled: true,
      cw: 'draft cw',
      visibility: 'home',
      serverId: recorded(created).id,
    });
    expect(serverDraftContext(recorded(created))).toBe('new');
    expect(serverDraftContext({ replyId: 'n1', renoteId: null })).toBe('reply:n1');
  });

  it('sends what the composer holds, empty text included', () => {
    const draft = { ...emptyDraft(), cwEnabled: true, cw: 'cw', visibility: 'followers' as const };
    expect(draftParams(draft, { replyId: 'n1' })).toEqual({
      visibility: 'followers',
      text: null,
      cw: 'cw',
      poll: null,
      replyId: 'n1',
    });
  });

  it('converts schedule times in the local time zone both ways', () => {
    const at = recorded(scheduled).scheduledAt!;
    const local = toLocalInput(at);
    expect(fromLocalInput(local)).toBe(Math.floor(at / 1000) * 1000);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a time')).toBeNull();
  });
});
