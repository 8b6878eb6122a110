import { computed, onScopeDispose, ref, watch } from 'vue';
import { useStreamStore } from '@/stream/store';
import { useSessionStore } from '@/stores/session';

// 'polling': no stream (Data saver, or sockets refused while REST works); what is on screen is polled.
export type VisibleStatus = 'none' | 'reconnecting' | 'offline' | 'expired' | 'restored' | 'polling';

// Blips shorter than this stay invisible: a healthy reconnect should not flash a banner.
const QUIET_MS = 2000;
const RESTORED_MS = 4000;

// What the connection indicator shows: quiet for short blips, plain about real trouble.
export function useConnectionStatus() {
  const stream = useStreamStore();
  const session = useSessionStore();
  const troubleVisible = ref(false);
  const restored = ref(false);
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let restoredTimer: ReturnType<typeof setTimeout> | undefined;

  const trouble = computed(() => stream.state === 'reconnecting' || stream.state === 'offline');

  watch(
    trouble,
    (now, before) => {
      clearTimeout(quietTimer);
      if (now) {
        restored.value = false;
        quietTimer = setTimeout(() => (troubleVisible.value = true), QUIET_MS);
      } else {
        if (before && troubleVisible.value && stream.state === 'open') {
          restored.value = true;
          clearTimeout(restoredTimer);
          restoredTimer = setTimeout(() => (restored.value = false), RESTORED_MS);
        }
        troubleVisible.value = false;
      }
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    clearTimeout(quietTimer);
    clearTimeout(restoredTimer);
  });

  return computed<VisibleStatus>(() => {
    if (session.expired || stream.state === 'auth-failed') return 'expired';
    if (stream.polling) return 'polling';
    if (troubleVisible.value) return stream.state === 'offline' ? 'offline' : 'reconnecting';
    if (restored.value) return 'restored';
    return 'none';
  });
}
