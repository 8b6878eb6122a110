// The one IndexedDB database of the app (through `idb`), shared by the page and the service
// worker: what was on screen last time (per account), files shared to the installed app, and the
// push subscription the service worker answers for. Every reader copes with it being missing:
// a browser may refuse storage (private modes, quota), and then the app simply starts empty.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type * as Misskey from 'misskey-js';
import type { Probed } from '@/api/serverFeatures';
import type { TimelineItem } from '@/timeline/timelineList';

export interface SessionRecord {
  /** accounts' key (`userId@origin`), or `guest@origin` */
  account: string;
  meta: Misskey.entities.MetaDetailed;
  me: Misskey.entities.MeDetailed | null;
  emojis: Misskey.entities.EmojiSimple[];
  /** what the server said of its features where the policies were silent (serverFeatures.ts) */
  probed?: Probed;
  savedAt: number;
}

export interface TimelineRecord {
  /** the timeline's key (useTimeline's, which names the account too) */
  key: string;
  account: string;
  items: TimelineItem[];
  /** the notes the items show, flat as the note store keeps them, with their renotes and replies */
  notes: Misskey.entities.Note[];
  sizes: Array<[string, number]>;
  // The reader's place: a note and its distance from the viewport's top (virtualizer's Anchor).
  anchor: { key: string; offset: number } | null;
  savedAt: number;
}

export interface ReadRecord {
  /** `${account}|${what}`: a note's thread, a profile, the notifications */
  key: string;
  account: string;
  value: unknown;
  savedAt: number;
}

export interface ShareRecord {
  id: string;
  title: string;
  text: string;
  url: string;
  files: File[];
  savedAt: number;
}

export interface PushAccount {
  /** accounts' key (`userId@origin`) */
  key: string;
  /** `@name@host`, shown when several accounts share this device's notifications */
  acct: string;
}

export interface PushRecord {
  id: 'current';
  /** the server whose key the subscription was made with (one server per browser subscription) */
  origin: string;
  endpoint: string;
  /** signed-in accounts of that server registered with sw/register, by user id (the payload's `userId`) */
  accounts: Record<string, PushAccount>;
  /** the language the service worker writes notifications in */
  lang: string;
}

interface CacheSchema extends DBSchema {
  sessions: { key: string; value: SessionRecord };
  // By account, oldest saved first: eviction and sign-out walk it.
  timelines: { key: string; value: TimelineRecord; indexes: { saved: [string, number] } };
  reads: { key: string; value: ReadRecord; indexes: { saved: [string, number] } };
  shares: { key: string; value: ShareRecord };
  push: { key: string; value: PushRecord };
}

export type CacheDb = IDBPDatabase<CacheSchema>;

const NAME = 'mkc';
const VERSION = 1;
let opening: Promise<CacheDb | null> | null = null;

export function openCache(): Promise<CacheDb | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  opening ??= openDB<CacheSchema>(NAME, VERSION, {
    upgrade(db) {
      db.createObjectStore('sessions', { keyPath: 'account' });
      db.createObjectStore('timelines', { keyPath: 'key' }).createIndex('saved', ['account', 'savedAt']);
      db.createObjectStore('reads', { keyPath: 'key' }).createIndex('saved', ['account', 'savedAt']);
      db.createObjectStore('shares', { keyPath: 'id' });
      db.createObjectStore('push', { keyPath: 'id' });
    },
    // Another tab wants a newer schema: let go, and open again on the next call.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      opening = null;
    },
    terminated() {
      opening = null;
    },
  }).catch((e: unknown) => {
    console.warn('IndexedDB is not available; nothing is kept for the next start', e);
    opening = null;
    return null;
  });
  return opening;
}

/** Runs `fn` on the database; any failure (quota, a closed connection) is logged and answered with `fallback`. */
export async function withCache<T>(fallback: T, fn: (db: CacheDb) => Promise<T>): Promise<T> {
  const db = await openCache();
  if (!db) return fallback;
  try {
    return await fn(db);
  } catch (e) {
    console.warn('IndexedDB', e);
    return fallback;
  }
}
