// What the app keeps of the last session, per account, so the next start shows it at once and an
// offline start still has something to read. Loaded lazily: none of this is on the first screen's
// critical path, and a browser without IndexedDB just keeps nothing.
import { withCache, type CacheDb, type ReadRecord, type SessionRecord, type TimelineRecord } from './db';

// Bounds per account: the timelines and the other reads (threads, profiles, notifications) most
// recently saved; older ones are evicted when a new one is saved.
export const MAX_TIMELINES = 20;
export const MAX_READS = 200;

export function loadSession(account: string): Promise<SessionRecord | null> {
  return withCache(null, async (db) => (await db.get('sessions', account)) ?? null);
}

export function saveSession(record: SessionRecord): Promise<void> {
  return withCache(undefined, async (db) => {
    await db.put('sessions', record);
  });
}

export function loadTimeline(key: string): Promise<TimelineRecord | null> {
  return withCache(null, async (db) => (await db.get('timelines', key)) ?? null);
}

export function saveTimeline(record: TimelineRecord): Promise<void> {
  return withCache(undefined, async (db) => {
    await db.put('timelines', record);
    await evict(db, 'timelines', record.account, MAX_TIMELINES);
  });
}

export function loadRead<T>(account: string, what: string): Promise<{ value: T; savedAt: number } | null> {
  return withCache(null, async (db) => {
    const record = await db.get('reads', `${account}|${what}`);
    return record ? { value: record.value as T, savedAt: record.savedAt } : null;
  });
}

export function saveRead(account: string, what: string, value: unknown): Promise<void> {
  return withCache(undefined, async (db) => {
    const record: ReadRecord = { key: `${account}|${what}`, account, value, savedAt: Date.now() };
    await db.put('reads', record);
    await evict(db, 'reads', account, MAX_READS);
  });
}

const ofAccount = (account: string) => IDBKeyRange.bound([account, -Infinity], [account, Infinity]);

// Deletes the account's oldest records past `keep` (by key only: records are never read whole).
async function evict(db: CacheDb, store: 'timelines' | 'reads', account: string, keep: number): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  const index = tx.store.index('saved');
  let extra = (await index.count(ofAccount(account))) - keep;
  for (let cursor = await index.openKeyCursor(ofAccount(account)); cursor && extra > 0; cursor = await cursor.continue()) {
    await tx.store.delete(cursor.primaryKey);
    extra--;
  }
  await tx.done;
}

/** Everything kept for an account that is gone (signed out, removed). */
export function forgetAccount(account: string): Promise<void> {
  return withCache(undefined, async (db) => {
    await db.delete('sessions', account);
    await evict(db, 'timelines', account, 0);
    await evict(db, 'reads', account, 0);
  });
}
