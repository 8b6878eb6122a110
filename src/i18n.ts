import { createI18n } from 'vue-i18n';

type Messages = Record<string, unknown>;
type Module = { default: Messages };
type I18nMessages = NonNullable<Parameters<typeof createI18n>[0]['messages']>;

// Each file in locales/<lang>/ is one namespace: locales/en/timeline.json → t('timeline.…').
// English is the fallback and ships in the first screen; other languages load when chosen.
// A namespace only one page reads (hundreds of achievement names, Catch-up) loads with that
// page, in every language, English too: see loadNamespace.
const english = import.meta.glob<Module>(
  ['./locales/en/*.json', '!./locales/en/achievements.json', '!./locales/en/catchup.json'],
  { eager: true },
);
const others = {
  ...import.meta.glob<Module>(['./locales/*/*.json', '!./locales/en/*.json']),
  ...import.meta.glob<Module>(['./locales/en/achievements.json', './locales/en/catchup.json']),
};
const ON_DEMAND = new Set(['achievements', 'catchup']);

function parts(path: string): { lang: string; ns: string } {
  const [, lang = '', ns = ''] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  return { lang, ns };
}

export const LOCALES = [
  'en',
  ...new Set(
    Object.keys(others)
      .map((path) => parts(path).lang)
      .filter((lang) => lang !== 'en'),
  ),
];
export const LANGUAGE_KEY = 'mkc:language';

const language = (tag: string) => tag.toLowerCase().split('-')[0];

// The language to show: the one chosen in Settings, else the browser's first that we have (that
// very tag, or another region of its language: zh-TW reads zh-CN, ko reads ko-KR), else English.
export function resolveLocale(chosen: string | null, preferred: readonly string[]): string {
  if (chosen && LOCALES.includes(chosen)) return chosen;
  for (const tag of preferred) {
    const found =
      LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase()) ?? LOCALES.find((l) => language(l) === language(tag));
    if (found) return found;
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

// `${lang}/${namespace}` already merged in; English's first-screen namespaces come with the bundle.
const loaded = new Set(Object.keys(english).map((path) => `en/${parts(path).ns}`));
const wanted = new Set<string>();

async function loadFiles(lang: string, take: (ns: string) => boolean): Promise<void> {
  const files = Object.entries(others).filter(([path]) => {
    const { lang: l, ns } = parts(path);
    return l === lang && take(ns) && !loaded.has(`${l}/${ns}`);
  });
  const namespaces = await Promise.all(files.map(async ([path, load]) => [parts(path).ns, (await load()).default] as const));
  if (namespaces.length) i18n.global.mergeLocaleMessage(lang, Object.fromEntries(namespaces) as never);
  namespaces.forEach(([ns]) => loaded.add(`${lang}/${ns}`));
}

/** A language's strings: every namespace but the on-demand ones no page has asked for yet. */
export async function loadLocale(lang: string): Promise<void> {
  await loadFiles(lang, (ns) => !ON_DEMAND.has(ns) || wanted.has(ns));
}

/** An on-demand namespace, in the language shown and in English (the fallback), and later in any language chosen. */
export async function loadNamespace(ns: string): Promise<void> {
  wanted.add(ns);
  const shown = i18n.global.locale.value;
  await Promise.all([...new Set(['en', shown])].map((lang) => loadFiles(lang, (n) => n === ns)));
}

// Shows `lang` once its strings are in (English stays on screen meanwhile, never bare keys).
export async function setLocale(lang: string): Promise<void> {
  await loadLocale(lang);
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
