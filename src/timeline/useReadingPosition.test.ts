import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type * as Misskey from 'misskey-js';
import { useNotesStore } from '@/stores/notes';
import { useReadingPosition } from './useReadingPosition';
import { noteItem } from './timelineList';

const note = (id: string) => ({ id, renoteId: null, replyId: null, text: 'x' }) as Misskey.entities.Note;

describe('useReadingPosition', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    history.replaceState({}, '');
  });

  it('gives the same history entry its list and anchor back, once', () => {
    const notes = useNotesStore();
    notes.put(note('a1'));
    notes.retain('a1');
    useReadingPosition().save('local', [noteItem('a1')], { id: 'a1', offset: -40 });
    const again = useReadingPosition();
    expect(again.restore('local')?.map((i) => i.id)).toEqual(['a1']);
    expect(again.anchor()).toEqual({ id: 'a1', offset: -40 });
    expect(useReadingPosition().restore('local')).toBeNull();
  });

  it('does not restore into another timeline or another history entry', () => {
    const notes = useNotesStore();
    notes.put(note('a1'));
    notes.retain('a1');
    useReadingPosition().save('local', [noteItem('a1')], null);
    expect(useReadingPosition().restore('global')).toBeNull();
    history.pushState({}, '');
    expect(useReadingPosition().restore('local')).toBeNull();
  });

  it('starts afresh when the store no longer has the notes', () => {
    const notes = useNotesStore();
    notes.put(note('a1'));
    notes.retain('a1');
    useReadingPosition().save('local', [noteItem('a1')], null);
    notes.reset();
    expect(useReadingPosition().restore('local')).toBeNull();
  });
});
