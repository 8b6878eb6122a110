import { uploadFile } from '../actions.ts';
import type { Db, FileRecord, FolderRecord } from '../db.ts';
import {
  createFolder,
  deleteFile,
  deleteFolder,
  driveUsage,
  ownFolder,
  updateFile,
  updateFolder,
  validFileName,
} from '../driveActions.ts';
import { signedIn, type Endpoint, type EndpointContext } from '../endpoint.ts';
import { ApiError, errors } from '../errors.ts';
import { pngSize } from '../images.ts';
import { packFile, packFolder } from '../pack.ts';
import { optionalBoolean, optionalId, optionalString, requiredId, type Params } from '../params.ts';
import { page, readPaging } from '../paging.ts';

// drive, drive/files/*, drive/folders/*: a user's own files and folders, as in 2024.10.1.

const newestFirst = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? 1 : -1));

// `folderId` of a listing: null (or absent) is the root.
function folderParam(params: Params, name = 'folderId'): string | null {
  return optionalId(params, name) ?? null;
}

// drive/files `type`: an exact MIME type or a `major/*` wildcard.
function typeFilter(params: Params): (file: FileRecord) => boolean {
  const type = optionalString(params, 'type', { nullable: true });
  if (type == null) return () => true;
  if (!/^[a-zA-Z/\-*]+$/.test(type))
    throw errors.invalidParam('#/properties/type/pattern', 'must match pattern "^[a-zA-Z\\/\\-*]+$"');
  return type.endsWith('/*') ? (f) => f.type.startsWith(type.slice(0, -1)) : (f) => f.type === type;
}

function ownFile(ctx: EndpointContext, notFound: () => ApiError, denied: () => ApiError): FileRecord {
  const me = signedIn(ctx);
  const file = ctx.db.files.get(requiredId(ctx.params, 'fileId'));
  if (!file) throw notFound();
  if (file.userId !== me.id && !me.isAdmin) throw denied();
  return file;
}

function folderName(params: Params): string | undefined {
  return optionalString(params, 'name', { max: 200 }) ?? undefined;
}

function filesIn(db: Db, userId: string, folderId: string | null): FileRecord[] {
  return newestFirst([...db.files.values()].filter((f) => f.userId === userId && f.folderId === folderId));
}

function foldersIn(db: Db, userId: string, parentId: string | null): FolderRecord[] {
  return newestFirst([...db.folders.values()].filter((f) => f.userId === userId && f.parentId === parentId));
}

async function upload(ctx: EndpointContext): Promise<unknown> {
  const me = signedIn(ctx);
  if (!ctx.file) throw errors.invalidParam('#/required', "must have required property 'file'");
  const data = Buffer.from(await ctx.file.arrayBuffer());
  const given = optionalString(ctx.params, 'name', { nullable: true })?.trim();
  // Like upstream: an empty or "blob" name falls back to the file's own; a bad one is refused.
  const name = given && given !== 'blob' ? given : ctx.file.name || 'untitled';
  if (!validFileName(name)) throw errors.invalidFileNameToUpload();
  const folderId = typeof ctx.params.folderId === 'string' && ctx.params.folderId !== '' ? ctx.params.folderId : null;
  // Upstream's DriveService throws a plain Error for a folder that is not the uploader's: a bare 500.
  if (folderId !== null && !ownFolder(ctx.db, me, folderId))
    throw new ApiError(500, 'INTERNAL_ERROR', '5d37dbcb-891e-41ca-a3d6-e690c97775ac', 'Internal error occurred.', 'server');
  const { capacity, usage } = driveUsage(ctx.db, me);
  if (usage + data.length > capacity) throw errors.noFreeSpace();
  const size = pngSize(data);
  const file = uploadFile(ctx.db, me, {
    name,
    type: ctx.file.type || 'application/octet-stream',
    data,
    isSensitive: ctx.params.isSensitive === true || ctx.params.isSensitive === 'true',
    width: size?.width ?? null,
    height: size?.height ?? null,
    folderId,
    comment: typeof ctx.params.comment === 'string' ? ctx.params.comment : null,
  });
  return packFile(ctx.db, file, 'self');
}

export const driveEndpoints: Record<string, Endpoint> = {
  drive: {
    requireCredential: true,
    kind: 'read:drive',
    handler: (ctx) => driveUsage(ctx.db, signedIn(ctx)),
  },
  'drive/files': {
    requireCredential: true,
    kind: 'read:drive',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const files = filesIn(ctx.db, me.id, folderParam(ctx.params));
      return page(files, readPaging(ctx.params), typeFilter(ctx.params)).map((f) => packFile(ctx.db, f, 'list'));
    },
  },
  'drive/files/create': {
    requireCredential: true,
    kind: 'write:drive',
    handler: upload,
  },
  'drive/files/show': {
    requireCredential: true,
    kind: 'read:drive',
    handler: (ctx) => packFile(ctx.db, ownFile(ctx, errors.noSuchFileToShow, errors.accessDeniedToShowFile), 'detail'),
  },
  'drive/files/update': {
    requireCredential: true,
    kind: 'write:drive',
    handler: (ctx) => {
      const fileId = requiredId(ctx.params, 'fileId');
      const folderId = ctx.params.folderId === null ? null : optionalId(ctx.params, 'folderId');
      const name = optionalString(ctx.params, 'name');
      const comment = optionalString(ctx.params, 'comment', { max: 512, nullable: true });
      const isSensitive = ctx.params.isSensitive === undefined ? undefined : optionalBoolean(ctx.params, 'isSensitive', false);
      const file = updateFile(ctx.db, signedIn(ctx), fileId, {
        ...(name !== undefined && name !== null ? { name } : {}),
        ...(folderId !== undefined ? { folderId } : {}),
        ...(comment !== undefined ? { comment } : {}),
        ...(isSensitive !== undefined ? { isSensitive } : {}),
      });
      return packFile(ctx.db, file, 'self');
    },
  },
  'drive/files/delete': {
    requireCredential: true,
    kind: 'write:drive',
    handler: (ctx) => {
      deleteFile(ctx.db, signedIn(ctx), requiredId(ctx.params, 'fileId'));
      return undefined;
    },
  },
  'drive/folders': {
    requireCredential: true,
    kind: 'read:drive',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const folders = foldersIn(ctx.db, me.id, folderParam(ctx.params));
      return page(folders, readPaging(ctx.params)).map((f) => packFolder(ctx.db, f, false));
    },
  },
  'drive/folders/create': {
    requireCredential: true,
    kind: 'write:drive',
    handler: (ctx) => {
      const folder = createFolder(
        ctx.db,
        signedIn(ctx),
        folderName(ctx.params) ?? 'Untitled',
        folderParam(ctx.params, 'parentId'),
      );
      return packFolder(ctx.db, folder, false);
    },
  },
  'drive/folders/show': {
    requireCredential: true,
    kind: 'read:drive',
    handler: (ctx) => {
      const folder = ownFolder(ctx.db, signedIn(ctx), requiredId(ctx.params, 'folderId'));
      if (!folder) throw errors.noSuchFolderToShow();
      return packFolder(ctx.db, folder, true);
    },
  },
  'drive/folders/update': {
    requireCredential: true,
    kind: 'write:drive',
    handler: (ctx) => {
      const folderId = requiredId(ctx.params, 'folderId');
      const name = folderName(ctx.params);
      const parentId = ctx.params.parentId === null ? null : optionalId(ctx.params, 'parentId');
      const folder = updateFolder(ctx.db, signedIn(ctx), folderId, {
        ...(name !== undefined ? { name } : {}),
        ...(parentId !== undefined ? { parentId } : {}),
      });
      return packFolder(ctx.db, folder, false);
    },
  },
  'drive/folders/delete': {
    requireCredential: true,
    kind: 'write:drive',
    handler: (ctx) => {
      deleteFolder(ctx.db, signedIn(ctx), requiredId(ctx.params, 'folderId'));
      return undefined;
    },
  },
};
