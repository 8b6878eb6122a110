import { reactive } from 'vue';
import { useAccountsStore } from '@/stores/accounts';
import { ACTIVE_SCOPE, defineScopedStore } from './scope';
import { isEmptyDraft, readDraft, type Draft } from '@/compose/draftModel';

const PREFIX = 'mkc:drafts:';
export const DRAFT_SAVE_DELAY_MS = 300;

type DraftMap = Record<string, Draft>;

function readAll(accountKey: string): DraftMap {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(PREFIX + accountKey) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const drafts: DraftMap = {};
    // One bad draft must not take the others with it.
    for (const [context, value] of Object.entries(parsed)) {
      const draft = readDraft(value);
      if (draft) drafts[context] = draft;
    }
    return drafts;
  } catch {
    return {};
  }
}

function writeDraft(accountKey: string, context: string, draft: Draft | null): void {
  const all = readAll(accountKey);
  if (draft && !isEmptyDraft(draft)) all[context] = draft;
  else delete all[context];
  const key = PREFIX + accountKey;
  if (Object.keys(all).length === 0) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(all));
}

// Drafts live in localStorage per account and per context ('new', 'reply:<id>', 'quote:<id>'), so
// they survive a reload or a crash. Saves are debounced while typing and flushed when the page hides.
export const useDraftsStore = defineScopedStore('drafts', (scope) => {
  const accounts = useAccountsStore();
  const pending = new Map<string, { accountKey: string; context: string; draft: Draft; timer: ReturnType<typeof setTimeout> }>();
  /** Bumped when a draft is replaced (an outbox "Edit") or cleared (posted), so every open form of that context reloads it. */
  const versions = reactive(new Map<string, number>());

  const accountKey = () => (scope === ACTIVE_SCOPE ? (accounts.activeAccount?.key ?? null) : scope);
  const slot = (account: string, context: string) => `${account}\n${context}`;

  function load(context: string): Draft | null {
    const account = accountKey();
    if (!account) return null;
    const waiting = pending.get(slot(account, context));
    return waiting ? structuredClone(waiting.draft) : (readAll(account)[context] ?? null);
  }

  function cancel(key: string): void {
    const p = pending.get(key);
    if (p) clearTimeout(p.timer);
    pending.delete(key);
  }

  function saveNow(context: string, draft: Draft): void {
    const account = accountKey();
    if (!account) return;
    cancel(slot(account, context));
    writeDraft(account, context, draft);
  }

  /** Saves after the user pauses; the draft is copied now, so later edits do not leak into it. */
  function schedule(context: string, draft: Draft): void {
    const account = accountKey();
    if (!account) return;
    const key = slot(account, context);
    cancel(key);
    const copy = JSON.parse(JSON.stringify(draft)) as Draft;
    const timer = setTimeout(() => {
      pending.delete(key);
      writeDraft(account, context, copy);
    }, DRAFT_SAVE_DELAY_MS);
    pending.set(key, { accountKey: account, context, draft: copy, timer });
  }

  function flush(): void {
    for (const [key, p] of [...pending]) {
      cancel(key);
      writeDraft(p.accountKey, p.context, p.draft);
    }
  }

  function clear(context: string): void {
    const account = accountKey();
    if (!account) return;
    cancel(slot(account, context));
    writeDraft(account, context, null);
    bump(context);
  }

  function replace(context: string, draft: Draft): void {
    saveNow(context, draft);
    bump(context);
  }

  function bump(context: string): void {
    versions.set(context, (versions.get(context) ?? 0) + 1);
  }

  function versionOf(context: string): number {
    return versions.get(context) ?? 0;
  }

  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  }

  return { load, schedule, saveNow, flush, clear, replace, versionOf };
});
