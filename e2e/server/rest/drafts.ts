import { createNote } from '../actions.ts';
import type { Db, NoteDraftRecord, UserRecord, Visibility } from '../db.ts';
import { signedIn, type Endpoint } from '../endpoint.ts';
import { ApiError, errors } from '../errors.ts';
import { notify } from '../notify.ts';
import { modernPolicies, packNoteDraft, packNote } from '../pack.ts';
import { page, readPaging } from '../paging.ts';
import { optionalBoolean, optionalEnum, optionalIdArray, optionalString, requiredId, type Params } from '../params.ts';

// notes/drafts/* of the 2026 profile: drafts kept on the server within noteDraftLimit; a draft
// with isActuallyScheduled and a future scheduledAt is posted then (scheduledNotePosted), or
// stays as a plain draft when that fails (scheduledNotePostFailed). Also notes/show-partial-bulk.

const err = (code: string, id: string, message: string) => () => new ApiError(400, code, id, message);
// create and update give the same codes different ids.
const ERRORS = {
  create: {
    tooManyScheduled: err(
      'TOO_MANY_SCHEDULED_NOTES',
      '22ae69eb-09e3-4541-a850-773cfa45e693',
      'You cannot create scheduled notes any more.',
    ),
    scheduledAtRequired: err(
      'SCHEDULED_AT_REQUIRED',
      '15e28a55-e74c-4d65-89b7-8880cdaaa87d',
      'scheduledAt is required when isActuallyScheduled is true.',
    ),
    inFuture: err('SCHEDULED_AT_MUST_BE_IN_FUTURE', 'e4bed6c9-017e-4934-aed0-01c22cc60ec1', 'scheduledAt must be in the future.'),
  },
  update: {
    tooManyScheduled: err(
      'TOO_MANY_SCHEDULED_NOTES',
      '02f5df79-08ae-4a33-8524-f1503c8f6212',
      'You cannot create scheduled notes any more.',
    ),
    scheduledAtRequired: err(
      'SCHEDULED_AT_REQUIRED',
      'fe9737d5-cc41-498c-af9d-149207307530',
      'scheduledAt is required when isActuallyScheduled is true.',
    ),
    inFuture: err('SCHEDULED_AT_MUST_BE_IN_FUTURE', 'ed1a6673-d0d1-4364-aaae-9bf3f139cbc5', 'scheduledAt must be in the future.'),
  },
};
const tooManyDrafts = err('TOO_MANY_DRAFTS', '9ee33bbe-fde3-4c71-9b51-e50492c6b9c8', 'You cannot create drafts any more.');
const noSuchDraft = err('NO_SUCH_NOTE_DRAFT', '49cd6b9d-848e-41ee-b0b9-adaca711a6b1', 'No such note draft.');

const DRAFT_PARAMS = [
  ['visibility', 'String'],
  ['visibleUserIds', 'String[]'],
  ['cw', 'String'],
  ['hashtag', 'String'],
  ['localOnly', 'Boolean'],
  ['reactionAcceptance', 'String'],
  ['replyId', 'String'],
  ['renoteId', 'String'],
  ['channelId', 'String'],
  ['text', 'String'],
  ['fileIds', 'String[]'],
  ['poll', 'Object'],
  ['scheduledAt', 'Integer'],
  ['isActuallyScheduled', 'Boolean'],
].map(([name, type]) => ({ name: name!, type: type! }));

const VISIBILITIES = ['public', 'home', 'followers', 'specified'] as const;

function draftsOf(db: Db, userId: string): NoteDraftRecord[] {
  return [...db.noteDrafts.values()].filter((d) => d.userId === userId).sort((a, b) => (a.id < b.id ? 1 : -1));
}

function optionalInt(params: Params, name: string): number | null | undefined {
  const value = params[name];
  if (value === undefined || value === null) return value as null | undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw errors.invalidParam(`#/properties/${name}/type`, 'must be integer');
  return value;
}

// The fields a draft takes; only those present in the request (update keeps the others).
function readDraftFields(db: Db, me: UserRecord, params: Params): Partial<NoteDraftRecord> {
  const out: Partial<NoteDraftRecord> = {};
  if (params.visibility !== undefined) out.visibility = optionalEnum(params, 'visibility', VISIBILITIES, 'public') as Visibility;
  if (params.visibleUserIds !== undefined) out.visibleUserIds = optionalIdArray(params, 'visibleUserIds', 100);
  if (params.cw !== undefined) out.cw = optionalString(params, 'cw', { min: 1, max: 100, nullable: true }) ?? null;
  if (params.hashtag !== undefined) out.hashtag = optionalString(params, 'hashtag', { max: 200, nullable: true }) ?? null;
  if (params.localOnly !== undefined) out.localOnly = optionalBoolean(params, 'localOnly', false);
  if (params.text !== undefined) out.text = optionalString(params, 'text', { max: 3000, nullable: true }) ?? null;
  for (const key of ['replyId', 'renoteId', 'channelId'] as const) {
    if (params[key] === undefined) continue;
    const id = params[key] === null ? null : requiredId(params, key);
    if (key === 'replyId' && id !== null && !db.notes.has(id)) throw errors.noSuchReplyTarget();
    if (key === 'renoteId' && id !== null && !db.notes.has(id)) throw errors.noSuchRenoteTarget();
    out[key] = id;
  }
  if (params.fileIds !== undefined) {
    out.fileIds = optionalIdArray(params, 'fileIds', 16);
    if (out.fileIds.some((id) => db.files.get(id)?.userId !== me.id)) throw errors.noSuchFile();
  }
  if (params.poll !== undefined) {
    const poll = params.poll as Params | null;
    if (poll === null) out.poll = null;
    else {
      if (typeof poll !== 'object' || !Array.isArray(poll.choices))
        throw errors.invalidParam('#/properties/poll/required', "must have required property 'choices'");
      out.poll = {
        choices: (poll.choices as unknown[]).map(String).slice(0, 10),
        multiple: poll.multiple === true,
        expiresAt: typeof poll.expiresAt === 'number' ? poll.expiresAt : null,
        expiredAfter: typeof poll.expiredAfter === 'number' ? poll.expiredAfter : null,
      };
    }
  }
  const scheduledAt = optionalInt(params, 'scheduledAt');
  if (scheduledAt !== undefined) out.scheduledAt = scheduledAt;
  if (params.isActuallyScheduled !== undefined) out.isActuallyScheduled = optionalBoolean(params, 'isActuallyScheduled', false);
  return out;
}

function checkSchedule(db: Db, me: UserRecord, draft: NoteDraftRecord, e: (typeof ERRORS)['create']): void {
  if (!draft.isActuallyScheduled) return;
  if (draft.scheduledAt === null) throw e.scheduledAtRequired();
  if (draft.scheduledAt <= Date.now()) throw e.inFuture();
  const others = draftsOf(db, me.id).filter((d) => d.isActuallyScheduled && d.id !== draft.id).length;
  if (others >= modernPolicies(me).scheduledNoteLimit) throw e.tooManyScheduled();
}

/** Posts the draft when it falls due, unless it was changed, unscheduled or deleted meanwhile. */
function scheduleDraft(db: Db, draft: NoteDraftRecord): void {
  if (!draft.isActuallyScheduled || draft.scheduledAt === null) return;
  const due = draft.scheduledAt;
  db.later(() => {
    const current = db.noteDrafts.get(draft.id);
    if (!current || !current.isActuallyScheduled || current.scheduledAt !== due) return;
    const author = db.users.get(current.userId)!;
    try {
      const note = createNote(db, author, {
        text: current.text,
        cw: current.cw,
        visibility: current.visibility,
        visibleUserIds: current.visibleUserIds,
        localOnly: current.localOnly,
        reactionAcceptance: current.reactionAcceptance,
        replyId: current.replyId,
        renoteId: current.renoteId,
        fileIds: current.fileIds,
        poll: current.poll
          ? {
              choices: current.poll.choices,
              multiple: current.poll.multiple,
              expiresAt: current.poll.expiredAfter !== null ? Date.now() + current.poll.expiredAfter : current.poll.expiresAt,
            }
          : null,
      });
      if (note.text === null && note.renoteId === null && note.fileIds.length === 0 && !note.poll) throw new Error('empty note');
      db.noteDrafts.delete(current.id);
      notify(db, author.id, { type: 'scheduledNotePosted', noteId: note.id });
    } catch {
      current.isActuallyScheduled = false;
      notify(db, author.id, { type: 'scheduledNotePostFailed', draftId: current.id });
    }
  }, due - Date.now());
}

function blankDraft(db: Db, me: UserRecord): NoteDraftRecord {
  return {
    id: db.ids.next(),
    userId: me.id,
    text: null,
    cw: null,
    visibility: 'public',
    visibleUserIds: [],
    localOnly: false,
    reactionAcceptance: null,
    replyId: null,
    renoteId: null,
    channelId: null,
    hashtag: null,
    fileIds: [],
    poll: null,
    scheduledAt: null,
    isActuallyScheduled: false,
  };
}

const draftEndpoint = (handler: Endpoint['handler'], kind = 'write:account'): Endpoint => ({
  requireCredential: true,
  kind,
  modernOnly: true,
  handler,
});

export const draftEndpoints: Record<string, Endpoint> = {
  'notes/drafts/create': {
    ...draftEndpoint((ctx) => {
      const me = signedIn(ctx);
      const draft = { ...blankDraft(ctx.db, me), ...readDraftFields(ctx.db, me, ctx.params) };
      if (draftsOf(ctx.db, me.id).length >= modernPolicies(me).noteDraftLimit) throw tooManyDrafts();
      checkSchedule(ctx.db, me, draft, ERRORS.create);
      ctx.db.noteDrafts.set(draft.id, draft);
      scheduleDraft(ctx.db, draft);
      return { createdDraft: packNoteDraft(ctx.db, draft) };
    }),
    params: DRAFT_PARAMS,
  },
  'notes/drafts/update': draftEndpoint((ctx) => {
    const me = signedIn(ctx);
    const existing = ctx.db.noteDrafts.get(requiredId(ctx.params, 'draftId'));
    if (!existing || existing.userId !== me.id) throw noSuchDraft();
    const next = { ...existing, ...readDraftFields(ctx.db, me, ctx.params) };
    checkSchedule(ctx.db, me, next, ERRORS.update);
    Object.assign(existing, next);
    scheduleDraft(ctx.db, existing);
    return { updatedDraft: packNoteDraft(ctx.db, existing) };
  }),
  'notes/drafts/delete': draftEndpoint((ctx) => {
    const me = signedIn(ctx);
    const draft = ctx.db.noteDrafts.get(requiredId(ctx.params, 'draftId'));
    if (!draft || draft.userId !== me.id) throw noSuchDraft();
    ctx.db.noteDrafts.delete(draft.id);
    return undefined;
  }),
  'notes/drafts/list': draftEndpoint((ctx) => {
    const me = signedIn(ctx);
    const scheduled = ctx.params.scheduled;
    const keep = (d: NoteDraftRecord) => (typeof scheduled === 'boolean' ? d.isActuallyScheduled === scheduled : true);
    return page(draftsOf(ctx.db, me.id), readPaging(ctx.params, 30), keep).map((d) => packNoteDraft(ctx.db, d));
  }, 'read:account'),
  'notes/drafts/count': draftEndpoint((ctx) => draftsOf(ctx.db, signedIn(ctx).id).length, 'read:account'),
  'notes/show-partial-bulk': {
    modernOnly: true,
    handler: ({ db, params }) => {
      const ids = optionalIdArray(params, 'noteIds', 100);
      // In request order; an unknown id is left out without an error.
      return ids.flatMap((id) => {
        const note = db.notes.get(id);
        if (!note) return [];
        const { reactions, reactionEmojis } = packNote(db, note, null, { detail: false });
        return [{ id, reactions, reactionEmojis }];
      });
    },
  },
};
