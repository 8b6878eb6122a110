import { onScopeDispose } from 'vue';
import type * as Misskey from 'misskey-js';
import { usePagedFeed } from '@/api/usePagedFeed';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';
import { drop, matchesType, place } from './driveList';

type DriveFile = Misskey.entities.DriveFile;
type DriveFolder = Misskey.entities.DriveFolder;

/**
 * One folder of the drive (null: the root): its subfolders and files, a page at a time, kept in
 * step with our own changes and, through the `drive` channel, with those made on other devices.
 * `type` narrows the files (`image/*` for an avatar); `onFilesChanged` hears of any file added,
 * changed or deleted anywhere in the drive. Mount one per folder (key it by the id).
 */
export function useDriveFolder(folderId: string | null, type: string | null = null, onFilesChanged: () => void = () => {}) {
  const session = useSessionStore();
  const folders = usePagedFeed<DriveFolder>({
    endpoint: 'drive/folders',
    fetch: (cursor, limit) => session.api.request('drive/folders', { folderId, limit, ...cursor }),
  });
  const files = usePagedFeed<DriveFile>({
    endpoint: 'drive/files',
    fetch: (cursor, limit) => session.api.request('drive/files', { folderId, type, limit, ...cursor }),
  });

  function showFile(file: DriveFile): void {
    const belongs = file.folderId === folderId && matchesType(file.type, type);
    files.items.value = place(files.items.value, file, belongs, files.done.value);
  }
  function showFolder(folder: DriveFolder): void {
    folders.items.value = place(folders.items.value, folder, folder.parentId === folderId, folders.done.value);
  }
  const removeFile = (id: string) => (files.items.value = drop(files.items.value, id));
  const removeFolder = (id: string) => (folders.items.value = drop(folders.items.value, id));

  const channel = useStreamStore().connect('drive');
  channel.on('fileCreated', (file) => {
    showFile(file);
    onFilesChanged();
  });
  channel.on('fileUpdated', showFile);
  channel.on('fileDeleted', (id) => {
    removeFile(id);
    onFilesChanged();
  });
  channel.on('folderCreated', showFolder);
  channel.on('folderUpdated', showFolder);
  channel.on('folderDeleted', removeFolder);
  onScopeDispose(() => channel.dispose());

  return { folders, files, showFile, showFolder, removeFile, removeFolder };
}
