import { describe, expect, it } from 'vitest';
import { isRemoteEmoji, planRequest, reactionParam, toggled } from './reactionPlan';

describe('toggled', () => {
  it('takes back your own reaction, FE0F or not', () => {
    expect(toggled('❤', '❤️')).toBeNull();
    expect(toggled(':blobcat@.:', ':blobcat@.:')).toBeNull();
    expect(toggled(':blobcat@.:', ':blobcat:')).toBeNull();
  });

  it('switches to another reaction, or adds one when there was none', () => {
    expect(toggled('❤', '👍')).toBe('👍');
    expect(toggled(null, '👍')).toBe('👍');
    expect(toggled(undefined, ':blobcat@.:')).toBe(':blobcat@.:');
  });
});

describe('planRequest', () => {
  it('sends nothing when the user came back to what the server holds', () => {
    expect(planRequest('❤', '❤️')).toEqual({ kind: 'none' });
    expect(planRequest(null, null)).toEqual({ kind: 'none' });
  });

  it('deletes when the user wants none', () => {
    expect(planRequest('❤', null)).toEqual({ kind: 'delete' });
  });

  it('switches with one create, never a delete first', () => {
    expect(planRequest('❤', '👍')).toEqual({ kind: 'create', reaction: '👍' });
    expect(planRequest(null, ':blobcat@.:')).toEqual({ kind: 'create', reaction: ':blobcat:' });
  });
});

describe('reaction keys', () => {
  it('sends a local custom emoji as :name:', () => {
    expect(reactionParam(':blobcat@.:')).toBe(':blobcat:');
    expect(reactionParam('🎉')).toBe('🎉');
  });

  it('tells remote custom emoji apart', () => {
    expect(isRemoteEmoji(':blobcat@misskey.io:')).toBe(true);
    expect(isRemoteEmoji(':blobcat@.:')).toBe(false);
    expect(isRemoteEmoji(':blobcat:')).toBe(false);
    expect(isRemoteEmoji('❤')).toBe(false);
  });
});
