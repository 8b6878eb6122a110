import { computed, ref, type Ref } from 'vue';
import { toApiError } from '@/api/errors';
import { useErrorMessage } from '@/app/useErrorMessage';
import { useSessionStore } from '@/stores/session';
import type { Draft } from './draftModel.ts';
import { MAX_FILES } from './postParams.ts';

export interface Upload {
  key: number;
  name: string;
  loaded: number;
  total: number;
  error: string | null;
  controller: AbortController;
}

/** Files going up to the drive with progress; finished ones join the draft's attachments. */
export function useUploads(draft: Ref<Draft>) {
  const session = useSessionStore();
  const describe = useErrorMessage();
  const uploads = ref<Upload[]>([]);
  let nextKey = 0;

  const busy = computed(() => uploads.value.some((u) => u.error === null));
  const room = () => MAX_FILES - draft.value.files.length - uploads.value.filter((u) => u.error === null).length;

  function find(key: number): Upload | undefined {
    return uploads.value.find((u) => u.key === key);
  }

  function dismiss(key: number): void {
    find(key)?.controller.abort();
    uploads.value = uploads.value.filter((u) => u.key !== key);
  }

  async function start(file: File): Promise<void> {
    const key = nextKey++;
    uploads.value.push({ key, name: file.name, loaded: 0, total: file.size, error: null, controller: new AbortController() });
    const upload = find(key)!;
    try {
      const driveFile = await session.api.upload(
        file,
        { name: file.name },
        (loaded, total) => {
          upload.loaded = loaded;
          upload.total = total;
        },
        upload.controller.signal,
      );
      uploads.value = uploads.value.filter((u) => u.key !== key);
      draft.value.files.push(driveFile);
    } catch (e) {
      const err = toApiError(e, 'drive/files/create');
      if (err.kind !== 'aborted') upload.error = describe(err);
    }
  }

  /** Returns how many files did not fit under the server's limit of attachments. */
  function add(files: Iterable<File>): number {
    let skipped = 0;
    for (const file of files) {
      if (room() <= 0) skipped++;
      else void start(file);
    }
    return skipped;
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

  return { uploads, busy, add, dismiss, remove, setSensitive };
}
