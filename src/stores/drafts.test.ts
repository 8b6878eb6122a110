import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type * as Misskey from 'misskey-js';
import { useAccountsStore } from './accounts.ts';
import { DRAFT_SAVE_DELAY_MS, useDraftsStore } from './drafts.ts';
import { emptyDraft, emptyPoll, type Draft } from '@/compose/draftModel';
import showPlain from '@/testing/fixtures/rest-notes-show-plain.json';
import driveFile from '@/testing/fixtures/rest-drive-files-create.json';

const alice = showPlain.response.user as Misskey.entities.UserLite;
const bob = { ...alice, id: 'atwdhku6mobw0003', username: 'bob' };
const origin = 'https://misskey.example';

function signIn(user: Misskey.entities.UserLite): string {
  const accounts = useAccountsStore();
  const account = accounts.add(origin, 'token', user);
  accounts.activate({ kind: 'account', key: account.key });
  return account.key;
}

// A fresh store over the same storage, as after a reload.
function reload(user: Misskey.entities.UserLite): ReturnType<typeof useDraftsStore> {
  setActivePinia(createPinia());
  signIn(user);
  return useDraftsStore();
}

const draft = (over: Partial<Draft>): Draft => ({ ...emptyDraft(), ...over });

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('drafts', () => {
  it('saves after the user pauses, not on every keystroke', () => {
    signIn(alice);
    const drafts = useDraftsStore();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    drafts.schedule('new', draft({ text: 'h' }));
    drafts.schedule('new', draft({ text: 'he' }));
    drafts.schedule('new', draft({ text: 'hel' }));
    const draftWrites = () => setItem.mock.calls.filter(([key]) => key.startsWith('mkc:drafts:')).length;
    expect(draftWrites()).toBe(0);
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS);
    expect(draftWrites()).toBe(1);
    expect(reload(alice).load('new')?.text).toBe('hel');
    setItem.mockRestore();
  });

  it('flushes a pending save when the page is hidden or left', () => {
    signIn(alice);
    const drafts = useDraftsStore();
    drafts.schedule('new', draft({ text: 'typed just before closing' }));
    window.dispatchEvent(new Event('pagehide'));
    expect(reload(alice).load('new')?.text).toBe('typed just before closing');
  });

  it('keeps drafts apart per account and per context', () => {
    signIn(alice);
    const drafts = useDraftsStore();
    drafts.saveNow('new', draft({ text: 'alice new' }));
    drafts.saveNow('reply:n1', draft({ text: 'alice reply' }));
    drafts.saveNow('quote:n1', draft({ text: 'alice quote' }));
    signIn(bob);
    expect(drafts.load('new')).toBeNull();
    drafts.saveNow('new', draft({ text: 'bob new' }));
    signIn(alice);
    expect(drafts.load('new')?.text).toBe('alice new');
    expect(drafts.load('reply:n1')?.text).toBe('alice reply');
    expect(drafts.load('quote:n1')?.text).toBe('alice quote');
    expect(drafts.load('reply:n2')).toBeNull();
  });

  it('restores every part of a draft, uploaded files included', () => {
    signIn(alice);
    const full = draft({
      text: 'poll time',
      cwEnabled: true,
      cw: 'cw',
      visibility: 'specified',
      localOnly: true,
      recipients: [{ id: bob.id, username: 'bob', host: null }],
      poll: { ...emptyPoll(), choices: ['a', 'b'], expiry: { kind: 'after', amount: 3, unit: 'hour' } },
      files: [driveFile.response as Misskey.entities.DriveFile],
    });
    useDraftsStore().saveNow('new', full);
    expect(reload(alice).load('new')).toEqual(full);
  });

  it('clears a context without touching the others, and cancels its pending save', () => {
    signIn(alice);
    const drafts = useDraftsStore();
    drafts.saveNow('reply:n1', draft({ text: 'keep me' }));
    drafts.schedule('new', draft({ text: 'posted' }));
    drafts.clear('new');
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS * 2);
    expect(drafts.load('new')).toBeNull();
    expect(drafts.load('reply:n1')?.text).toBe('keep me');
  });

  it('ignores corrupt storage instead of throwing', () => {
    const key = signIn(alice);
    localStorage.setItem(`mkc:drafts:${key}`, '{not json');
    const drafts = useDraftsStore();
    expect(drafts.load('new')).toBeNull();
    localStorage.setItem(`mkc:drafts:${key}`, JSON.stringify({ new: { text: 42 }, 'reply:n1': draft({ text: 'fine' }) }));
    expect(drafts.load('new')).toBeNull();
    expect(drafts.load('reply:n1')?.text).toBe('fine');
    expect(() => drafts.saveNow('new', draft({ text: 'over it' }))).not.toThrow();
    expect(drafts.load('new')?.text).toBe('over it');
  });

  it('stores nothing for an empty draft', () => {
    const key = signIn(alice);
    useDraftsStore().saveNow('new', draft({ text: '  ' }));
    expect(localStorage.getItem(`mkc:drafts:${key}`)).toBeNull();
  });
});
