import type { Db, FileRecord, FolderRecord, UserRecord } from './db.ts';
import { errors } from './errors.ts';
import { packFile, packFolder, rolePolicies } from './pack.ts';

// Drive state changes (files and folders) and the `drive` channel events they cause, as in 2024.10.1.

/** Bytes of the user's drive in use, and the role's capacity (`drive`). */
export function driveUsage(db: Db, user: UserRecord): { capacity: number; usage: number } {
  let usage = 0;
  for (const file of db.files.values()) if (file.userId === user.id) usage += file.data.length;
  return { capacity: rolePolicies(db, user).driveCapacityMb * 1024 * 1024, usage };
}

// DriveFileEntityService.validateFileName
export function validFileName(name: string): boolean {
  return name.trim().length > 0 && name.length <= 200 && !name.includes('\\') && !name.includes('/') && !name.includes('..');
}

/** The user's own folder, or undefined (other users' folders count as missing). */
export function ownFolder(db: Db, user: UserRecord, folderId: string): FolderRecord | undefined {
  const folder = db.folders.get(folderId);
  return folder?.userId === user.id ? folder : undefined;
}

export interface FileChanges {
  name?: string;
  folderId?: string | null;
  isSensitive?: boolean;
  comment?: string | null;
}

export function updateFile(db: Db, user: UserRecord, fileId: string, changes: FileChanges): FileRecord {
  const file = db.files.get(fileId);
  if (!file) throw errors.noSuchFileToUpdate();
  if (file.userId !== user.id && !user.isAdmin) throw errors.accessDeniedToUpdateFile();
  // An empty name keeps the old one, as `if (ps.name)` does upstream.
  const name = changes.name ? changes.name : file.name;
  if (!validFileName(name)) throw errors.invalidFileName();
  let folderId = file.folderId;
  if (changes.folderId !== undefined) {
    if (changes.folderId !== null && !ownFolder(db, user, changes.folderId)) throw errors.noSuchFolderToMoveTo();
    folderId = changes.folderId;
  }
  file.name = name;
  file.folderId = folderId;
  if (changes.comment !== undefined) file.comment = changes.comment;
  if (changes.isSensitive !== undefined) file.isSensitive = changes.isSensitive;
  db.events.emit('drive', file.userId, 'fileUpdated', packFile(db, file, 'self'));
  return file;
}

export function deleteFile(db: Db, user: UserRecord, fileId: string): void {
  const file = db.files.get(fileId);
  if (!file) throw errors.noSuchFileToDelete();
  if (file.userId !== user.id && !user.isAdmin) throw errors.accessDeniedToDeleteFile();
  db.files.delete(file.id);
  // A deleted file stops being anyone's avatar or banner.
  const owner = db.users.get(file.userId);
  if (owner?.avatarId === file.id) owner.avatarId = null;
  if (owner?.bannerId === file.id) owner.bannerId = null;
  db.events.emit('drive', file.userId, 'fileDeleted', file.id);
}

export function createFolder(db: Db, user: UserRecord, name: string, parentId: string | null): FolderRecord {
  if (parentId !== null && !ownFolder(db, user, parentId)) throw errors.noSuchParentToCreateIn();
  const folder: FolderRecord = { id: db.ids.next(), userId: user.id, name, parentId };
  db.folders.set(folder.id, folder);
  db.events.emit('drive', user.id, 'folderCreated', packFolder(db, folder, false));
  return folder;
}

export function updateFolder(
  db: Db,
  user: UserRecord,
  folderId: string,
  changes: { name?: string; parentId?: string | null },
): FolderRecord {
  const folder = ownFolder(db, user, folderId);
  if (!folder) throw errors.noSuchFolderToUpdate();
  let parentId = folder.parentId;
  if (changes.parentId !== undefined) {
    if (changes.parentId === folder.id) throw errors.recursiveNesting();
    if (changes.parentId !== null) {
      if (!ownFolder(db, user, changes.parentId)) throw errors.noSuchParentFolder();
      // Moving a folder under one of its own descendants would make a loop.
      for (let up = db.folders.get(changes.parentId); up; up = up.parentId ? db.folders.get(up.parentId) : undefined) {
        if (up.id === folder.id) throw errors.recursiveNesting();
      }
    }
    parentId = changes.parentId;
  }
  if (changes.name) folder.name = changes.name;
  folder.parentId = parentId;
  db.events.emit('drive', user.id, 'folderUpdated', packFolder(db, folder, false));
  return folder;
}

export function deleteFolder(db: Db, user: UserRecord, folderId: string): void {
  const folder = ownFolder(db, user, folderId);
  if (!folder) throw errors.noSuchFolderToDelete();
  const hasChildren =
    [...db.folders.values()].some((f) => f.parentId === folder.id) ||
    [...db.files.values()].some((f) => f.folderId === folder.id);
  if (hasChildren) throw errors.hasChildFilesOrFolders();
  db.folders.delete(folder.id);
  db.events.emit('drive', user.id, 'folderDeleted', folder.id);
}
