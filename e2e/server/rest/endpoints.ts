import type { Endpoint } from '../endpoint.ts';
import { requiredString } from '../params.ts';
import { endpoints } from './index.ts';

// endpoints / endpoint (2026 profile): the names this server answers, and the params of one.
// An unknown name gets 204 with an empty body, not an error.

function available(modern: boolean): string[] {
  return Object.entries(endpoints)
    .filter(([, e]) => modern || !e.modernOnly)
    .map(([name]) => name)
    .sort();
}

export const endpointInfoEndpoints: Record<string, Endpoint> = {
  endpoints: {
    modernOnly: true,
    handler: ({ db }) => available(db.modern),
  },
  endpoint: {
    modernOnly: true,
    handler: ({ db, params }) => {
      const name = requiredString(params, 'endpoint');
      const endpoint = endpoints[name];
      if (!endpoint || (endpoint.modernOnly && !db.modern)) return undefined;
      return { params: endpoint.params ?? [] };
    },
  },
};
