import { ref, watch } from 'vue';
import { LANGUAGE_KEY, LOCALES, resolveLocale, setLocale } from '@/i18n';

// 'system' follows the browser's languages; otherwise one of LOCALES, remembered on this device.
const preference = ref(localStorage.getItem(LANGUAGE_KEY) ?? 'system');

// Each language named in itself ("日本語", not "Japanese"), as a reader looking for theirs expects,
// and as Misskey names them (Intl would say "Indonesia (Indonesia)" and "中文（中国）").
const AUTONYMS: Record<string, string> = { 'id-ID': 'Bahasa Indonesia', 'ko-KR': '한국어', 'zh-CN': '简体中文' };
export const languages = LOCALES.map((code) => ({
  code,
  name: AUTONYMS[code] ?? new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code,
}));

export function useLanguagePreference() {
  watch(preference, (choice) => {
    if (choice === 'system') localStorage.removeItem(LANGUAGE_KEY);
    else localStorage.setItem(LANGUAGE_KEY, choice);
    void setLocale(resolveLocale(choice === 'system' ? null : choice, navigator.languages));
  });
  return preference;
}
