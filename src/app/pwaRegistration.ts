import { registerSW } from 'virtual:pwa-register';

// How often an open app asks whether a new build was deployed (the browser also checks on navigation).
const UPDATE_CHECK_MS = 60 * 60 * 1000;

// `onNeedRefresh`: a new build is installed and waits. (Nothing of Vue here: this chunk loads apart.)
export function register(open: (url: string) => void, onNeedRefresh: () => void): void {
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent<unknown>) => {
    const data = e.data as { type?: unknown; url?: unknown } | null;
    if (data?.type === 'open' && typeof data.url === 'string') open(data.url);
  });
  registerSW({
    immediate: true,
    onNeedRefresh,
    // The reload is reloadToUpdate's: workbox-window reloads only when this page started under a
    // worker, not on a first visit that later sees a new build.
    onNeedReload: () => {},
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
}

/** Takes the new build: the waiting worker takes over and the page reloads (drafts are saved on the way out). */
export function reloadToUpdate(): void {
  void navigator.serviceWorker.getRegistration().then((registration) => {
    const waiting = registration?.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    // src/sw/sw.ts skips waiting on this message.
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
}
