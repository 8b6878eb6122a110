import type { RouteLocationRaw, Router } from 'vue-router';

/**
 * For a page that moves on once something slow is done (signing in): returns the move to make
 * then, which happens only if the reader is still where they were when it began. A link they
 * followed meanwhile wins.
 */
export function moveOnLater(router: Router): (to: RouteLocationRaw, opts?: { replace?: boolean }) => Promise<void> {
  const startedAt = router.currentRoute.value.fullPath;
  return async (to, opts) => {
    if (router.currentRoute.value.fullPath !== startedAt) return;
    await (opts?.replace ? router.replace(to) : router.push(to));
  };
}
