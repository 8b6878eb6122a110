import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { afterFailure, findSent, loadOutbox, saveOutbox, type PendingMessage } from './chatOutbox';

const pending: PendingMessage = {
  id: 'p1',
  target: 'user:bob',
  text: 'hello',
  file: null,
  state: 'sending',
  failures: 0,
  unsure: false,
  after: 'a005',
  error: null,
};
const error = (kind: ApiError['kind']) => new ApiError({ kind, endpoint: 'chat/messages/create-to-user', message: kind });

describe('chat outbox', () => {
  it('retries a network failure once by itself, then waits for a click', () => {
    const once = afterFailure(pending, error('network'));
    expect(once).toMatchObject({ state: 'waiting', failures: 1, unsure: true });
    expect(afterFailure(once, error('network'))).toMatchObject({ state: 'failed', failures: 2 });
  });

  it('does not retry what would fail the same way', () => {
    expect(afterFailure(pending, error('client'))).toMatchObject({ state: 'failed', unsure: false });
  });

  it('finds the message an unsure try created, never an older one', () => {
    const recent = [
      { id: 'a007', fromUserId: 'me', text: 'hello', file: null },
      { id: 'a003', fromUserId: 'me', text: 'hello', file: null },
    ];
    expect(findSent(pending, recent, 'me')).toBe('a007');
    expect(findSent(pending, recent.slice(1), 'me')).toBeNull();
    expect(findSent(pending, [{ id: 'a009', fromUserId: 'other', text: 'hello', file: null }], 'me')).toBeNull();
  });

  it('reads back a send a closed page left unsure', () => {
    saveOutbox('acct', [pending]);
    expect(loadOutbox('acct')).toEqual([{ ...pending, state: 'waiting', unsure: true }]);
    saveOutbox('acct', []);
    expect(loadOutbox('acct')).toEqual([]);
  });
});
