import type { Db } from '../db.ts';
import { signedIn, type Endpoint, type EndpointContext } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { optionalString, requiredString, type Params } from '../params.ts';

// i/registry/*: settings a client keeps on the account, by scope and key. As in 2024.10.1, an app's
// access token (MiAuth) reads and writes its own items, apart from the native token's, and only the
// native token's writes are announced on `main` (registryUpdated).

function scopeOf(params: Params): string[] {
  const value = params.scope;
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw errors.invalidParam('#/properties/scope/type', 'must be array');
  for (const part of value) {
    if (typeof part !== 'string') throw errors.invalidParam('#/properties/scope/items/type', 'must be string');
    if (!/^[a-zA-Z0-9_]+$/.test(part))
      throw errors.invalidParam('#/properties/scope/items/pattern', 'must match pattern "^[a-zA-Z0-9_]+$"');
  }
  return value as string[];
}

function domainOf(ctx: EndpointContext): string | null {
  if (ctx.accessToken) return ctx.accessToken;
  return optionalString(ctx.params, 'domain', { nullable: true }) ?? null;
}

function items(
  db: Db,
  ctx: EndpointContext,
  create: boolean,
): { scope: string[]; domain: string | null; map: Map<string, unknown> } {
  const scope = scopeOf(ctx.params);
  const domain = domainOf(ctx);
  const id = `${signedIn(ctx).id} ${domain ?? ''} ${scope.join('/')}`;
  let map = db.registry.get(id);
  if (!map) {
    map = new Map();
    if (create) db.registry.set(id, map);
  }
  return { scope, domain, map };
}

export const registryEndpoints: Record<string, Endpoint> = {
  'i/registry/get': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => {
      const key = requiredString(ctx.params, 'key');
      const { map } = items(ctx.db, ctx, false);
      if (!map.has(key)) throw errors.noSuchKey();
      return map.get(key);
    },
  },
  'i/registry/get-all': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => Object.fromEntries(items(ctx.db, ctx, false).map),
  },
  'i/registry/keys': {
    requireCredential: true,
    kind: 'read:account',
    handler: (ctx) => [...items(ctx.db, ctx, false).map.keys()],
  },
  'i/registry/set': {
    requireCredential: true,
    kind: 'write:account',
    handler: (ctx) => {
      const key = optionalString(ctx.params, 'key', { min: 1 });
      if (key === undefined || key === null) throw errors.invalidParam('#/required', "must have required property 'key'");
      if (!('value' in ctx.params)) throw errors.invalidParam('#/required', "must have required property 'value'");
      const { scope, domain, map } = items(ctx.db, ctx, true);
      map.set(key, ctx.params.value);
      if (domain === null)
        ctx.db.events.emit('main', signedIn(ctx).id, 'registryUpdated', { scope, key, value: ctx.params.value });
      return undefined;
    },
  },
};
