import { computed, ref, watch } from 'vue';
import { useSessionStore } from '@/stores/session';
import { twemojiUrl } from './twemoji';

export type EmojiStyle = 'twemoji' | 'native';
const KEY = 'mkc:emoji-style';

// Twemoji unless the reader chose the system's glyphs, remembered on this device.
const style = ref<EmojiStyle>(localStorage.getItem(KEY) === 'native' ? 'native' : 'twemoji');
watch(style, (value) => localStorage.setItem(KEY, value));

export function useEmojiStyle() {
  return style;
}

/** The image for a Unicode emoji from the server being read, or null to draw the glyph itself. */
export function useTwemoji() {
  const session = useSessionStore();
  return computed(() => {
    const origin = style.value === 'twemoji' ? session.origin : null;
    return (emoji: string): string | null => (origin ? twemojiUrl(origin, emoji) : null);
  });
}
