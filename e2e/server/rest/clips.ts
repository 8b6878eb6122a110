import type * as Misskey from 'misskey-js';
import type { ClipRecord, Db } from '../db.ts';
import { signedIn, type Endpoint, type EndpointContext } from '../endpoint.ts';
import { ApiError, clientError, errors } from '../errors.ts';
import { idToDate } from '../ids.ts';
import { packNote, packUserLiteById, rolePolicies } from '../pack.ts';
import { optionalBoolean, optionalId, optionalString, requiredId, requiredString } from '../params.ts';
import { page, readPaging } from '../paging.ts';
import { canSee, mutedFor } from '../visibility.ts';

// Clips (clips/*, notes/clips, users/clips) with Misskey 2024.10's shapes and per-endpoint error ids.

const clipErrors = {
  tooManyClips: clientError('TOO_MANY_CLIPS', '920f7c2d-6208-4b76-8082-e632020f5883', 'You cannot create clip any more.'),
  noSuchClipToUpdate: clientError('NO_SUCH_CLIP', 'b4d92d70-b216-46fa-9a3f-a8c811699257', 'No such clip.'),
  noSuchClipToDelete: clientError('NO_SUCH_CLIP', '70ca08ba-6865-4630-b6fb-8494759aa754', 'No such clip.'),
  noSuchClipToShow: clientError('NO_SUCH_CLIP', 'c3c5fe33-d62c-44d2-9ea5-d997703f5c20', 'No such clip.'),
  noSuchClipForNotes: clientError('NO_SUCH_CLIP', '1d7645e6-2b6d-4635-b0fe-fe22b0e72e00', 'No such clip.'),
  noSuchClipToAdd: clientError('NO_SUCH_CLIP', 'd6e76cc0-a1b5-4c7c-a287-73fa9c716dcf', 'No such clip.'),
  noSuchNoteToAdd: clientError('NO_SUCH_NOTE', 'fc8c0b49-c7a3-4664-a0a6-b418d386bb8b', 'No such note.'),
  alreadyClipped: clientError('ALREADY_CLIPPED', '734806c4-542c-463a-9311-15c512803965', 'The note has already been clipped.'),
  tooManyClipNotes: clientError(
    'TOO_MANY_CLIP_NOTES',
    'f0dba960-ff73-4615-8df4-d6ac5d9dc118',
    'You cannot add notes to the clip any more.',
  ),
  noSuchClipToRemove: clientError('NO_SUCH_CLIP', 'b80525c6-97f7-49d7-a42d-ebccd49cfd52', 'No such clip.'),
  noSuchNoteToRemove: clientError('NO_SUCH_NOTE', 'aff017de-190e-434b-893e-33a9ff5049d8', 'No such note.'),
  noSuchClipToFavorite: clientError('NO_SUCH_CLIP', '4c2aaeae-80d8-4250-9606-26cb1fdb77a5', 'No such clip.'),
  alreadyFavorited: clientError(
    'ALREADY_FAVORITED',
    '92658936-c625-4273-8326-2d790129256e',
    'The clip has already been favorited.',
  ),
  noSuchClipToUnfavorite: clientError('NO_SUCH_CLIP', '2603966e-b865-426c-94a7-af4a01241dc1', 'No such clip.'),
  notFavorited: clientError('NOT_FAVORITED', '90c3a9e8-b321-4dae-bf57-2bf79bbcc187', 'You have not favorited the clip.'),
  noSuchNoteForClips: clientError('NO_SUCH_NOTE', '47db1a1c-b0af-458d-8fb4-986e4efafe1e', 'No such note.'),
};

// notesCount is there only for the clip's owner; isFavorited only for a signed-in viewer.
export function packClip(db: Db, clip: ClipRecord, viewerId: string | null): Misskey.entities.Clip {
  return {
    id: clip.id,
    createdAt: idToDate(clip.id).toISOString(),
    lastClippedAt: clip.lastClippedAt,
    userId: clip.userId,
    user: packUserLiteById(db, clip.userId),
    name: clip.name,
    description: clip.description,
    isPublic: clip.isPublic,
    favoritedCount: clip.favoritedBy.size,
    ...(viewerId !== null ? { isFavorited: clip.favoritedBy.has(viewerId) } : {}),
    ...(viewerId === clip.userId ? { notesCount: clip.notes.size } : {}),
  };
}

/** A clip the caller owns, else `notFound`. */
function ownClip(ctx: EndpointContext, notFound: () => ApiError): ClipRecord {
  const me = signedIn(ctx);
  const clip = ctx.db.clips.get(requiredId(ctx.params, 'clipId'));
  if (!clip || clip.userId !== me.id) throw notFound();
  return clip;
}

/** A clip the caller may read: public, or their own. */
function visibleClip(ctx: EndpointContext, notFound: () => ApiError): ClipRecord {
  const clip = ctx.db.clips.get(requiredId(ctx.params, 'clipId'));
  if (!clip || (!clip.isPublic && clip.userId !== ctx.me?.id)) throw notFound();
  return clip;
}

function clipsNewestFirst(db: Db, keep: (c: ClipRecord) => boolean): ClipRecord[] {
  return [...db.clips.values()].filter(keep).sort((a, b) => (a.id < b.id ? 1 : -1));
}

const readName = (ctx: EndpointContext) => {
  const name = requiredString(ctx.params, 'name');
  return optionalString(ctx.params, 'name', { min: 1, max: 100 }) ?? name;
};

export const clipEndpoints: Record<string, Endpoint> = {
  'clips/create': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const name = readName(ctx);
      const description = optionalString(ctx.params, 'description', { max: 2048, nullable: true }) ?? null;
      const isPublic = optionalBoolean(ctx.params, 'isPublic', false);
      // Compared with `>` as the server does, so one more than the limit fits.
      if ([...ctx.db.clips.values()].filter((c) => c.userId === me.id).length > rolePolicies(ctx.db, me).clipLimit)
        throw clipErrors.tooManyClips();
      const clip: ClipRecord = {
        id: ctx.db.ids.next(),
        userId: me.id,
        name,
        description,
        isPublic,
        lastClippedAt: null,
        notes: new Map(),
        favoritedBy: new Set(),
      };
      ctx.db.clips.set(clip.id, clip);
      return packClip(ctx.db, clip, me.id);
    },
  },
  'clips/update': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const name = readName(ctx);
      const description = optionalString(ctx.params, 'description', { min: 1, max: 2048, nullable: true });
      const isPublic = ctx.params.isPublic === undefined ? undefined : optionalBoolean(ctx.params, 'isPublic', false);
      const clip = ownClip(ctx, clipErrors.noSuchClipToUpdate);
      clip.name = name;
      if (description !== undefined) clip.description = description;
      if (isPublic !== undefined) clip.isPublic = isPublic;
      return packClip(ctx.db, clip, clip.userId);
    },
  },
  'clips/delete': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      ctx.db.clips.delete(ownClip(ctx, clipErrors.noSuchClipToDelete).id);
      return undefined;
    },
  },
  'clips/list': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      return clipsNewestFirst(ctx.db, (c) => c.userId === me.id).map((c) => packClip(ctx.db, c, me.id));
    },
  },
  'clips/show': {
    handler: (ctx) => packClip(ctx.db, visibleClip(ctx, clipErrors.noSuchClipToShow), ctx.me?.id ?? null),
  },
  'clips/notes': {
    handler: (ctx) => {
      const clip = visibleClip(ctx, clipErrors.noSuchClipForNotes);
      const viewerId = ctx.me?.id ?? null;
      // Ordered by the notes' own ids, as the server's note query is.
      const notes = [...clip.notes.keys()].flatMap((id) => ctx.db.notes.get(id) ?? []).sort((a, b) => (a.id < b.id ? 1 : -1));
      return page(notes, readPaging(ctx.params), (n) => canSee(ctx.db, n, viewerId) && !mutedFor(ctx.db, n, viewerId)).map((n) =>
        packNote(ctx.db, n, viewerId, { detail: true }),
      );
    },
  },
  'clips/add-note': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const clip = ownClip(ctx, clipErrors.noSuchClipToAdd);
      const note = ctx.db.notes.get(requiredId(ctx.params, 'noteId'));
      if (!note || !canSee(ctx.db, note, clip.userId)) throw clipErrors.noSuchNoteToAdd();
      if (clip.notes.has(note.id)) throw clipErrors.alreadyClipped();
      if (clip.notes.size >= rolePolicies(ctx.db, ctx.me).noteEachClipsLimit) throw clipErrors.tooManyClipNotes();
      clip.notes.set(note.id, ctx.db.ids.next());
      clip.lastClippedAt = new Date().toISOString();
      return undefined;
    },
  },
  'clips/remove-note': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const clip = ownClip(ctx, clipErrors.noSuchClipToRemove);
      const noteId = requiredId(ctx.params, 'noteId');
      if (!ctx.db.notes.has(noteId)) throw clipErrors.noSuchNoteToRemove();
      clip.notes.delete(noteId);
      return undefined;
    },
  },
  'clips/favorite': {
    requireCredential: true,
    kind: 'write:clip-favorite',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const clip = ctx.db.clips.get(requiredId(ctx.params, 'clipId'));
      if (!clip || (clip.userId !== me.id && !clip.isPublic)) throw clipErrors.noSuchClipToFavorite();
      if (clip.favoritedBy.has(me.id)) throw clipErrors.alreadyFavorited();
      clip.favoritedBy.add(me.id);
      return undefined;
    },
  },
  'clips/unfavorite': {
    requireCredential: true,
    kind: 'write:clip-favorite',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const clip = ctx.db.clips.get(requiredId(ctx.params, 'clipId'));
      if (!clip) throw clipErrors.noSuchClipToUnfavorite();
      if (!clip.favoritedBy.delete(me.id)) throw clipErrors.notFavorited();
      return undefined;
    },
  },
  'clips/my-favorites': {
    requireCredential: true,
    kind: 'read:clip-favorite',
    handler: (ctx) => {
      const me = signedIn(ctx);
      return clipsNewestFirst(ctx.db, (c) => c.favoritedBy.has(me.id) && (c.isPublic || c.userId === me.id)).map((c) =>
        packClip(ctx.db, c, me.id),
      );
    },
  },
  'notes/clips': {
    handler: (ctx) => {
      const note = ctx.db.notes.get(requiredId(ctx.params, 'noteId'));
      if (!note) throw clipErrors.noSuchNoteForClips();
      const viewerId = ctx.me?.id ?? null;
      // Only public clips, even the caller's own private ones stay out (as on 2024.10).
      return clipsNewestFirst(ctx.db, (c) => c.notes.has(note.id) && c.isPublic).map((c) => packClip(ctx.db, c, viewerId));
    },
  },
  'users/clips': {
    handler: (ctx) => {
      const userId = optionalId(ctx.params, 'userId');
      if (!userId) throw errors.invalidParam('#/required', "must have required property 'userId'");
      const viewerId = ctx.me?.id ?? null;
      const clips = clipsNewestFirst(ctx.db, (c) => c.userId === userId && c.isPublic);
      return page(clips, readPaging(ctx.params)).map((c) => packClip(ctx.db, c, viewerId));
    },
  },
};
