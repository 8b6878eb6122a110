import { ref, shallowRef } from 'vue';
import type * as Misskey from 'misskey-js';
import { createApi, normalizeOrigin } from '@/api/client';
import { toApiError } from '@/api/errors';
import { versionAtLeast } from '@/api/version';

// MiAuth, which every sign-in path here relies on, arrived in Misskey 12.27.0.
const OLDEST_SUPPORTED = '12.27.0';

export type ProbeProblem = 'invalid-address' | 'unreachable' | 'not-misskey' | 'too-old';

export interface ProbedServer {
  origin: string;
  meta: Misskey.entities.MetaDetailed;
}

// Checks that an address the user typed is a Misskey server we can talk to.
export function useServerProbe() {
  const server = shallowRef<ProbedServer | null>(null);
  const problem = ref<ProbeProblem | null>(null);
  const probing = ref(false);

  async function probe(address: string): Promise<ProbedServer | null> {
    server.value = null;
    problem.value = null;
    let origin: string;
    try {
      origin = normalizeOrigin(address);
    } catch {
      problem.value = 'invalid-address';
      return null;
    }
    probing.value = true;
    try {
      // Any server may answer; only Misskey's meta carries a version string.
      const api = createApi({ origin, token: null });
      const meta = (await api.request('meta', { detail: true })) as Misskey.entities.MetaDetailed | null;
      if (typeof meta?.version !== 'string') {
        problem.value = 'not-misskey';
      } else if (!versionAtLeast(meta.version, OLDEST_SUPPORTED)) {
        problem.value = 'too-old';
      } else {
        server.value = { origin, meta };
      }
    } catch (e) {
      const err = toApiError(e, 'meta');
      problem.value = err.kind === 'network' || err.kind === 'offline' || err.kind === 'timeout' ? 'unreachable' : 'not-misskey';
    } finally {
      probing.value = false;
    }
    return server.value;
  }

  return { server, problem, probing, probe };
}
