import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from '@/app/App.vue';
import { router } from '@/app/router';
import { installGuards } from '@/app/guards';
import { i18n, initialLocale, setLocale } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import { registerServiceWorker } from '@/app/pwa';
import '@/app/theme.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
installGuards(router);
app.use(router);
// A reader of another language gets the page in it from the first paint; if its strings cannot
// load (offline before they were cached), English shows instead of nothing.
setLocale(initialLocale())
  .catch((e: unknown) => console.warn('language not loaded', e))
  .finally(() => app.mount('#app'));

// Not awaited: the shell paints at once and pages show their own loading state.
void useSessionStore().restore();
registerServiceWorker((url) => void router.push(url));
