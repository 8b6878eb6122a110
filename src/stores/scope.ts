// Which account a part of the page reads and acts as. The app reads as the active account (the
// "active" scope); a deck column bound to another signed-in account provides that account's key,
// and every account-bound store (session, stream, notes, notifications, drafts, outbox) asked for
// beneath it is that account's own instance: its own socket, its own viewer-dependent note state.
import { defineStore, getActivePinia } from 'pinia';
import { hasInjectionContext, inject, provide, type InjectionKey } from 'vue';

export const ACTIVE_SCOPE = 'active';
const SCOPE: InjectionKey<string> = Symbol('account scope');

/** Everything below this component reads as the account `scope` (an account key, or ACTIVE_SCOPE). */
export function provideScope(scope: string): void {
  provide(SCOPE, scope);
}

/** The scope of the calling component; ACTIVE_SCOPE outside any (and outside components). */
export function currentScope(): string {
  return hasInjectionContext() ? inject(SCOPE, ACTIVE_SCOPE) : ACTIVE_SCOPE;
}

function define<SS extends object>(id: string, setup: () => SS) {
  return defineStore(id, setup);
}
type ScopedDefinition<SS extends object> = ReturnType<typeof define<SS>>;

const disposers = new Map<string, Array<() => void>>();

/**
 * A store with one instance per scope. `setup` gets its scope and must pass it on to the other
 * scoped stores it uses (a store's setup has no component to read the scope from). The active
 * scope keeps the plain id, so the app outside a deck sees the stores it always had.
 */
export function defineScopedStore<SS extends object>(id: string, setup: (scope: string) => SS) {
  const definitions = new Map<string, ScopedDefinition<SS>>();
  return (scope: string = currentScope()) => {
    let definition = definitions.get(scope);
    if (!definition) {
      const storeId = scope === ACTIVE_SCOPE ? id : `${id}@${scope}`;
      definition = define(storeId, () => setup(scope));
      definitions.set(scope, definition);
      const forget = () => {
        const pinia = getActivePinia();
        const instance = pinia ? (definition as ScopedDefinition<SS>)(pinia) : null;
        instance?.$dispose();
        if (pinia) delete pinia.state.value[storeId];
        definitions.delete(scope);
      };
      disposers.set(scope, [...(disposers.get(scope) ?? []), forget]);
    }
    return definition();
  };
}

/** Drops every store instance of `scope` (its account's last column is gone). */
export function disposeScope(scope: string): void {
  if (scope === ACTIVE_SCOPE) return;
  for (const forget of disposers.get(scope) ?? []) forget();
  disposers.delete(scope);
}
