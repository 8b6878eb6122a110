import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import { unseen } from '@/api/usePagedFeed';
import { belongsTo } from './useMentions';
import { titleWithCount } from './useUnreadTitle';

type Notification = Misskey.entities.Notification;

const n = (id: string) => ({ id, createdAt: '2026-11-23T06:18:56.731Z', type: 'login' }) as Notification;
const ids = (list: Notification[]) => list.map((x) => x.id);

describe('paged feeds', () => {
  it('take only entries not listed yet, each once', () => {
    const list = [n('c'), n('b')];
    expect(ids(unseen(list, [n('d'), n('c'), n('d'), n('a')]))).toEqual(['d', 'a']);
    expect(unseen(list, [n('b')])).toEqual([]);
  });
});

describe('direct notes', () => {
  it('keep only notes addressed to the reader; mentions keep all', () => {
    expect(belongsTo('direct', { visibility: 'specified' })).toBe(true);
    expect(belongsTo('direct', { visibility: 'public' })).toBe(false);
    expect(belongsTo('mentions', { visibility: 'home' })).toBe(true);
  });
});

describe('tab title', () => {
  it('shows the unread count in front and takes it away again', () => {
    expect(titleWithCount('Misskey Web Client', 3)).toBe('(3) Misskey Web Client');
    expect(titleWithCount('(3) Misskey Web Client', 4)).toBe('(4) Misskey Web Client');
    expect(titleWithCount('(4) Misskey Web Client', 0)).toBe('Misskey Web Client');
    expect(titleWithCount('Misskey Web Client', 250)).toBe('(99+) Misskey Web Client');
  });
});
