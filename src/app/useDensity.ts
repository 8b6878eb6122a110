import { ref, watchEffect } from 'vue';

export type Density = 'comfortable' | 'compact';
const KEY = 'mkc:density';

const density = ref<Density>(localStorage.getItem(KEY) === 'compact' ? 'compact' : 'comfortable');

// Compact tightens notes (theme.css reads data-density on <html>); remembered on this device.
export function useDensity() {
  watchEffect(() => {
    const root = document.documentElement;
    if (density.value === 'compact') root.setAttribute('data-density', 'compact');
    else root.removeAttribute('data-density');
    localStorage.setItem(KEY, density.value);
  });
  return density;
}
