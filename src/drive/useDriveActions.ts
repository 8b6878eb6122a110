import type * as Misskey from 'misskey-js';
import { toApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';
import { useDriveErrorMessage } from './useDriveErrorMessage';

type DriveFile = Misskey.entities.DriveFile;
type DriveFolder = Misskey.entities.DriveFolder;

/** What a drive change ended in: the server's new version, or a sentence saying why not. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

// Changes to files and folders (drive/files/update|delete, drive/folders/create|update|delete).
export function useDriveActions() {
  const session = useSessionStore();
  const message = useDriveErrorMessage();

  async function attempt<T>(endpoint: string, run: () => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (e) {
      return { ok: false, message: message(toApiError(e, endpoint)) };
    }
  }

  const updateFile = (file: DriveFile, changes: { name?: string; folderId?: string | null; isSensitive?: boolean }) =>
    attempt('drive/files/update', () => session.api.request('drive/files/update', { fileId: file.id, ...changes }));

  const deleteFile = (file: DriveFile) =>
    attempt('drive/files/delete', async () => {
      await session.api.request('drive/files/delete', { fileId: file.id });
      return file.id;
    });

  const createFolder = (name: string, parentId: string | null) =>
    attempt('drive/folders/create', () => session.api.request('drive/folders/create', { name, parentId }));

  const renameFolder = (folder: DriveFolder, name: string) =>
    attempt('drive/folders/update', () => session.api.request('drive/folders/update', { folderId: folder.id, name }));

  const deleteFolder = (folder: DriveFolder) =>
    attempt('drive/folders/delete', async () => {
      await session.api.request('drive/folders/delete', { folderId: folder.id });
      return folder.id;
    });

  return { updateFile, deleteFile, createFolder, renameFolder, deleteFolder };
}
