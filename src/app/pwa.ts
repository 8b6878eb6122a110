// Registers the service worker that vite-plugin-pwa builds (precached shell, offline reload).
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((e: unknown) => {
      console.warn('Service worker registration failed', e);
    });
  });
}
