import type { Db, TokenRecord, UserRecord } from './db.ts';

export interface Caller {
  user: UserRecord;
  /** null for a native token (no limits) */
  permissions: string[] | null;
  /** the token used, for what Misskey keys by access token (i/registry); absent for the control API */
  token?: string;
}

/** undefined: no token given; null: the token is unknown. */
export function authenticate(db: Db, token: string | undefined): Caller | null | undefined {
  if (token === undefined) return undefined;
  const record: TokenRecord | undefined = db.tokens.get(token);
  const user = record ? db.users.get(record.userId) : undefined;
  if (!record || !user) return null;
  return { user, permissions: record.permissions, token };
}

export function hasPermission(caller: Caller, kind: string | undefined): boolean {
  return kind === undefined || caller.permissions === null || caller.permissions.includes(kind);
}
