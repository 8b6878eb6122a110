// Sessions of signed-in accounts other than the active one, open while something on screen reads
// as them (a deck column, the composer posting as them): their own socket and note cache, opened
// for the first holder and closed when the last one goes.
import { useAccountsStore } from '@/stores/accounts';
import { useSessionStore } from '@/stores/session';
import { useStreamStore } from '@/stream/store';
import { ACTIVE_SCOPE, disposeScope } from '@/stores/scope';
import { forgetVisibility } from '@/timeline/useNoteVisibility';

const holders = new Map<string, number>();

/** The scope that reads as `accountKey`: the active one for the active account (one socket per account). */
export function scopeOf(accountKey: string): string {
  return useAccountsStore().activeAccount?.key === accountKey ? ACTIVE_SCOPE : accountKey;
}

export function acquireScope(scope: string): void {
  if (scope === ACTIVE_SCOPE) return;
  const count = holders.get(scope) ?? 0;
  holders.set(scope, count + 1);
  if (count === 0) void useSessionStore(scope).open({ kind: 'account', key: scope });
}

export function releaseScope(scope: string): void {
  if (scope === ACTIVE_SCOPE) return;
  const count = holders.get(scope) ?? 0;
  if (count > 1) {
    holders.set(scope, count - 1);
    return;
  }
  holders.delete(scope);
  useSessionStore(scope).close();
  useStreamStore(scope).reset();
  forgetVisibility(scope);
  disposeScope(scope);
}
