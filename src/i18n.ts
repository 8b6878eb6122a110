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

export const i18n = createI18n({
  legacy: false,
  locale: navigator.language.split('-')[0] ?? 'en',
  fallbackLocale: 'en',
  messages: collect(),
  missingWarn: false,
  fallbackWarn: false,
});
