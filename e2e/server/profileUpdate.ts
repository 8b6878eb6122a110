import { acceptFollowRequest } from './actions.ts';
import type { Db, UserRecord } from './db.ts';
import { errors, type ApiError } from './errors.ts';
import { optionalBoolean, optionalId, optionalString, type Params } from './params.ts';

// The profile part of i/update (2024.10.1): checked in the schema's order, then applied together.

type Field = { name: string; value: string };

const BIRTHDAY = '^([0-9]{4})-([0-9]{2})-([0-9]{2})$';

function birthdayOf(params: Params): string | null | undefined {
  const value = optionalString(params, 'birthday', { nullable: true });
  if (typeof value === 'string' && !new RegExp(BIRTHDAY).test(value))
    throw errors.invalidParam('#/properties/birthday/pattern', `must match pattern "${BIRTHDAY}"`);
  return value;
}

function fieldsOf(params: Params): Field[] | undefined {
  const value = params.fields;
  if (value === undefined) return undefined;
  const path = '#/properties/fields';
  if (!Array.isArray(value)) throw errors.invalidParam(`${path}/type`, 'must be array');
  if (value.length > 16) throw errors.invalidParam(`${path}/maxItems`, 'must NOT have more than 16 items');
  for (const item of value) {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw errors.invalidParam(`${path}/items/type`, 'must be object');
    for (const key of ['name', 'value']) {
      const v = (item as Record<string, unknown>)[key];
      if (v === undefined) throw errors.invalidParam(`${path}/items/required`, `must have required property '${key}'`);
      if (typeof v !== 'string') throw errors.invalidParam(`${path}/items/properties/${key}/type`, 'must be string');
    }
  }
  // Upstream drops pairs with an empty side and trims the rest.
  return (value as Field[])
    .filter((f) => f.name.trim() !== '' && f.value.trim() !== '')
    .map((f) => ({ name: f.name.trim(), value: f.value.trim() }));
}

// avatarId / bannerId: null clears it; otherwise one of the user's own images.
function imageOf(db: Db, me: UserRecord, id: string | null | undefined, missing: () => ApiError, notImage: () => ApiError) {
  if (id === undefined || id === null) return id;
  const file = db.files.get(id);
  if (!file || file.userId !== me.id) throw missing();
  if (!file.type.startsWith('image/')) throw notImage();
  return file.id;
}

/** Checks every profile parameter, then returns the function that applies them. */
export function readProfileUpdate(db: Db, me: UserRecord, params: Params): () => void {
  const name = optionalString(params, 'name', { min: 1, max: 50, nullable: true });
  const description = optionalString(params, 'description', { min: 1, max: 1500, nullable: true });
  const location = optionalString(params, 'location', { min: 1, max: 50, nullable: true });
  const birthday = birthdayOf(params);
  const avatarParam = params.avatarId === null ? null : optionalId(params, 'avatarId');
  const bannerParam = params.bannerId === null ? null : optionalId(params, 'bannerId');
  const fields = fieldsOf(params);
  const flag = (key: string) => (params[key] === undefined ? undefined : optionalBoolean(params, key, false));
  const isLocked = flag('isLocked');
  const isBot = flag('isBot');
  const isCat = flag('isCat');
  const avatarId = imageOf(db, me, avatarParam, errors.noSuchAvatar, errors.avatarNotAnImage);
  const bannerId = imageOf(db, me, bannerParam, errors.noSuchBanner, errors.bannerNotAnImage);

  return () => {
    if (name !== undefined) me.name = name === null || name.trim() === '' ? null : name.trim();
    if (description !== undefined) me.description = description;
    if (location !== undefined) me.location = location;
    if (birthday !== undefined) me.birthday = birthday;
    if (fields !== undefined) me.fields = fields;
    if (avatarId !== undefined) me.avatarId = avatarId;
    if (bannerId !== undefined) me.bannerId = bannerId;
    if (isBot !== undefined) me.isBot = isBot;
    if (isCat !== undefined) me.isCat = isCat;
    if (isLocked !== undefined) {
      const unlocking = me.isLocked && !isLocked;
      me.isLocked = isLocked;
      // Unlocking approves every request that was waiting.
      if (unlocking)
        for (const request of [...db.followRequests.values()].filter((r) => r.followeeId === me.id)) {
          const follower = db.users.get(request.followerId);
          if (follower) acceptFollowRequest(db, me, follower);
        }
    }
  };
}
