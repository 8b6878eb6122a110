import { type Endpoint, signedIn } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { idToDate } from '../ids.ts';
import { packNote } from '../pack.ts';
import { requiredId } from '../params.ts';
import { page, readPaging } from '../paging.ts';
import { canSee } from '../visibility.ts';

const key = (userId: string, noteId: string) => `${userId}>${noteId}`;

export const favoriteEndpoints: Record<string, Endpoint> = {
  'notes/favorites/create': {
    requireCredential: true,
    kind: 'write:favorites',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const note = ctx.db.notes.get(requiredId(ctx.params, 'noteId'));
      if (!note || !canSee(ctx.db, note, me.id)) throw errors.noSuchNoteToFavorite();
      if (ctx.db.favorites.has(key(me.id, note.id))) throw errors.alreadyFavorited();
      ctx.db.favorites.set(key(me.id, note.id), ctx.db.ids.next());
      return undefined;
    },
  },
  'notes/favorites/delete': {
    requireCredential: true,
    kind: 'write:favorites',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const note = ctx.db.notes.get(requiredId(ctx.params, 'noteId'));
      if (!note) throw errors.noSuchNoteToUnfavorite();
      if (!ctx.db.favorites.delete(key(me.id, note.id))) throw errors.notFavorited();
      return undefined;
    },
  },
  'i/favorites': {
    requireCredential: true,
    kind: 'read:favorites',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const mine = [...ctx.db.favorites]
        .filter(([k]) => k.startsWith(`${me.id}>`))
        .map(([k, id]) => ({ id, noteId: k.slice(me.id.length + 1) }))
        .sort((a, b) => (a.id < b.id ? 1 : -1));
      return page(mine, readPaging(ctx.params)).flatMap((f) => {
        const note = ctx.db.notes.get(f.noteId);
        return note
          ? [
              {
                id: f.id,
                createdAt: idToDate(f.id).toISOString(),
                noteId: f.noteId,
                note: packNote(ctx.db, note, me.id, { detail: true }),
              },
            ]
          : [];
      });
    },
  },
  'notes/state': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => {
      const me = signedIn(ctx);
      const note = ctx.db.notes.get(requiredId(ctx.params, 'noteId'));
      if (!note) throw errors.noSuchNote();
      return { isFavorited: ctx.db.favorites.has(key(me.id, note.id)), isMutedThread: false };
    },
  },
};
