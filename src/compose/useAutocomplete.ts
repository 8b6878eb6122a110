import { computed, nextTick, ref, type Ref, type WritableComputedRef } from 'vue';
import { useSessionStore } from '@/stores/session';
import { applyCompletion, detectQuery, matchEmojis, type AutocompleteQuery } from './autocompleteQuery.ts';

export interface Suggestion {
  id: string;
  /** What goes into the text, e.g. `:blobcat:` or `@bob@remote.example`. */
  insert: string;
  label: string;
  imageUrl: string | null;
}

const MENTION_DELAY_MS = 200;
let instances = 0;

/** Emoji and mention suggestions for a textarea, driven by the text before the caret. */
export function useAutocomplete(textarea: Ref<HTMLTextAreaElement | null>, text: WritableComputedRef<string>) {
  const session = useSessionStore();
  const listId = `compose-suggestions-${instances++}`;
  const query = ref<AutocompleteQuery | null>(null);
  const suggestions = ref<Suggestion[]>([]);
  const active = ref(0);
  let searchSeq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = computed(() => query.value !== null && suggestions.value.length > 0);
  const activeId = computed(() => (open.value ? `${listId}-${active.value}` : undefined));

  function close(): void {
    query.value = null;
    suggestions.value = [];
    clearTimeout(timer);
    searchSeq++;
  }

  function show(list: Suggestion[]): void {
    suggestions.value = list;
    active.value = 0;
  }

  function searchUsers(q: Extract<AutocompleteQuery, { kind: 'mention' }>): void {
    const seq = ++searchSeq;
    clearTimeout(timer);
    timer = setTimeout(() => void showUsers(q, seq), MENTION_DELAY_MS);
  }

  async function showUsers(q: Extract<AutocompleteQuery, { kind: 'mention' }>, seq: number): Promise<void> {
    try {
      const users = await session.api.request('users/search-by-username-and-host', {
        username: q.username,
        host: q.host,
        limit: 10,
      });
      if (seq !== searchSeq) return;
      show(
        users.map((u) => {
          const acct = u.host ? `@${u.username}@${u.host}` : `@${u.username}`;
          return { id: u.id, insert: acct, label: u.name ? `${u.name} ${acct}` : acct, imageUrl: u.avatarUrl };
        }),
      );
    } catch {
      // Suggestions are a convenience; a failed search just shows none.
      if (seq === searchSeq) show([]);
    }
  }

  /** Call on input, click and caret moves. */
  function update(): void {
    const el = textarea.value;
    const q = el && el.selectionStart === el.selectionEnd ? detectQuery(el.value, el.selectionStart) : null;
    if (!q) return close();
    query.value = q;
    if (q.kind === 'emoji') {
      searchSeq++;
      show(
        matchEmojis(session.emojis, q.query).map((e) => ({
          id: e.name,
          insert: `:${e.name}:`,
          label: `:${e.name}:`,
          imageUrl: e.url,
        })),
      );
    } else {
      searchUsers(q);
    }
  }

  async function choose(index: number): Promise<void> {
    const q = query.value;
    const s = suggestions.value[index];
    if (!q || !s) return;
    const next = applyCompletion(text.value, q, s.insert);
    text.value = next.text;
    close();
    await nextTick();
    textarea.value?.focus();
    textarea.value?.setSelectionRange(next.caret, next.caret);
  }

  /** Handles list keys while suggestions are open; true when the key was used. */
  function onKeydown(e: KeyboardEvent): boolean {
    if (!open.value || e.isComposing) return false;
    const n = suggestions.value.length;
    if (e.key === 'ArrowDown') active.value = (active.value + 1) % n;
    else if (e.key === 'ArrowUp') active.value = (active.value - 1 + n) % n;
    else if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') void choose(active.value);
    else if (e.key === 'Escape') close();
    else return false;
    e.preventDefault();
    return true;
  }

  return { listId, open, activeId, active, suggestions, update, choose, close, onKeydown };
}
