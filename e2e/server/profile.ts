import type { MisskeyProfile } from './db.ts';

// The two Misskey versions the stand-in can behave like. The 2026 profile follows misskey-js
// 2026.5.1's types and the recordings of a real 2026.3.2.
export const MODERN_VERSION = '2026.5.1';

/** `--misskey` values: 2024.10 (or 2024.10.1, the default) and 2026.5 (or 2026.5.x). */
export function parseProfile(value: string | undefined): MisskeyProfile {
  if (value === undefined || /^2024\.10(\.\d+)?$/.test(value)) return '2024.10';
  if (/^2026\.5(\.\d+)?$/.test(value)) return '2026.5';
  throw new Error(`--misskey: unknown version ${value} (2024.10 or 2026.5)`);
}
