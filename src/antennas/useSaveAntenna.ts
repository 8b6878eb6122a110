import { useRouter } from 'vue-router';
import type * as Misskey from 'misskey-js';
import { useAction } from '@/api/useAction';
import { useSessionStore } from '@/stores/session';
import { antennaParams, type AntennaFields } from './antennaForm';

// Creates or updates an antenna, then shows its timeline. 2024.10 keeps no notify setting: when
// the saved antenna says notify is off although it was asked for, its page says so.
export function useSaveAntenna() {
  const session = useSessionStore();
  const router = useRouter();
  const action = useAction();

  async function save(fields: AntennaFields, antennaId?: string): Promise<void> {
    const params = antennaParams(fields);
    const saved: Misskey.entities.Antenna | undefined = antennaId
      ? await action.run('antennas/update', () => session.api.request('antennas/update', { antennaId, ...params }))
      : await action.run('antennas/create', () => session.api.request('antennas/create', params));
    if (!saved) return;
    const ignored = fields.notify && !saved.notify;
    await router.push({ name: 'antenna', params: { id: saved.id }, query: ignored ? { notify: 'ignored' } : {} });
  }

  return { save, busy: action.busy, error: action.error };
}
