import { errors } from './errors.ts';

// Minimal request-parameter checks that answer like Misskey's JSON-schema validator
// (`info.param` is the schema path, `info.reason` the ajv message).

export type Params = Record<string, unknown>;

const prop = (name: string, rule: string) => `#/properties/${name}/${rule}`;

export function optionalString(
  params: Params,
  name: string,
  opts: { min?: number; max?: number; nullable?: boolean; path?: string } = {},
): string | null | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === null && opts.nullable) return null;
  const base = opts.path ?? '#/properties';
  if (typeof value !== 'string') throw errors.invalidParam(`${base}/${name}/type`, 'must be string');
  if (opts.min !== undefined && value.length < opts.min)
    throw errors.invalidParam(`${base}/${name}/minLength`, `must NOT have fewer than ${opts.min} characters`);
  if (opts.max !== undefined && value.length > opts.max)
    throw errors.invalidParam(`${base}/${name}/maxLength`, `must NOT have more than ${opts.max} characters`);
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === null) throw errors.invalidParam('#/required', `must have required property '${name}'`);
  return value;
}

export function requiredId(params: Params, name: string): string {
  const value = requiredString(params, name);
  if (!/^[a-zA-Z0-9]+$/.test(value)) throw errors.invalidParam(prop(name, 'format'), 'must match format "misskey:id"');
  return value;
}

export function optionalId(params: Params, name: string): string | undefined {
  if (params[name] === undefined || params[name] === null) return undefined;
  return requiredId(params, name);
}

export function optionalBoolean(params: Params, name: string, fallback: boolean): boolean {
  const value = params[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw errors.invalidParam(prop(name, 'type'), 'must be boolean');
  return value;
}

export function optionalInteger(params: Params, name: string, fallback: number, min: number, max: number): number {
  const value = params[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw errors.invalidParam(prop(name, 'type'), 'must be integer');
  if (value < min) throw errors.invalidParam(prop(name, 'minimum'), `must be >= ${min}`);
  if (value > max) throw errors.invalidParam(prop(name, 'maximum'), `must be <= ${max}`);
  return value;
}

export function optionalEnum<T extends string>(params: Params, name: string, allowed: readonly T[], fallback: T): T {
  const value = params[name];
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw errors.invalidParam(prop(name, 'enum'), 'must be equal to one of the allowed values');
  return value as T;
}

export function optionalIdArray(params: Params, name: string, max: number): string[] {
  const value = params[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw errors.invalidParam(prop(name, 'type'), 'must be array');
  if (value.length > max) throw errors.invalidParam(prop(name, 'maxItems'), `must NOT have more than ${max} items`);
  for (const item of value)
    if (typeof item !== 'string') throw errors.invalidParam(`${prop(name, 'items')}/type`, 'must be string');
  return value as string[];
}
