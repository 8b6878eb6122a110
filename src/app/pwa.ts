import { ref } from 'vue';

// The service worker (src/sw/sw.ts, built by vite-plugin-pwa in prompt mode): the app shell is
// precached, and a new build waits until the reader chooses to reload (UpdatePrompt), so nothing
// reloads under someone writing, and this tab never asks for chunks the server no longer has.
// Only this much is on the first screen; the registration (pwaRegistration.ts) loads after.

/** A newer build is installed and waiting, or this build's files are gone from the server. */
export const updateReady = ref(false);

/** `open` routes a page the service worker asks for (a notification clicked while the app is open). */
export function registerServiceWorker(open: (url: string) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // A lazy chunk of this build failed to load: a newer build replaced it on the server.
  window.addEventListener('vite:preloadError', (e) => {
    e.preventDefault();
    updateReady.value = true;
  });
  window.addEventListener('load', () => {
    void import('./pwaRegistration').then((m) => m.register(open, () => (updateReady.value = true)));
  });
}
