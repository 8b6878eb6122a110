import type * as Misskey from 'misskey-js';

// The `acct` route param of the user page: '@user' for local users, '@user@host' for remote ones.
export function userAcct(user: Pick<Misskey.entities.UserLite, 'username' | 'host'>): string {
  return user.host ? `@${user.username}@${user.host}` : `@${user.username}`;
}
