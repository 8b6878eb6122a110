import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';

// Scripts only from our own origin; the API and stream may live on any Misskey host,
// and images (avatars, emoji, attachments) come from wherever that host stores them.
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'img-src * data: blob:',
  'media-src * blob:',
  'connect-src *',
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export default defineConfig({
  // The manifest lets scripts/size.mjs find what the first screen loads.
  build: { manifest: true, target: 'es2022' },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  plugins: [
    // Every component is <script setup>: the Options API (data, methods, …) need not ship.
    vue({ features: { optionsAPI: false } }),
    // Messages are compiled at build time, so the app ships vue-i18n without its compiler. Unit tests
    // keep the compiler: locales.test.ts compiles and checks every message as written.
    process.env.VITEST
      ? []
      : VueI18nPlugin({
          include: fileURLToPath(new URL('./src/locales/*/*.json', import.meta.url)),
          strictMessage: false,
          dropMessageCompiler: true,
        }),
    {
      name: 'csp-meta',
      apply: 'build',
      transformIndexHtml: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: csp }, injectTo: 'head-prepend' },
      ],
    },
    VitePWA({
      // Our own worker (src/sw/sw.ts): the precached shell, plus push and the share target.
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // A new build waits for the reader ("A new version is ready — Reload", see src/app/pwa.ts).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Misskey Web Client',
        short_name: 'Misskey',
        description: 'A fast, light web client for any Misskey server.',
        theme_color: '#86b300',
        background_color: '#f7f7f5',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Sharing a link, text or pictures to the installed app opens the composer with them.
        share_target: {
          action: '/share',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: {
            title: 'title',
            text: 'text',
            url: 'url',
            files: [{ name: 'files', accept: ['image/*', 'video/*', 'audio/*'] }],
          },
        },
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        rollupFormat: 'iife',
      },
    }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'happy-dom' },
      },
      {
        extends: true,
        test: { name: 'server', include: ['e2e/server/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
