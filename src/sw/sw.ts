// The service worker (built by vite-plugin-pwa, injectManifest): the precached app shell, the
// share target, and push notifications. It never touches the API or the stream: they belong to
// whatever Misskey server the reader uses.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { openFromNotification, showPush } from './push';
import { receiveShare } from './share';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Every page of the app is the shell (the server's API and stream never are, even on one origin).
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/streaming/] }));
// Sharing to the installed app (the manifest's share_target) posts here.
registerRoute(
  ({ url, request }) => request.method === 'POST' && url.pathname === '/share',
  ({ request }) => receiveShare(request),
  'POST',
);

// The first worker takes the page that installed it, so the app works offline from the first
// visit; a newer one waits until the reader chooses to reload (app/pwaRegistration.ts sends SKIP_WAITING).
clientsClaim();
self.addEventListener('message', (e) => {
  if ((e.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('push', (e) => {
  e.waitUntil(showPush(self.registration, e.data));
});
self.addEventListener('notificationclick', (e) => {
  e.notification.close();
  e.waitUntil(openFromNotification(self.clients, e.notification.data));
});
