import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick } from 'vue';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import type * as Misskey from 'misskey-js';
import NoteView from './NoteView.vue';
import noteMessages from '../locales/en/note.json';
import errorMessages from '../locales/en/errors.json';
import { useNotesStore } from '@/stores/notes';
import { useSessionStore } from '@/stores/session';
import showRenote from '@/testing/fixtures/rest-notes-show-renote.json';
import showCw from '@/testing/fixtures/rest-notes-show-cw.json';
import showSensitive from '@/testing/fixtures/rest-notes-show-sensitive-image.json';
import showReactions from '@/testing/fixtures/rest-notes-show-reactions.json';
import showQuote from '@/testing/fixtures/rest-notes-show-quote.json';

type Note = Misskey.entities.Note;

const note = (fixture: { response: unknown }) => structuredClone(fixture.response) as Note;
const Blank = defineComponent({ render: () => null });

let pinia: Pinia;

async function mount(noteId: string, props: Record<string, unknown> = {}): Promise<HTMLElement> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Blank },
      { path: '/notes/:id', name: 'note', component: Blank },
      { path: '/tags/:tag', name: 'hashtag', component: Blank },
      { path: '/:acct(@[^/]+)', name: 'user', component: Blank },
    ],
  });
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { note: noteMessages, errors: errorMessages } } });
  const el = document.createElement('div');
  document.body.append(el);
  const app = createApp({ render: () => h(NoteView, { noteId, ...props }) });
  app.use(pinia).use(i18n).use(router);
  await router.push('/');
  app.mount(el);
  await nextTick();
  return el;
}

describe('NoteView', () => {
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
  });

  it('shows a pure renote as the renoted note under a "Renoted by" line, keyed by the wrapper id', async () => {
    const wrapper = note(showRenote);
    useNotesStore().put(wrapper);
    const el = await mount(wrapper.id);
    const article = el.querySelector('article');
    expect(article?.dataset.noteId).toBe(wrapper.id);
    expect(el.querySelector('.renote-header')?.textContent).toContain('Renoted by bob');
    expect(el.querySelector('.mfm')?.textContent).toBe('Hello from alice. A plain note for fixtures.');
    const hrefs = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('/@alice');
    expect(hrefs).toContain(`/notes/${wrapper.renoteId}`);
    expect(hrefs).toContain(`/notes/${wrapper.id}`);
  });

  it('shows a note renoted by several once, naming the renoters (up to three), each linked to their renote', async () => {
    const notes = useNotesStore();
    const wrapper = note(showRenote);
    const renoter = (id: string, username: string, name: string | null) =>
      ({ ...wrapper, id, userId: `u-${username}`, user: { ...wrapper.user, id: `u-${username}`, username, name } }) as Note;
    const renotes = [
      renoter('r4', 'dave', 'Dave'),
      renoter('r3', 'carol', null),
      renoter('r2', 'bob', 'Bob'),
      renoter('r1', 'erin', 'Erin'),
    ];
    renotes.forEach((r) => notes.put(r));
    const target = wrapper.renoteId!;
    let el = await mount(target, { renotes: renotes.slice(1).map((r) => r.id) });
    expect(el.querySelector('article')?.dataset.noteId).toBe(target);
    // (The renoters' line is loaded when first needed.)
    await vi.waitFor(() => expect(el.querySelector('summary')?.textContent).toBe('Renoted by carol, Bob and Erin'));
    const hrefs = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/notes/r3', '/notes/r2', '/notes/r1', '/@carol', '/@bob', '/@erin']));
    el.remove();

    el = await mount(target, { renotes: renotes.map((r) => r.id) });
    await vi.waitFor(() => expect(el.querySelector('summary')?.textContent).toBe('Renoted by Dave, carol and 2 others'));
    el.remove();

    // One renote of a note that is in the timeline too: the usual "Renoted by" line.
    el = await mount(target, { renotes: ['r2'] });
    expect(el.querySelector('.renote-header')?.textContent).toContain('Renoted by Bob');
  });

  it('hides CW content until the reader asks for it', async () => {
    const n = note(showCw);
    useNotesStore().put(n);
    const el = await mount(n.id);
    const button = el.querySelector<HTMLButtonElement>('.cw-toggle');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(el.querySelector('.body')).toBeNull();
    button?.click();
    await nextTick();
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    expect(el.querySelector('.body')?.textContent).toContain(n.text ?? '');
  });

  it('blurs a sensitive image until clicked', async () => {
    const n = note(showSensitive);
    useNotesStore().put(n);
    const el = await mount(n.id);
    expect(el.querySelector('img.blurred')).not.toBeNull();
    expect(el.querySelector('.cell button.thumb')).toBeNull();
    el.querySelector<HTMLButtonElement>('.reveal')?.click();
    await nextTick();
    expect(el.querySelector('img.blurred')).toBeNull();
    expect(el.querySelector('.cell button.thumb img')).not.toBeNull();
  });

  it('lists reactions with counts, custom emoji as images, and highlights my reaction', async () => {
    const n = note(showReactions);
    const session = useSessionStore();
    session.emojis = [{ name: 'blobcat', aliases: [], category: null, url: 'https://example.com/blobcat.png' }];
    useNotesStore().put(n);
    const el = await mount(n.id);
    const items = [...el.querySelectorAll('.reactions li')];
    expect(items).toHaveLength(3);
    expect(el.querySelector('.reactions img')?.getAttribute('src')).toBe('https://example.com/blobcat.png');
    const mine = el.querySelectorAll('.reactions li.mine');
    expect(mine).toHaveLength(1);
    expect(mine[0]?.textContent).toContain('❤');
  });

  it('embeds a quoted note compactly', async () => {
    const n = note(showQuote);
    useNotesStore().put(n);
    const el = await mount(n.id);
    expect(el.querySelector('.quote')?.getAttribute('href')).toBe(`/notes/${n.renoteId}`);
    expect(el.querySelector('.quote')?.textContent).toContain('Hello from alice');
    expect(el.querySelector('.renote-header')).toBeNull();
  });

  it("shows a remote author as @user@host with their server's ticker in its colour", async () => {
    const n = note(showQuote);
    const instance = {
      name: 'Example Misskey',
      softwareName: 'misskey',
      softwareVersion: '2024.10.1',
      iconUrl: 'https://mk.example.org/icon.png',
      faviconUrl: 'https://mk.example.org/favicon.ico',
      themeColor: '#1f3a93',
    };
    n.user = { ...n.user, host: 'mk.example.org', instance };
    useNotesStore().put(n);
    const el = await mount(n.id);
    expect(el.querySelector('.note-header .acct')?.textContent).toBe(`@${n.user.username}@mk.example.org`);
    const ticker = el.querySelector<HTMLElement>('.ticker');
    expect(ticker?.textContent.trim()).toBe('Example Misskey');
    expect(ticker?.querySelector('img')?.getAttribute('src')).toBe('https://mk.example.org/favicon.ico');
    expect(ticker?.style.background).toMatch(/#1f3a93|rgb\(31, 58, 147\)/);
    expect(ticker?.style.color).toMatch(/#ffffff|rgb\(255, 255, 255\)/);
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain(`/@${n.user.username}@mk.example.org`);
  });

  it('shows no ticker for a local author', async () => {
    const n = note(showQuote);
    useNotesStore().put(n);
    const el = await mount(n.id);
    expect(el.querySelector('.ticker')).toBeNull();
  });

  it('says so when the note was deleted', async () => {
    const n = note(showCw);
    const notes = useNotesStore();
    notes.put(n);
    const el = await mount(n.id);
    notes.applyNoteUpdate({ id: n.id, type: 'deleted', body: { deletedAt: new Date().toISOString() } });
    await nextTick();
    expect(el.querySelector('article')?.textContent).toContain('This note was deleted.');
  });

  describe('acting', () => {
    afterEach(() => vi.useRealTimers());

    it('a click on a reaction moves mine at once; a send that fails (no server here) rolls it back and says so', async () => {
      vi.useFakeTimers();
      const n = note(showReactions);
      const session = useSessionStore();
      session.me = {
        id: n.userId,
        mutedWords: [],
        pinnedNoteIds: [],
      } as Partial<Misskey.entities.MeDetailed> as Misskey.entities.MeDetailed;
      const notes = useNotesStore();
      notes.setViewer(n.userId);
      notes.put(n);
      const el = await mount(n.id);
      const thumbs = [...el.querySelectorAll<HTMLButtonElement>('.reactions button')].find((b) => b.textContent.includes('👍'));
      thumbs?.click();
      await nextTick();
      expect(notes.get(n.id)?.myReaction).toBe('👍');
      expect(el.querySelector('.reactions li.mine')?.textContent).toContain('👍');
      await vi.advanceTimersByTimeAsync(400);
      await nextTick();
      expect(notes.get(n.id)?.reactions).toEqual(n.reactions);
      expect(notes.get(n.id)?.myReaction).toBe('❤');
      expect(el.querySelector('[role="alert"]')?.textContent).toContain('Your reaction was not saved');
    });

    it('a guest sees reactions but cannot toggle them, and gets no action buttons but More', async () => {
      const n = note(showReactions);
      useNotesStore().put(n);
      const el = await mount(n.id);
      const buttons = [...el.querySelectorAll<HTMLButtonElement>('.reactions button')];
      expect(buttons.every((b) => b.disabled)).toBe(true);
      const actions = [...el.querySelectorAll('.note-actions > button, .note-actions > .note-menu-root > button')].map(
        (b) => b.getAttribute('aria-label') ?? b.textContent.trim(),
      );
      expect(actions).toEqual(['More']);
    });
  });
});
