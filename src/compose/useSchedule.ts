import { computed, ref, type Ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';
import type { Draft } from './draftModel.ts';
import type { PostTarget } from './postParams.ts';
import { draftParams, fromLocalInput } from './serverDrafts.ts';

/**
 * Scheduling a note where the server can (scheduledNoteLimit > 0): the draft goes to the server
 * with scheduledAt and isActuallyScheduled, replacing its server copy if it has one. The time is
 * typed in the user's own time zone.
 */
export function useSchedule(draft: Ref<Draft>, target: () => PostTarget) {
  const session = useSessionStore();
  const available = computed(() => session.features.scheduledNoteLimit > 0 && session.me !== null);
  const open = ref(false);
  const at = ref('');
  const busy = ref(false);
  const error = ref<ApiError | null>(null);
  const when = computed(() => (open.value ? fromLocalInput(at.value) : null));
  const inPast = computed(() => when.value !== null && when.value <= Date.now());

  /** Sends the schedule; resolves to the time it was scheduled for, or null when it failed (see `error`). */
  async function schedule(serverId: string | undefined): Promise<number | null> {
    const ms = when.value;
    if (ms === null || busy.value) return null;
    busy.value = true;
    error.value = null;
    const params = { ...draftParams(draft.value, target()), scheduledAt: ms, isActuallyScheduled: true };
    try {
      let done = false;
      if (serverId) {
        try {
          await session.api.request('notes/drafts/update', { draftId: serverId, ...params });
          done = true;
        } catch (e) {
          if (toApiError(e, 'notes/drafts/update').code !== 'NO_SUCH_NOTE_DRAFT') throw e;
        }
      }
      if (!done) await session.api.request('notes/drafts/create', params);
      open.value = false;
      at.value = '';
      return ms;
    } catch (e) {
      error.value = toApiError(e, 'notes/drafts/create');
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { available, open, at, busy, error, when, inPast, schedule };
}
