import type { Translator } from '../notificationView';

// The service worker writes notifications without vue-i18n (no app, no DOM): it reads the same
// notification strings from the locale files. They use named placeholders only (`{user}`).

type Messages = Record<string, unknown>;
const files = import.meta.glob<{ default: Messages }>('../../locales/*/notifications.json', { eager: true });

function lang(path: string): string {
  return /locales\/([^/]+)\//.exec(path)?.[1] ?? '';
}

const catalogs = new Map(Object.entries(files).map(([path, mod]) => [lang(path), { notifications: mod.default }]));

function lookup(messages: Messages | undefined, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Messages)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** A translator over the notification strings of `code` (English where that language lacks one). */
export function pushTranslator(code: string): Translator {
  const chosen = catalogs.get(code);
  const english = catalogs.get('en');
  const find = (key: string) => lookup(chosen, key) ?? lookup(english, key);
  return {
    t: (key, params = {}) =>
      (find(key) ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)),
    te: (key) => find(key) !== undefined,
  };
}
