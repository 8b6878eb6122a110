import { watchEffect } from 'vue';
import { useSessionStore } from '@/stores/session';
import { accentFor } from './accent';

// The accent follows the theme colour of the server being read (theme.css's green otherwise),
// and so does the browser's own colour for the page (<meta name="theme-color">).
export function useServerAccent(): void {
  const session = useSessionStore();
  const meta = document.querySelector<HTMLMetaElement>('meta[name="theme-color"]');
  const shipped = meta?.content;
  watchEffect(() => {
    const themeColor = session.meta?.themeColor ?? '';
    const accent = accentFor(themeColor);
    const style = document.documentElement.style;
    if (accent) style.setProperty('--accent', `light-dark(${accent.light}, ${accent.dark})`);
    else style.removeProperty('--accent');
    if (meta && shipped) meta.content = accent ? themeColor : shipped;
  });
}
