import { hasPermission, type Caller } from './auth.ts';
import type { Db } from './db.ts';
import { ApiError, errors } from './errors.ts';
import type { Params } from './params.ts';
import { endpoints } from './rest/index.ts';

// '12.110.0' < '2023.12.0': numeric parts compared in order.
function olderThan(version: string, since: string): boolean {
  const a = version.split('.').map(Number);
  const b = since.split('.').map(Number);
  for (let i = 0; i < b.length; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) < b[i]!;
  return false;
}

// Runs one endpoint for a caller (already authenticated). Shared by REST, the control API
// and the legacy api-over-stream. Resolves to the body, or undefined for 204.
export async function invoke(db: Db, name: string, params: Params, caller: Caller | undefined, file?: File): Promise<unknown> {
  const endpoint = endpoints[name];
  if (!endpoint || (endpoint.modernOnly && !db.modern) || (endpoint.since && olderThan(db.version, endpoint.since))) {
    throw errors.unknownEndpoint();
  }
  if (endpoint.requireCredential && !caller) throw errors.credentialRequired();
  if (caller && endpoint.kind && !hasPermission(caller, endpoint.kind)) throw errors.permissionDenied();
  try {
    const accessToken = caller && caller.permissions !== null ? (caller.token ?? null) : null;
    return await endpoint.handler({ db, params, me: caller?.user ?? null, accessToken, ...(file ? { file } : {}) });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const e = error instanceof Error ? error : new Error(String(error));
    throw errors.internalError({ e: { message: e.message, code: e.name, id: '' } });
  }
}
