import type { InjectionKey, Ref } from 'vue';
import type { Draft } from './draftModel.ts';
import type { PostTarget } from './postParams.ts';

/** What a composer shares with its parts that load later (the server-draft and schedule controls). */
export interface Composer {
  draft: Ref<Draft>;
  context(): string;
  target(): PostTarget;
  reset(): void;
}

export const COMPOSER: InjectionKey<Composer> = Symbol('composer');
