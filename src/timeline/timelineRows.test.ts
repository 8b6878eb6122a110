import { describe, expect, it } from 'vitest';
import { gapItem, noteItem, type TimelineItem } from './timelineList';
import { LAST_READ_KEY, rowsMemo, timelineRows, withLastRead, type NoteFacts, type TimelineRow } from './timelineRows';

// Notes by id: `r:<target>` marks a pure renote, `p:<parent>` a reply.
function world(spec: Record<string, string>): (id: string) => NoteFacts | undefined {
  return (id) => {
    const s = spec[id];
    if (s === undefined) return { renoteTarget: null, replyId: null };
    const [kind, ref] = s.split(':');
    return { renoteTarget: kind === 'r' ? ref! : null, replyId: kind === 'p' ? ref! : null };
  };
}

const items = (...ids: string[]): TimelineItem[] =>
  ids.map((id) => (id.startsWith('gap>') ? gapItem(id.slice(4)) : noteItem(id)));

// A compact picture of the rows: note id [renotes] (thread place), "+n" for the rest of a chain.
function picture(rows: TimelineRow[]): string[] {
  return rows.map((row) => {
    switch (row.kind) {
      case 'note':
        return `${row.id}${row.renotes.length ? `[${row.renotes.join(',')}]` : ''}${row.thread ? `(${row.thread})` : ''}`;
      case 'more':
        return `+${row.count}`;
      case 'gap':
        return row.key;
      case 'lastRead':
        return '---';
    }
  });
}

describe('timeline rows', () => {
  it('shows plain notes one per row, keyed by id', () => {
    const rows = timelineRows(items('a05', 'a04', 'a03'), world({}));
    expect(picture(rows)).toEqual(['a05', 'a04', 'a03']);
    expect(rows.map((r) => r.key)).toEqual(['a05', 'a04', 'a03']);
  });

  it('shows a lone renote as itself, keyed by the note it shows', () => {
    const rows = timelineRows(items('a05', 'a04'), world({ a05: 'r:a01' }));
    expect(picture(rows)).toEqual(['a05', 'a04']);
    expect(rows[0]).toMatchObject({ key: 'a01', id: 'a05', position: 'a05' });
  });

  it('shows a note once however often it is renoted, where its newest renote is', () => {
    const spec = { a09: 'r:a02', a07: 'r:a02', a05: 'r:a02' };
    const rows = timelineRows(items('a09', 'a08', 'a07', 'a05', 'a03', 'a02'), world(spec));
    expect(picture(rows)).toEqual(['a02[a09,a07,a05]', 'a08', 'a03']);
    expect(rows[0]).toMatchObject({ key: 'a02', position: 'a09' });
  });

  it('collapses renotes of a note that is not in the list itself', () => {
    const rows = timelineRows(items('a09', 'a05', 'a04'), world({ a09: 'r:a01', a05: 'r:a01' }));
    expect(picture(rows)).toEqual(['a01[a09,a05]', 'a04']);
  });

  it('keeps quotes apart: they are notes of their own', () => {
    // A quote has text, so it is not a pure renote: no renoteTarget.
    const rows = timelineRows(items('a09', 'a05', 'a02'), world({ a05: 'r:a02' }));
    expect(picture(rows)).toEqual(['a09', 'a02[a05]']);
  });

  it('puts a reply right under the note it answers, at the place of the reply', () => {
    const rows = timelineRows(items('a09', 'a08', 'a05', 'a03'), world({ a08: 'p:a03' }));
    expect(picture(rows)).toEqual(['a09', 'a03(start)', 'a08(end)', 'a05']);
    expect(rows.map((r) => r.position)).toEqual(['a09', 'a08', 'a08', 'a05']);
    expect(rows.map((r) => r.key)).toEqual(['a09', 'a03', 'a08', 'a05']);
  });

  it('shows a chain by its first and last notes with the count of those between', () => {
    const spec = { a08: 'p:a06', a06: 'p:a04', a04: 'p:a02' };
    const rows = timelineRows(items('a09', 'a08', 'a07', 'a06', 'a04', 'a03', 'a02'), world(spec));
    expect(picture(rows)).toEqual(['a09', 'a02(start)', '+2', 'a08(end)', 'a07', 'a03']);
    expect(rows[2]).toMatchObject({ kind: 'more', noteId: 'a08', key: 'more:a08' });
  });

  it('gives a parent to its newest reply only; an older reply stands alone', () => {
    const rows = timelineRows(items('a09', 'a06', 'a02'), world({ a09: 'p:a02', a06: 'p:a02' }));
    expect(picture(rows)).toEqual(['a02(start)', 'a09(end)', 'a06']);
  });

  it('does not pull a parent that is not in the list, nor a renoted one', () => {
    const rows = timelineRows(items('a09', 'a07', 'a05', 'a02'), world({ a09: 'p:a01', a07: 'p:a02', a05: 'r:a02' }));
    expect(picture(rows)).toEqual(['a09', 'a07', 'a02[a05]']);
  });

  it('keeps gap markers where they are', () => {
    const rows = timelineRows(items('a09', 'gap>a05', 'a05', 'a03'), world({ a09: 'p:a03' }));
    expect(picture(rows)).toEqual(['a03(start)', 'a09(end)', 'gap:a05', 'a05']);
  });

  it('reuses the rows that did not change', () => {
    const facts = world({ a09: 'r:a02' });
    const rowsOf = rowsMemo(facts);
    const before = rowsOf(items('a05', 'a04', 'a02'));
    const after = rowsOf(items('a09', 'a05', 'a04', 'a02'));
    expect(after[1]).toBe(before[0]);
    expect(after[2]).toBe(before[1]);
    // The renoted note moved to the top and now names its renoter: a new row, same key.
    expect(after[0]).not.toBe(before[2]);
    expect(after[0]!.key).toBe(before[2]!.key);
  });

  it('handles a long list in one pass', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `b${String(1000 - i).padStart(4, '0')}`);
    const spec: Record<string, string> = {};
    ids.forEach((id, i) => {
      if (i % 3 === 0 && ids[i + 1]) spec[id] = `p:${ids[i + 1]}`;
    });
    const rows = timelineRows(items(...ids), world(spec));
    expect(rows.filter((r) => r.kind === 'note')).toHaveLength(1000);
  });
});

describe('last-read line', () => {
  const rows = timelineRows(items('a09', 'a08', 'a05', 'a03'), world({}));

  it('sits above the last note read', () => {
    expect(picture(withLastRead(rows, 'a05'))).toEqual(['a09', 'a08', '---', 'a05', 'a03']);
    expect(withLastRead(rows, 'a05')[2]!.key).toBe(LAST_READ_KEY);
  });

  it('sits above the next older note when that one is gone', () => {
    expect(picture(withLastRead(rows, 'a06'))).toEqual(['a09', 'a08', '---', 'a05', 'a03']);
  });

  it('is left out when nothing is newer, or the note is not loaded', () => {
    expect(withLastRead(rows, 'a09')).toBe(rows);
    expect(withLastRead(rows, 'a01')).toBe(rows);
    expect(withLastRead(rows, null)).toBe(rows);
  });
});
