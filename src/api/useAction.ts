import { ref, shallowRef } from 'vue';
import { toApiError, type ApiError } from './errors';

// One change at a time (create, rename, delete, follow…): busy while it runs, its failure kept
// as an ApiError for the form to show. Resolves to the answer, or undefined when it failed.
export function useAction() {
  const busy = ref(false);
  const error = shallowRef<ApiError | null>(null);

  async function run<T>(endpoint: string, fn: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined;
    busy.value = true;
    error.value = null;
    try {
      return await fn();
    } catch (e) {
      error.value = toApiError(e, endpoint);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run, clear: () => void (error.value = null) };
}
