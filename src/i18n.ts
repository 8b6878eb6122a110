import { createI18n } from 'vue-i18n';

// Each file in locales/<lang>/ is one namespace: locales/en/timeline.json → t('timeline.…').
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

function collect(): Record<string, Record<string, unknown>> {
  const messages: Record<string, Record<string, unknown>> = {};
  for (const [path, mod] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang, ns] = match as unknown as [string, string, string];
    (messages[lang] ??= {})[ns] = mod.default;
  }
  return messages;
}

export const i18n = createI18n({
  legacy: false,
  locale: navigator.language.split('-')[0] ?? 'en',
  fallbackLocale: 'en',
  messages: collect(),
  missingWarn: false,
  fallbackWarn: false,
});
