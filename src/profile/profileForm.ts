// The editable part of a profile, and what i/update is sent for it (Misskey 2024.10.1's rules:
// empty text is sent as null, fields need both sides, at most 16 of them).
import type * as Misskey from 'misskey-js';

export const MAX_NAME = 50;
export const MAX_DESCRIPTION = 1500;
export const MAX_LOCATION = 50;
export const MAX_FIELDS = 16;

export interface ProfileField {
  name: string;
  value: string;
}

export interface ProfileForm {
  name: string;
  description: string;
  location: string;
  /** YYYY-MM-DD, or '' for none */
  birthday: string;
  fields: ProfileField[];
  isLocked: boolean;
  isBot: boolean;
  isCat: boolean;
}

export function formFromUser(me: Misskey.entities.MeDetailed): ProfileForm {
  return {
    name: me.name ?? '',
    description: me.description ?? '',
    location: me.location ?? '',
    birthday: me.birthday ?? '',
    fields: me.fields.map((f) => ({ name: f.name, value: f.value })),
    isLocked: me.isLocked,
    isBot: me.isBot ?? false,
    isCat: me.isCat ?? false,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/** The i/update body for a form; what the server would drop (half-empty fields) is left out here. */
export function updateParams(form: ProfileForm) {
  return {
    name: orNull(form.name.trim()),
    description: orNull(form.description),
    location: orNull(form.location.trim()),
    birthday: orNull(form.birthday),
    fields: form.fields
      .map((f) => ({ name: f.name.trim(), value: f.value.trim() }))
      .filter((f) => f.name !== '' && f.value !== '')
      .slice(0, MAX_FIELDS),
    isLocked: form.isLocked,
    isBot: form.isBot,
    isCat: form.isCat,
  };
}

/** Whether two forms would save the same profile. */
export function sameProfile(a: ProfileForm, b: ProfileForm): boolean {
  return JSON.stringify(updateParams(a)) === JSON.stringify(updateParams(b));
}

/** A saved form read back from storage, or null when it is not one. */
export function readForm(value: unknown): ProfileForm | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const text = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : null);
  const flag = (k: string) => (typeof v[k] === 'boolean' ? (v[k] as boolean) : null);
  const fields = Array.isArray(v.fields)
    ? v.fields.filter(
        (f): f is ProfileField =>
          typeof f === 'object' && f !== null && typeof f.name === 'string' && typeof f.value === 'string',
      )
    : null;
  const form = {
    name: text('name'),
    description: text('description'),
    location: text('location'),
    birthday: text('birthday'),
    fields,
    isLocked: flag('isLocked'),
    isBot: flag('isBot'),
    isCat: flag('isCat'),
  };
  return Object.values(form).some((x) => x === null) ? null : (form as ProfileForm);
}

/** The form field an INVALID_PARAM's `info.param` (`#/properties/birthday/pattern`) is about. */
export function fieldOfParam(param: unknown): keyof ProfileForm | null {
  if (typeof param !== 'string') return null;
  const match = /^#\/properties\/(\w+)/.exec(param);
  const key = match?.[1];
  const known: (keyof ProfileForm)[] = ['name', 'description', 'location', 'birthday', 'fields', 'isLocked', 'isBot', 'isCat'];
  return known.find((k) => k === key) ?? null;
}
