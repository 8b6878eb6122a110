import { createI18n } from 'vue-i18n';

type Messages = Record<string, unknown>;
type Module = { default: Messages };
type I18nMessages = NonNullable<Parameters<typeof createI18n>[0]['messages']>;

// Each file in locales/<lang>/ is one namespace: locales/en/timeline.json → t('timeline.…').
// English is the fallback and ships in the first screen, except the namespaces only later pages
// use (the same list in both globs), which come with those pages; other languages load when chosen.
const english = import.meta.glob<Module>(['./locales/en/*.json', '!./locales/en/{about,drive,profile,reactions}.json'], {
  eager: true,
});
const englishLater = import.meta.glob<Module>('./locales/en/{about,drive,profile,reactions}.json');
const others = import.meta.glob<Module>(['./locales/*/*.json', '!./locales/en/*.json']);

function parts(path: string): { lang: string; ns: string } {
  const [, lang = '', ns = ''] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  return { lang, ns };
}

export const LOCALES = ['en', ...new Set(Object.keys(others).map((path) => parts(path).lang))];
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

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  // JSON is untyped; vue-i18n checks message shapes at run time.
  messages: {
    en: Object.fromEntries(Object.entries(english).map(([path, mod]) => [parts(path).ns, mod.default])),
  } as I18nMessages,
  missingWarn: false,
  fallbackWarn: false,
});

const loaded = new Set<string>();

/** Every string of `lang` (for English: the namespaces of later pages). */
export async function loadLocale(lang: string): Promise<void> {
  if (loaded.has(lang)) return;
  const files =
    lang === 'en' ? Object.entries(englishLater) : Object.entries(others).filter(([path]) => parts(path).lang === lang);
  const namespaces = await Promise.all(files.map(async ([path, load]) => [parts(path).ns, (await load()).default] as const));
  i18n.global.mergeLocaleMessage(lang, Object.fromEntries(namespaces) as never);
  loaded.add(lang);
}

/** A lazy page or component that needs English's later namespaces: both load together. */
export function withLaterStrings<T>(load: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([load(), loadLocale('en')]))[0];
}

// Shows `lang` once its strings are in (English stays on screen meanwhile, never bare keys).
export async function setLocale(lang: string): Promise<void> {
  if (lang !== 'en') await loadLocale(lang);
  i18n.global.locale.value = lang;
  document.documentElement.lang = lang;
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

export function initialLocale(): string {
  return resolveLocale(storedLanguage(), navigator.languages);
}
