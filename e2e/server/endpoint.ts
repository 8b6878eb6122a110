import type { Db, UserRecord } from './db.ts';
import type { Params } from './params.ts';

// What an endpoint declares, and what its handler receives.

export interface EndpointContext {
  db: Db;
  params: Params;
  /** the caller, or null when anonymous */
  me: UserRecord | null;
  /** the uploaded file of a multipart request */
  file?: File;
  /** the app access token (MiAuth) used, or null for a native token; i/registry keeps such a caller's items apart */
  accessToken?: string | null;
}

export interface Endpoint {
  requireCredential?: boolean;
  /** the permission an access token must carry */
  kind?: string;
  allowGet?: boolean;
  /** anonymous GETs are cacheable for this many seconds */
  cacheSec?: number;
  /** Misskey versions older than this (calendar versions, 2023.12.0 style) have no such endpoint */
  since?: string;
  /** exists only on the 2026 profile; 2024.10 answers it like any unknown endpoint */
  modernOnly?: boolean;
  /** what the `endpoint` endpoint reports (declared where a client reads it) */
  params?: { name: string; type: string }[];
  /** returns the JSON body, or undefined for 204 */
  handler(ctx: EndpointContext): unknown;
}

/** The signed-in caller; endpoints with requireCredential are only called with one. */
export function signedIn(ctx: EndpointContext): UserRecord {
  if (!ctx.me) throw new Error('endpoint called without credential');
  return ctx.me;
}
