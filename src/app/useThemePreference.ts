import { ref, watchEffect } from 'vue';

export type ThemePreference = 'system' | 'light' | 'dark';
const KEY = 'mkc:theme';

const preference = ref<ThemePreference>((localStorage.getItem(KEY) as ThemePreference | null) ?? 'system');

// 'system' leaves <html> without data-theme so prefers-color-scheme decides.
export function useThemePreference() {
  watchEffect(() => {
    const root = document.documentElement;
    if (preference.value === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', preference.value);
    localStorage.setItem(KEY, preference.value);
  });
  return preference;
}
