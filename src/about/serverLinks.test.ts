import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import meta from '@/testing/fixtures/rest-meta-detail-true.json';
import { mailtoOf, serverLinks } from './serverLinks';

describe('serverLinks', () => {
  it("lists the recorded server's repository and feedback addresses, skipping the unset ones", () => {
    expect(serverLinks(meta.response as unknown as Misskey.entities.MetaDetailed)).toEqual([
      { kind: 'repository', url: 'https://github.com/misskey-dev/misskey' },
      { kind: 'feedback', url: 'https://github.com/misskey-dev/misskey/issues/new' },
    ]);
  });

  it('drops anything that is not http(s)', () => {
    expect(
      serverLinks({
        tosUrl: 'javascript:alert(1)',
        privacyPolicyUrl: 'data:text/html,x',
        inquiryUrl: 'https://example.com/contact',
      }),
    ).toEqual([{ kind: 'inquiry', url: 'https://example.com/contact' }]);
  });
});

describe('mailtoOf', () => {
  it('links a plain address and nothing else', () => {
    expect(mailtoOf('admin@example.com')).toBe('mailto:admin@example.com');
    expect(mailtoOf('admin@example.com?subject=x"><script>')).toBeNull();
    expect(mailtoOf('not an address')).toBeNull();
    expect(mailtoOf(null)).toBeNull();
  });
});
