import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, nextTick, type App } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type * as Misskey from 'misskey-js';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import ComposeForm from './ComposeForm.vue';

let app: App;
let root: HTMLElement;

async function mount(): Promise<void> {
  root = document.createElement('div');
  document.body.append(root);
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().emojis = [
    { name: 'blobcat', aliases: [], category: null, url: 'https://x.example/blobcat.png' },
    { name: 'blobfox', aliases: [], category: null, url: 'https://x.example/blobfox.png' },
  ] satisfies Misskey.entities.EmojiSimple[];
  i18n.global.locale.value = 'en';
  app = createApp(ComposeForm).use(pinia).use(i18n);
  app.mount(root);
  await nextTick();
}

async function type(el: HTMLTextAreaElement, text: string): Promise<void> {
  el.value = text;
  el.setSelectionRange(text.length, text.length);
  el.dispatchEvent(new Event('input'));
  await nextTick();
}

const textarea = () => root.querySelector<HTMLTextAreaElement>('textarea[aria-label="Note text"]')!;
const postButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Post')!;

beforeEach(async () => {
  localStorage.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await mount();
});

afterEach(() => {
  app.unmount();
  root.remove();
  vi.restoreAllMocks();
});

describe('ComposeForm', () => {
  it('enables Post only when there is something postable within the limit', async () => {
    expect(postButton().disabled).toBe(true);
    await type(textarea(), '   ');
    expect(postButton().disabled).toBe(true);
    await type(textarea(), 'hello');
    expect(postButton().disabled).toBe(false);
    expect(root.textContent).toContain('Characters left: 2995');
    await type(textarea(), 'x'.repeat(3001));
    expect(postButton().disabled).toBe(true);
    expect(root.textContent).toContain('Over the limit by: 1');
  });

  it('offers custom emoji in a listbox the keyboard can drive', async () => {
    await type(textarea(), 'hi :blob');
    const listbox = root.querySelector('[role="listbox"]')!;
    expect(listbox).not.toBeNull();
    expect(textarea().getAttribute('aria-controls')).toBe(listbox.id);
    expect(textarea().getAttribute('aria-activedescendant')).toBe(`${listbox.id}-0`);
    textarea().dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    await nextTick();
    expect(textarea().getAttribute('aria-activedescendant')).toBe(`${listbox.id}-1`);
    textarea().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await nextTick();
    expect(textarea().value).toBe('hi :blobfox: ');
    expect(root.querySelector('[role="listbox"]')).toBeNull();
  });
});
