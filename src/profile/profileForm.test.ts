import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import updated from '@/testing/fixtures/rest-i-update.json';
import invalidBirthday from '@/testing/fixtures/rest-error-400-invalid-param-birthday.json';
import { fieldOfParam, formFromUser, readForm, sameProfile, updateParams } from './profileForm';

const me = updated.response as unknown as Misskey.entities.MeDetailed;

describe('formFromUser and updateParams', () => {
  it('round-trips the recorded profile to the request that made it', () => {
    const form = formFromUser(me);
    expect(form).toMatchObject({ name: 'Alice Fixture', location: 'Loopback, 127.0.0.1', birthday: '2000-01-02' });
    const sent = Object.fromEntries(Object.entries(updated.request.body).filter(([key]) => key !== 'i'));
    expect(updateParams(form)).toMatchObject(sent);
  });

  it('sends empty text as null, trims, and leaves out fields with an empty side', () => {
    const form = {
      ...formFromUser(me),
      name: '  ',
      description: '',
      location: ' Tokyo ',
      birthday: '',
      fields: [
        { name: ' Site ', value: ' https://example.com ' },
        { name: 'half', value: '' },
        { name: '', value: 'half' },
      ],
    };
    expect(updateParams(form)).toMatchObject({
      name: null,
      description: null,
      location: 'Tokyo',
      birthday: null,
      fields: [{ name: 'Site', value: 'https://example.com' }],
    });
  });

  it('keeps a bio exactly as written (MFM is whitespace-sensitive)', () => {
    expect(updateParams({ ...formFromUser(me), description: '  indented\n\n' }).description).toBe('  indented\n\n');
  });

  it('sends at most 16 fields', () => {
    const fields = Array.from({ length: 20 }, (_, i) => ({ name: `k${i}`, value: 'v' }));
    expect(updateParams({ ...formFromUser(me), fields }).fields).toHaveLength(16);
  });
});

describe('sameProfile', () => {
  it('ignores what would not change the saved profile', () => {
    const form = formFromUser(me);
    expect(sameProfile(form, { ...form, name: ` ${form.name} `, fields: [...form.fields, { name: '', value: '' }] })).toBe(true);
    expect(sameProfile(form, { ...form, isCat: !form.isCat })).toBe(false);
  });
});

describe('readForm', () => {
  it('reads back a stored form and refuses anything else', () => {
    const form = formFromUser(me);
    expect(readForm(JSON.parse(JSON.stringify(form)))).toEqual(form);
    expect(readForm({ ...form, isBot: 'yes' })).toBeNull();
    expect(readForm({ ...form, fields: [{ name: 1 }] })?.fields).toEqual([]);
    expect(readForm(null)).toBeNull();
  });
});

describe('fieldOfParam', () => {
  it('names the form field of the recorded INVALID_PARAM, and nothing for other params', () => {
    expect(fieldOfParam(invalidBirthday.response.error.info.param)).toBe('birthday');
    expect(fieldOfParam('#/properties/fields/maxItems')).toBe('fields');
    expect(fieldOfParam('#/properties/mutedWords/type')).toBeNull();
    expect(fieldOfParam(undefined)).toBeNull();
  });
});
