import { watchEffect } from 'vue';
import { useSessionStore } from '@/stores/session';
import { accentFor } from './accent';

// The accent follows the theme colour of the server being read (theme.css's green otherwise).
export function useServerAccent(): void {
  const session = useSessionStore();
  watchEffect(() => {
    const accent = accentFor(session.meta?.themeColor ?? '');
    const style = document.documentElement.style;
    if (accent) style.setProperty('--accent', `light-dark(${accent.light}, ${accent.dark})`);
    else style.removeProperty('--accent');
  });
}
