import type * as Misskey from 'misskey-js';
import { createNote, deleteNote, react, unreact, vote, type NoteInput } from '../actions.ts';
import type { Db, NoteRecord } from '../db.ts';
import { signedIn, type Endpoint } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { idToDate } from '../ids.ts';
import { packNote, packUserLiteById } from '../pack.ts';
import {
  optionalBoolean,
  optionalEnum,
  optionalIdArray,
  optionalInteger,
  optionalString,
  requiredId,
  requiredString,
  type Params,
} from '../params.ts';
import { page, readPaging } from '../paging.ts';
import { isPureRenote } from '../visibility.ts';

const MAX_TEXT = 3000;

function findNote(db: Db, params: Params): NoteRecord {
  const note = db.notes.get(requiredId(params, 'noteId'));
  if (!note) throw errors.noSuchNote();
  return note;
}

function readPoll(params: Params, now: number): NoteInput['poll'] {
  const poll = params.poll;
  if (poll === undefined || poll === null) return null;
  if (typeof poll !== 'object' || Array.isArray(poll)) throw errors.invalidParam('#/properties/poll/type', 'must be object,null');
  const p = poll as Params;
  if (!Array.isArray(p.choices)) throw errors.invalidParam('#/properties/poll/required', "must have required property 'choices'");
  if (p.choices.length < 2)
    throw errors.invalidParam('#/properties/poll/properties/choices/minItems', 'must NOT have fewer than 2 items');
  if (p.choices.length > 10)
    throw errors.invalidParam('#/properties/poll/properties/choices/maxItems', 'must NOT have more than 10 items');
  for (const choice of p.choices) {
    if (typeof choice !== 'string' || choice.length < 1 || choice.length > 50)
      throw errors.invalidParam('#/properties/poll/properties/choices/items/maxLength', 'must NOT have more than 50 characters');
  }
  const expiresAt =
    typeof p.expiresAt === 'number' ? p.expiresAt : typeof p.expiredAfter === 'number' ? now + p.expiredAfter : null;
  return { choices: p.choices as string[], multiple: p.multiple === true, expiresAt };
}

function readNoteInput(params: Params, now: number): NoteInput {
  const visibility = optionalEnum(params, 'visibility', ['public', 'home', 'followers', 'specified'] as const, 'public');
  const text = optionalString(params, 'text', { min: 1, max: MAX_TEXT, nullable: true, path: '#/then/properties' }) ?? null;
  const cw = optionalString(params, 'cw', { min: 1, max: 100, nullable: true }) ?? null;
  const fileIds = optionalIdArray(params, params.fileIds !== undefined ? 'fileIds' : 'mediaIds', 16);
  const poll = readPoll(params, now);
  const renoteId = optionalString(params, 'renoteId', { nullable: true }) ?? null;
  const replyId = optionalString(params, 'replyId', { nullable: true }) ?? null;
  if (renoteId === null && fileIds.length === 0 && !poll && (text === null || text.trim() === '')) {
    throw errors.invalidParam('#/anyOf/0/required', "must have required property 'text'");
  }
  const acceptances = [
    null,
    'likeOnly',
    'likeOnlyForRemote',
    'nonSensitiveOnly',
    'nonSensitiveOnlyForLocalLikeOnlyForRemote',
  ] as const;
  const reactionAcceptance = params.reactionAcceptance ?? null;
  if (!acceptances.includes(reactionAcceptance as never))
    throw errors.invalidParam('#/properties/reactionAcceptance/enum', 'must be equal to one of the allowed values');
  return {
    text,
    cw,
    visibility,
    poll,
    renoteId,
    replyId,
    fileIds,
    visibleUserIds: optionalIdArray(params, 'visibleUserIds', 100),
    localOnly: optionalBoolean(params, 'localOnly', false),
    channelId: optionalString(params, 'channelId', { nullable: true }) ?? null,
    reactionAcceptance: reactionAcceptance as Misskey.entities.Note['reactionAcceptance'],
  };
}

export const noteEndpoints: Record<string, Endpoint> = {
  'notes/show': {
    handler: ({ db, params, me }) => packNote(db, findNote(db, params), me?.id ?? null, { detail: true }),
  },
  'notes/children': {
    handler: ({ db, params, me }) => {
      const noteId = requiredId(params, 'noteId');
      const notes = page(
        db.notesNewestFirst(),
        readPaging(params),
        (n) => n.replyId === noteId || (n.renoteId === noteId && !isPureRenote(n)),
      );
      return notes.map((n) => packNote(db, n, me?.id ?? null, { detail: true }));
    },
  },
  'notes/conversation': {
    handler: ({ db, params, me }) => {
      const note = findNote(db, params);
      const limit = optionalInteger(params, 'limit', 10, 1, 100);
      const offset = optionalInteger(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
      const ancestors: NoteRecord[] = [];
      for (
        let at = note.replyId ? db.notes.get(note.replyId) : undefined;
        at;
        at = at.replyId ? db.notes.get(at.replyId) : undefined
      ) {
        ancestors.push(at);
      }
      return ancestors.slice(offset, offset + limit).map((n) => packNote(db, n, me?.id ?? null, { detail: true }));
    },
  },
  'notes/create': {
    requireCredential: true,
    kind: 'write:notes',
    handler: (ctx) => {
      const note = createNote(ctx.db, signedIn(ctx), readNoteInput(ctx.params, Date.now()));
      return { createdNote: packNote(ctx.db, note, note.userId, { detail: true }) };
    },
  },
  'notes/delete': {
    requireCredential: true,
    kind: 'write:notes',
    handler: (ctx) => {
      deleteNote(ctx.db, signedIn(ctx), requiredId(ctx.params, 'noteId'));
      return undefined;
    },
  },
  'notes/reactions': {
    allowGet: true,
    cacheSec: 60,
    handler: ({ db, params }) => {
      const note = findNote(db, params);
      const type = typeof params.type === 'string' ? params.type.replace(/\uFE0F/g, '') : null;
      const reactions = [...note.reactions].sort((a, b) => (a.id < b.id ? 1 : -1));
      return page(reactions, readPaging(params), (r) => type === null || r.key === type).map(
        (r) =>
          ({
            id: r.id,
            createdAt: idToDate(r.id).toISOString(),
            user: packUserLiteById(db, r.userId),
            type: r.key,
          }) satisfies Misskey.entities.NoteReaction,
      );
    },
  },
  'notes/reactions/create': {
    requireCredential: true,
    kind: 'write:reactions',
    handler: (ctx) => {
      react(ctx.db, signedIn(ctx), findNote(ctx.db, ctx.params).id, requiredString(ctx.params, 'reaction'));
      return undefined;
    },
  },
  'notes/reactions/delete': {
    requireCredential: true,
    kind: 'write:reactions',
    handler: (ctx) => {
      unreact(ctx.db, signedIn(ctx), findNote(ctx.db, ctx.params).id);
      return undefined;
    },
  },
  'notes/polls/vote': {
    requireCredential: true,
    kind: 'write:votes',
    handler: (ctx) => {
      const choice = optionalInteger(ctx.params, 'choice', -1, 0, Number.MAX_SAFE_INTEGER);
      if (ctx.params.choice === undefined) throw errors.invalidParam('#/required', "must have required property 'choice'");
      vote(ctx.db, signedIn(ctx), findNote(ctx.db, ctx.params).id, choice);
      return undefined;
    },
  },
};
