import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { E2E_2026_SERVER_PORT, E2E_CLIENT_PORT, E2E_LEGACY_SERVER_PORT, E2E_SERVER_PORT } from './ports';

// Debian's Chromium where it is installed (no browser can be downloaded there);
// CHROMIUM_PATH overrides; otherwise Playwright's own browser on a developer laptop.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Each run builds into its own folder, so runs on other ports (E2E_CLIENT_PORT) can overlap.
const outDir = `node_modules/.e2e-dist-${E2E_CLIENT_PORT}`;

export default defineConfig({
  testDir: '.',
  outputDir: `../test-results/e2e-${E2E_CLIENT_PORT}`,
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${E2E_CLIENT_PORT}`,
    // The specs read English labels, whatever the machine's language.
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
  webServer: [
    {
      command: `npx tsx e2e/server/main.ts --port ${E2E_SERVER_PORT} --test`,
      cwd: '..',
      // emojis answers GET (meta is POST-only, and a 405 would not count as ready).
      url: `http://127.0.0.1:${E2E_SERVER_PORT}/api/emojis`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `npx tsx e2e/server/main.ts --port ${E2E_LEGACY_SERVER_PORT} --test --legacy-api-stream`,
      cwd: '..',
      url: `http://127.0.0.1:${E2E_LEGACY_SERVER_PORT}/api/emojis`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `npx tsx e2e/server/main.ts --port ${E2E_2026_SERVER_PORT} --test --misskey 2026.5`,
      cwd: '..',
      url: `http://127.0.0.1:${E2E_2026_SERVER_PORT}/api/emojis`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `npx vite build --mode e2e --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --port ${E2E_CLIENT_PORT} --strictPort --host 127.0.0.1`,
      cwd: '..',
      url: `http://127.0.0.1:${E2E_CLIENT_PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: { VITE_DEMO_SERVER: `http://127.0.0.1:${E2E_SERVER_PORT}` },
    },
  ],
});
