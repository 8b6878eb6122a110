import { describe, expect, it } from 'vitest';
import type * as Misskey from 'misskey-js';
import { ApiError } from '@/api/errors';
import { RECHECK_PAGE_SIZE, planRefresh, recheckShown, refreshEach, refreshPlan, type NoteSink } from './refreshNotes';
import { gapItem, noteItem, type TimelineItem } from './timelineList';
import type { PageCursor } from './timelineSource';

type Note = Misskey.entities.Note;

const id = (n: number) => `n${String(n).padStart(4, '0')}`;
const note = (noteId: string, reactionCount = 0) => ({ id: noteId, reactionCount }) as Note;

// A timeline of notes 1..total (some deleted), answering untilId pages newest first.
function fakeServer(total: number, deleted: Set<string> = new Set()) {
  const alive = Array.from({ length: total }, (_, i) => id(i + 1))
    .filter((n) => !deleted.has(n))
    .reverse();
  const pages: (string | undefined)[] = [];
  const shown: string[] = [];
  const fetchUntil = async (untilId: string | undefined, limit: number) => {
    pages.push(untilId);
    return alive
      .filter((n) => untilId === undefined || n < untilId)
      .slice(0, limit)
      .map((n) => note(n, 1));
  };
  const put: string[] = [];
  const gone: string[] = [];
  const sink: NoteSink = {
    async show(noteId) {
      shown.push(noteId);
      if (!alive.includes(noteId))
        throw new ApiError({
          kind: 'not-found',
          status: 400,
          code: 'NO_SUCH_NOTE',
          message: 'No such note.',
          endpoint: 'notes/show',
        });
      return note(noteId, 1);
    },
    put: (n) => put.push(n.id),
    deleted: (noteId) => gone.push(noteId),
  };
  return { fetchUntil, sink, pages, shown, put, gone };
}

describe('recheckShown', () => {
  it('refreshes the shown notes from one page and asks only for the one missing from it', async () => {
    const server = fakeServer(50, new Set([id(45)]));
    const shownFromQueue = [id(48), id(45), id(41)];
    await recheckShown(shownFromQueue, server.fetchUntil, server.sink);
    expect(server.pages).toEqual([undefined]);
    expect(server.put.sort()).toEqual([id(41), id(48)]);
    expect(server.shown).toEqual([id(45)]);
    expect(server.gone).toEqual([id(45)]);
  });

  it('pages down until the oldest shown note, and no further', async () => {
    const total = RECHECK_PAGE_SIZE * 5;
    const server = fakeServer(total);
    const oldest = id(total - RECHECK_PAGE_SIZE - 10);
    await recheckShown([id(total), oldest], server.fetchUntil, server.sink);
    expect(server.pages).toHaveLength(2);
    expect(server.put.sort()).toEqual([oldest, id(total)]);
    expect(server.shown).toEqual([]);
  });

  it('leaves notes below the pages it read as they are', async () => {
    const total = RECHECK_PAGE_SIZE * 10;
    const server = fakeServer(total, new Set([id(total - 1), id(5)]));
    await recheckShown([id(total - 1), id(5)], server.fetchUntil, server.sink);
    expect(server.pages).toHaveLength(3);
    expect(server.gone).toEqual([id(total - 1)]);
    expect(server.shown).toEqual([id(total - 1)]);
  });
});

describe('refreshEach', () => {
  it('keeps a note when asking for it fails for another reason', async () => {
    const sink: NoteSink = {
      show: async () => {
        throw new ApiError({ kind: 'network', message: 'offline', endpoint: 'notes/show' });
      },
      put: () => expect.unreachable(),
      deleted: () => expect.unreachable(),
    };
    await refreshEach(['a', 'b'], sink);
  });
});

describe('reading the notes on screen again', () => {
  const items = (...ids: string[]): TimelineItem[] => ids.map((i) => (i.startsWith('gap>') ? gapItem(i.slice(4)) : noteItem(i)));

  it('plans one page between the notes around those on screen, and the ones far from them apart', () => {
    const list = items(id(9), id(8), id(7), id(6), 'gap>' + id(2), id(2), id(1));
    expect(planRefresh(list, [id(7), id(8)])).toEqual({ ids: [id(8), id(7)], above: id(9), below: id(6), apart: [] });
    // At the top: no upper cursor; a note beyond the run (a thread's parent) is read by itself.
    const long = items(...Array.from({ length: 60 }, (_, i) => id(60 - i)));
    expect(planRefresh(long, [id(60), id(59), id(3)])).toEqual({
      ids: [id(60), id(59)],
      above: null,
      below: id(58),
      apart: [id(3)],
    });
    expect(planRefresh(list, ['not-listed'])).toEqual({ ids: [], above: null, below: null, apart: [] });
  });

  it('reads the page, then by itself each note the page should have held but did not', async () => {
    const server = fakeServer(10, new Set([id(7)]));
    const cursors: PageCursor[] = [];
    const fetch = async (cursor: PageCursor, limit: number) => {
      cursors.push(cursor);
      return (await server.fetchUntil(cursor.untilId, limit)).filter((n) => !cursor.sinceId || n.id > cursor.sinceId);
    };
    await refreshPlan({ ids: [id(8), id(7), id(6)], above: id(9), below: id(5), apart: [id(2)] }, fetch, server.sink);
    expect(cursors).toEqual([{ untilId: id(9), sinceId: id(5) }]);
    expect(server.put).toEqual([id(8), id(6), id(2)]);
    expect(server.shown).toEqual([id(7), id(2)]);
    expect(server.gone).toEqual([id(7)]);
  });
});
