import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { loadNamespace } from '@/i18n';

declare module 'vue-router' {
  interface RouteMeta {
    // Needs a signed-in account (not a guest).
    requiresAccount?: boolean;
    timeline?: 'home' | 'local' | 'social' | 'global';
    // Takes the whole width beside the navigation (the deck).
    wide?: boolean;
  }
}

const TimelinePage = () => import('@/pages/TimelinePage.vue');

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: TimelinePage, meta: { timeline: 'home', requiresAccount: true } },
  { path: '/local', name: 'local', component: TimelinePage, meta: { timeline: 'local' } },
  { path: '/social', name: 'social', component: TimelinePage, meta: { timeline: 'social', requiresAccount: true } },
  { path: '/global', name: 'global', component: TimelinePage, meta: { timeline: 'global' } },
  { path: '/tags/:tag', name: 'hashtag', component: () => import('@/pages/HashtagPage.vue') },
  { path: '/notes/:id', name: 'note', component: () => import('@/pages/NotePage.vue') },
  { path: '/:acct(@[^/]+)', name: 'user', component: () => import('@/pages/UserPage.vue') },
  { path: '/:acct(@[^/]+)/following', name: 'user-following', component: () => import('@/pages/FollowListPage.vue') },
  { path: '/:acct(@[^/]+)/followers', name: 'user-followers', component: () => import('@/pages/FollowListPage.vue') },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/pages/NotificationsPage.vue'),
    meta: { requiresAccount: true },
  },
  { path: '/mentions', name: 'mentions', component: () => import('@/pages/MentionsPage.vue'), meta: { requiresAccount: true } },
  { path: '/direct', name: 'direct', component: () => import('@/pages/DirectPage.vue'), meta: { requiresAccount: true } },
  {
    path: '/favorites',
    name: 'favorites',
    component: () => import('@/pages/FavoritesPage.vue'),
    meta: { requiresAccount: true },
  },
  {
    path: '/catch-up',
    name: 'catch-up',
    // Its strings load with it (an on-demand namespace), so it never shows bare keys.
    component: () => Promise.all([import('@/pages/CatchUpPage.vue'), loadNamespace('catchup')]).then(([page]) => page),
    meta: { requiresAccount: true },
  },
  { path: '/chat', name: 'chat', component: () => import('@/pages/ChatPage.vue'), meta: { requiresAccount: true } },
  {
    path: '/chat/user/:userId',
    name: 'chat-user',
    component: () => import('@/pages/ChatConversationPage.vue'),
    meta: { requiresAccount: true },
  },
  {
    path: '/chat/room/:roomId',
    name: 'chat-room',
    component: () => import('@/pages/ChatConversationPage.vue'),
    meta: { requiresAccount: true },
  },
  {
    path: '/scheduled',
    name: 'scheduled',
    component: () => import('@/pages/ScheduledPage.vue'),
    meta: { requiresAccount: true },
  },
  { path: '/deck', name: 'deck', component: () => import('@/pages/DeckPage.vue'), meta: { requiresAccount: true, wide: true } },
  { path: '/search', name: 'search', component: () => import('@/pages/SearchPage.vue') },
  { path: '/lists', name: 'lists', component: () => import('@/pages/ListsPage.vue'), meta: { requiresAccount: true } },
  { path: '/lists/:id', name: 'list', component: () => import('@/pages/ListPage.vue'), meta: { requiresAccount: true } },
  { path: '/settings', name: 'settings', component: () => import('@/pages/SettingsPage.vue') },
  { path: '/share', name: 'share', component: () => import('@/pages/SharePage.vue') },
  { path: '/signin', name: 'signin', component: () => import('@/pages/SignInPage.vue') },
  { path: '/miauth-callback', name: 'miauth', component: () => import('@/pages/MiAuthCallbackPage.vue') },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('@/pages/NotFoundPage.vue') },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});
