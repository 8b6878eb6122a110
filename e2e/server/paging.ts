import { errors } from './errors.ts';
import { idToDate } from './ids.ts';
import { optionalId, optionalInteger, type Params } from './params.ts';

// Misskey's paging: untilId (or no cursor) → newest first; only sinceId → the `limit` items
// just after it, oldest first; both → newest first inside the window. Dates work the same.

export interface Paging {
  limit: number;
  sinceId?: string;
  untilId?: string;
  sinceDate?: number;
  untilDate?: number;
}

export function readPaging(params: Params, defaultLimit = 10): Paging {
  const paging: Paging = { limit: optionalInteger(params, 'limit', defaultLimit, 1, 100) };
  const sinceId = optionalId(params, 'sinceId');
  const untilId = optionalId(params, 'untilId');
  if (sinceId) paging.sinceId = sinceId;
  if (untilId) paging.untilId = untilId;
  for (const key of ['sinceDate', 'untilDate'] as const) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number') throw errors.invalidParam(`#/properties/${key}/type`, 'must be integer');
    paging[key] = value;
  }
  return paging;
}

/** `items` must be sorted newest first by id. */
export function page<T extends { id: string }>(items: Iterable<T>, paging: Paging, keep: (item: T) => boolean = () => true): T[] {
  const inWindow = (item: T) => {
    if (paging.untilId !== undefined && !(item.id < paging.untilId)) return false;
    if (paging.sinceId !== undefined && !(item.id > paging.sinceId)) return false;
    const time = idToDate(item.id).getTime();
    if (paging.untilDate !== undefined && !(time < paging.untilDate)) return false;
    if (paging.sinceDate !== undefined && !(time > paging.sinceDate)) return false;
    return true;
  };
  const oldestFirst =
    (paging.sinceId !== undefined || paging.sinceDate !== undefined) &&
    paging.untilId === undefined &&
    paging.untilDate === undefined;
  const ordered = oldestFirst ? [...items].reverse() : items;
  const out: T[] = [];
  for (const item of ordered) {
    if (out.length >= paging.limit) break;
    if (inWindow(item) && keep(item)) out.push(item);
  }
  return out;
}
