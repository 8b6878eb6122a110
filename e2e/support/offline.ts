import { expect, type Page } from '@playwright/test';

// What the app has kept in IndexedDB, read from the page (without creating the database when
// the app has not yet: that would leave it without its stores).

type Store = 'timelines' | 'reads' | 'sessions' | 'push' | 'shares';

export async function keptRecords(page: Page, store: Store): Promise<unknown[]> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'mkc')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('mkc');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains(name)) return [];
      return await new Promise<unknown[]>((resolve, reject) => {
        const all = db.transaction(name).objectStore(name).getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** Waits until a kept timeline holds the note. */
export async function waitUntilKept(page: Page, noteId: string): Promise<void> {
  await expect
    .poll(async () =>
      (await keptRecords(page, 'timelines')).some((t) =>
        (t as { items: Array<{ id: string }> }).items.some((i) => i.id === noteId),
      ),
    )
    .toBe(true);
}
