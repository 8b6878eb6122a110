import { ref } from 'vue';

// The service worker (src/sw/sw.ts, built by vite-plugin-pwa in prompt mode): the app shell is
// precached, and a new build waits until the reader chooses to reload (UpdatePrompt), so nothing
// reloads under someone writing, and this tab never asks for chunks the server no longer has.

/** A newer build is installed and waiting, or this build's files are gone from the server. */
export const updateReady = ref(false);
let update: ((reloadPage?: boolean) => Promise<void>) | null = null;

// How often an open app asks whether a new build was deployed (the browser also checks on navigation).
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** `open` routes a page the service worker asks for (a notification clicked while the app is open). */
export function registerServiceWorker(open: (url: string) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // A lazy chunk of this build failed to load: a newer build replaced it on the server.
  window.addEventListener('vite:preloadError', (e) => {
    e.preventDefault();
    updateReady.value = true;
  });
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent<unknown>) => {
    const data = e.data as { type?: unknown; url?: unknown } | null;
    if (data?.type === 'open' && typeof data.url === 'string') open(data.url);
  });
  // Off the first screen: the registration and workbox-window load once the page has.
  window.addEventListener('load', () => {
    void import('virtual:pwa-register').then(({ registerSW }) => {
      update = registerSW({
        immediate: true,
        onNeedRefresh: () => (updateReady.value = true),
        onRegisteredSW: (_url, registration) => {
          if (!registration) return;
          const check = () => void registration.update().catch(() => {});
          setInterval(check, UPDATE_CHECK_MS);
          document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'visible') check();
          });
        },
        onRegisterError: (e: unknown) => console.warn('Service worker registration failed', e),
      });
    });
  });
}

/** Takes the new build: the waiting worker takes over and the page reloads (drafts are saved on the way out). */
export function reloadToUpdate(): void {
  void navigator.serviceWorker.getRegistration().then((registration) => {
    if (registration?.waiting && update) void update(true);
    else location.reload();
  });
}
