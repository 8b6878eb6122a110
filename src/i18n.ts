import { createI18n } from 'vue-i18n';

type Namespaces = Record<string, Record<string, unknown>>;
type I18nMessages = NonNullable<Parameters<typeof createI18n>[0]['messages']>;

// Each file in locales/<lang>/ is one namespace: locales/en/timeline.json → t('timeline.…').
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

function collect(): I18nMessages {
  const messages: Record<string, Namespaces> = {};
  for (const [path, mod] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang, ns] = match as unknown as [string, string, string];
    (messages[lang] ??= {})[ns] = mod.default;
  }
  // JSON is untyped; vue-i18n checks message shapes at run time.
  return messages as I18nMessages;
}

const messages = collect();
export const LOCALES = Object.keys(messages);
export const LANGUAGE_KEY = 'mkc:language';

// The language to show: the one chosen in Settings, else the browser's first that we have, else English.
export function resolveLocale(chosen: string | null, preferred: readonly string[]): string {
  if (chosen && LOCALES.includes(chosen)) return chosen;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (LOCALES.includes(base)) return base;
  }
  return 'en';
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

const initial = resolveLocale(storedLanguage(), navigator.languages ?? [navigator.language]);
document.documentElement.lang = initial;

export const i18n = createI18n({
  legacy: false,
  locale: initial,
  fallbackLocale: 'en',
  messages,
  missingWarn: false,
  fallbackWarn: false,
});
