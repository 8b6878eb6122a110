import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import { backfill } from './backfill';

type Note = Misskey.entities.Note;

// A fake server holding notes n001…nNNN that answers sinceId queries oldest first.
function fakeServer(total: number, limit: number) {
  const all = Array.from({ length: total }, (_, i) => ({ id: `n${String(i + 1).padStart(3, '0')}` }) as Note);
  const calls: string[] = [];
  const fetchSince = async (sinceId: string) => {
    calls.push(sinceId);
    return all.filter((n) => n.id > sinceId).slice(0, limit);
  };
  return { fetchSince, calls };
}

describe('backfill', () => {
  it('loads every missed note, page by page, until an empty page', async () => {
    const server = fakeServer(45, 20);
    const seen: string[] = [];
    const result = await backfill(server.fetchSince, 'n005', 10, (page) => seen.push(...page.map((n) => n.id)));
    expect(result).toEqual({ loaded: 40, cursor: 'n045', capped: false });
    expect(seen[0]).toBe('n006');
    expect(seen.at(-1)).toBe('n045');
    expect(server.calls).toEqual(['n005', 'n025', 'n045']);
  });

  it('stops at the page cap and reports where the gap starts', async () => {
    const server = fakeServer(100, 10);
    const result = await backfill(server.fetchSince, 'n000', 3, () => {});
    expect(result).toEqual({ loaded: 30, cursor: 'n030', capped: true });
  });

  it('does nothing more than one request when nothing was missed', async () => {
    const server = fakeServer(5, 20);
    const result = await backfill(server.fetchSince, 'n005', 10, () => {});
    expect(result).toEqual({ loaded: 0, cursor: 'n005', capped: false });
    expect(server.calls).toEqual(['n005']);
  });

  it('stops when a server answers with nothing newer than the cursor', async () => {
    const stale = [{ id: 'n001' } as Note];
    const result = await backfill(
      async () => stale,
      'n002',
      10,
      () => {},
    );
    expect(result.capped).toBe(false);
    expect(result.loaded).toBe(1);
  });
});
