import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, type EffectScope } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type * as Misskey from 'misskey-js';
import { useAccountsStore } from '@/stores/accounts';
import { DRAFT_SAVE_DELAY_MS, useDraftsStore } from '@/stores/drafts';
import showPlain from '@/testing/fixtures/rest-notes-show-plain.json';
import { emptyDraft } from './draftModel.ts';
import { useDraft } from './useDraft.ts';

const alice = showPlain.response.user as Misskey.entities.UserLite;
let scope: EffectScope;
let accountKey = '';

function mount(context = 'new') {
  scope = effectScope();
  return scope.run(() => useDraft(() => context))!;
}

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  const accounts = useAccountsStore();
  accountKey = accounts.add('https://misskey.example', 'token', alice).key;
  accounts.activate({ kind: 'account', key: accountKey });
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // onBeforeUnmount outside a component
});

afterEach(() => {
  scope.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('useDraft', () => {
  it('restores the saved draft of its context when the form mounts', () => {
    useDraftsStore().saveNow('reply:n1', { ...emptyDraft(), text: 'half a reply' });
    expect(mount('reply:n1').draft.value.text).toBe('half a reply');
    scope.stop();
    expect(mount('new').draft.value.text).toBe('');
  });

  it('saves what is typed', async () => {
    const { draft } = mount();
    draft.value.text = 'typing';
    await nextTick();
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS);
    expect(useDraftsStore().load('new')?.text).toBe('typing');
  });

  it('does not restore a draft the outbox already holds', () => {
    const saved = { ...emptyDraft(), text: 'sent when the tab crashed' };
    useDraftsStore().saveNow('new', saved);
    const entry = {
      id: 'e1',
      context: 'new',
      target: {},
      draft: saved,
      state: 'sending',
      failures: 0,
      lastAttemptAt: 1,
      unsure: false,
      error: null,
      retryAt: null,
      waitForOnline: false,
    };
    localStorage.setItem(`mkc:outbox:${accountKey}`, JSON.stringify([entry]));
    expect(mount().draft.value.text).toBe('');
    expect(useDraftsStore().load('new')).toBeNull();
  });

  it('empties when the draft is posted from another form, keeping the audience', async () => {
    const { draft } = mount();
    draft.value.text = 'same draft in two forms';
    draft.value.visibility = 'home';
    await nextTick();
    useDraftsStore().clear('new');
    await nextTick();
    expect(draft.value.text).toBe('');
    expect(draft.value.visibility).toBe('home');
  });
});
