import { computed, type Ref } from 'vue';
import { useLoader } from '@/api/useLoader';
import { useSessionStore } from '@/stores/session';

// The reader's antennas, and one of them.

export function useMyAntennas() {
  const session = useSessionStore();
  const me = computed(() => session.me?.id ?? null);
  const { data, ...rest } = useLoader(me, () => session.api.request('antennas/list', {}), 'antennas/list');
  return { antennas: data, ...rest };
}

/** One antenna; no id (a new one) reads nothing. */
export function useAntenna(antennaId: Ref<string>) {
  const session = useSessionStore();
  const { data, ...rest } = useLoader(
    antennaId,
    (id) => (id === '' ? Promise.resolve(null) : session.api.request('antennas/show', { antennaId: id })),
    'antennas/show',
  );
  return { antenna: data, ...rest };
}
