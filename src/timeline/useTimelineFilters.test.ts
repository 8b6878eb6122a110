import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { DEFAULT_FILTERS, readFilters, useTimelineFilters } from './useTimelineFilters';

describe('useTimelineFilters', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the filters of each timeline apart, and remembers them', async () => {
    const name = ref('local');
    const filters = useTimelineFilters(name);
    expect(filters.value).toEqual(DEFAULT_FILTERS);
    filters.value = { ...filters.value, withFiles: true };
    await nextTick();
    name.value = 'global';
    await nextTick();
    expect(filters.value).toEqual(DEFAULT_FILTERS);
    filters.value = { ...filters.value, withRenotes: false };
    await nextTick();
    name.value = 'local';
    await nextTick();
    expect(filters.value).toEqual({ ...DEFAULT_FILTERS, withFiles: true });
    expect(readFilters('global')).toEqual({ ...DEFAULT_FILTERS, withRenotes: false });
  });

  it('reads damaged or contradictory settings as something Misskey accepts', () => {
    localStorage.setItem('mkc:timeline-filters:local', '{not json');
    expect(readFilters('local')).toEqual(DEFAULT_FILTERS);
    localStorage.setItem('mkc:timeline-filters:local', JSON.stringify({ withRenotes: 'no', withReplies: true, withFiles: true }));
    expect(readFilters('local')).toEqual({ withRenotes: true, withReplies: false, withFiles: true });
  });
});
