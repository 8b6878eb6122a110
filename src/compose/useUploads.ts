import { computed, type Ref } from 'vue';
import type * as Misskey from 'misskey-js';
import { toApiError } from '@/api/errors';
import { useErrorMessage } from '@/app/useErrorMessage';
import { useUploadQueue } from '@/drive/useUploadQueue';
import { useSessionStore } from '@/stores/session';
import type { Draft } from './draftModel.ts';
import { MAX_FILES } from './postParams.ts';

export type { Upload } from '@/drive/useUploadQueue';

/** The draft's files: uploads going up with progress, and files from the drive; finished ones join the draft. */
export function useUploads(draft: Ref<Draft>) {
  const session = useSessionStore();
  const describe = useErrorMessage();
  const queue = useUploadQueue((file) => draft.value.files.push(file));

  const busy = computed(() => queue.active.value > 0);
  const room = () => MAX_FILES - draft.value.files.length - queue.active.value;

  /** Returns how many files did not fit under the server's limit of attachments. */
  function add(files: Iterable<File>): number {
    let skipped = 0;
    for (const file of files) {
      if (room() <= 0) skipped++;
      else void queue.start(file);
    }
    return skipped;
  }

  /** Files picked from the drive, skipping ones already attached; returns how many did not fit. */
  function attachFromDrive(files: readonly Misskey.entities.DriveFile[]): number {
    const fresh = files.filter((f) => !draft.value.files.some((d) => d.id === f.id));
    const fits = fresh.slice(0, Math.max(0, room()));
    draft.value.files.push(...fits);
    return fresh.length - fits.length;
  }

  function remove(fileId: string): void {
    draft.value.files = draft.value.files.filter((f) => f.id !== fileId);
  }

  /** Sensitivity belongs to the drive file, so it is changed on the server, not in the note. */
  async function setSensitive(fileId: string, isSensitive: boolean): Promise<string | null> {
    try {
      const updated = await session.api.request('drive/files/update', { fileId, isSensitive });
      draft.value.files = draft.value.files.map((f) => (f.id === fileId ? updated : f));
      return null;
    } catch (e) {
      return describe(toApiError(e, 'drive/files/update'));
    }
  }

  return { uploads: queue.uploads, busy, add, attachFromDrive, dismiss: queue.dismiss, remove, setSensitive };
}
