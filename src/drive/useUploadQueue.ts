import { computed, ref } from 'vue';
import type * as Misskey from 'misskey-js';
import type { UploadFields } from '@/api/client';
import { toApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';
import { useDriveErrorMessage } from './useDriveErrorMessage';

export interface Upload {
  key: number;
  name: string;
  loaded: number;
  total: number;
  /** why it failed, in words; null while it is going up */
  error: string | null;
  controller: AbortController;
}

/**
 * Files going up to the drive (drive/files/create), several at once, each with its progress and
 * its own cancel. A finished one leaves the list and goes to `onUploaded`; a failed one stays with
 * its reason until dismissed; a cancelled one simply leaves.
 */
export function useUploadQueue(onUploaded: (file: Misskey.entities.DriveFile) => void) {
  const session = useSessionStore();
  const describe = useDriveErrorMessage();
  const uploads = ref<Upload[]>([]);
  let nextKey = 0;

  const active = computed(() => uploads.value.filter((u) => u.error === null).length);

  function find(key: number): Upload | undefined {
    return uploads.value.find((u) => u.key === key);
  }

  /** Cancels the upload if it is still going, and takes it off the list. */
  function dismiss(key: number): void {
    find(key)?.controller.abort();
    uploads.value = uploads.value.filter((u) => u.key !== key);
  }

  async function start(file: File, fields: UploadFields = {}): Promise<void> {
    const key = nextKey++;
    uploads.value.push({ key, name: file.name, loaded: 0, total: file.size, error: null, controller: new AbortController() });
    const upload = find(key)!;
    try {
      const driveFile = await session.api.upload(
        file,
        { name: file.name, ...fields },
        (loaded, total) => {
          upload.loaded = loaded;
          upload.total = total;
        },
        upload.controller.signal,
      );
      uploads.value = uploads.value.filter((u) => u.key !== key);
      onUploaded(driveFile);
    } catch (e) {
      const err = toApiError(e, 'drive/files/create');
      if (err.kind !== 'aborted') upload.error = describe(err);
    }
  }

  return { uploads, active, start, dismiss };
}
