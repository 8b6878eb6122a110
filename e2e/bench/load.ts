import { createNote } from '../server/actions.ts';
import type { RunningServer } from '../server/index.ts';
import { sleep } from './stats.ts';

// Notes from people alice follows, posted straight into the stand-in server's database, so the
// only socket traffic measured is the client's.

const AUTHORS = ['newsbot', 'bob', 'carol', 'admin'];
const WORDS =
  'the quick brown fox jumps over a lazy dog while misskey notes stream past at speed and nobody reads them all'.split(' ');

// Texts of varied length and markup, so notes have realistic, unequal heights.
export function noteText(i: number): string {
  const length = 4 + ((i * 7) % 40);
  const words = Array.from({ length }, (_, k) => WORDS[(i + k * 3) % WORDS.length]).join(' ');
  if (i % 11 === 0) return `**bench ${i}** ${words}\n\nsecond paragraph #bench`;
  if (i % 5 === 0) return `bench ${i}: ${words} https://example.com/${i}`;
  return `bench ${i}: ${words}`;
}

function author(server: RunningServer, i: number) {
  const user = server.db().userByName(AUTHORS[i % AUTHORS.length]!);
  if (!user) throw new Error('seed users are missing');
  return user;
}

/** One live note now (announced on the stream). */
export function postNote(server: RunningServer, i: number): string {
  return createNote(server.db(), author(server, i), { text: noteText(i) }).id;
}

/** `total` notes at `perSecond`, evenly paced; returns their ids. */
export async function postAtRate(server: RunningServer, perSecond: number, total: number): Promise<string[]> {
  const ids: string[] = [];
  const start = Date.now();
  while (ids.length < total) {
    const due = Math.min(total, Math.floor(((Date.now() - start) / 1000) * perSecond) + 1);
    while (ids.length < due) ids.push(postNote(server, ids.length));
    await sleep(Math.max(1, Math.min(20, 1000 / perSecond)));
  }
  return ids;
}

/** `count` notes already in the past (not streamed), one a minute, ending a minute ago. */
export function seedHistory(server: RunningServer, count: number): void {
  const now = Date.now();
  for (let i = 0; i < count; i++) createNote(server.db(), author(server, i), { text: noteText(i) }, now - (count - i) * 60_000);
}
