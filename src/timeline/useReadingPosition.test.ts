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
    const layout = { sizes: new Map([['a1', 212]]), anchor: { key: 'a1', offset: -40 } };
    useReadingPosition().save('local', [noteItem('a1')], layout);
    const back = useReadingPosition().restore('local');
    expect(back?.items.map((i) => i.id)).toEqual(['a1']);
    expect(back?.layout).toEqual(layout);
    expect(useReadingPosition().restore('local')).toBeNull();
  });

  it('does not restore into another timeline or another history entry', () => {
    const notes = useNotesStore();
    notes.put(note('a1'));
    notes.retain('a1');
    useReadingPosition().save('local', [noteItem('a1')], { sizes: new Map(), anchor: null });
    expect(useReadingPosition().restore('global')).toBeNull();
    history.pushState({}, '');
    expect(useReadingPosition().restore('local')).toBeNull();
  });

  it('starts afresh when the store no longer has the notes', () => {
    const notes = useNotesStore();
    notes.put(note('a1'));
    notes.retain('a1');
    useReadingPosition().save('local', [noteItem('a1')], { sizes: new Map(), anchor: null });
    notes.reset();
    expect(useReadingPosition().restore('local')).toBeNull();
  });
});
