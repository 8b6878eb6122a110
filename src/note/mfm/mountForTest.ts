// Test support: renders MFM into a happy-dom element with a router that knows the link targets.
import { createApp, defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { parseMfm, renderNodes, type MfmContext } from './render';

const Blank = defineComponent({ render: () => null });

export const testContext: MfmContext = {
  resolveEmoji: (name) => ({ blobcat: 'https://example.com/blobcat.png', evil: 'javascript:alert(1)' })[name],
  twemoji: () => null,
  authorHost: null,
  searchLabel: 'Search query',
  searchButton: 'Search',
  locale: 'en',
};

export async function renderMfm(text: string, ctx: Partial<MfmContext> = {}, simple = false): Promise<HTMLElement> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Blank },
      { path: '/:acct(@[^/]+)', name: 'user', component: Blank },
      { path: '/tags/:tag', name: 'hashtag', component: Blank },
    ],
  });
  const el = document.createElement('div');
  const full = { ...testContext, ...ctx };
  const app = createApp({ render: () => h('div', renderNodes(parseMfm(text, simple), full)) });
  app.use(router);
  await router.push('/');
  app.mount(el);
  return el;
}
