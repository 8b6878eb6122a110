import { withCache } from '@/offline/db';

export interface Shared {
  text: string;
  files: File[];
}

/** Title, text and link as one note text (a link the text already holds is not repeated). */
export function sharedText(parts: { title?: string; text?: string; url?: string }): string {
  const title = parts.title?.trim() ?? '';
  const text = parts.text?.trim() ?? '';
  const url = parts.url?.trim() ?? '';
  return [title, text, url && !text.includes(url) ? url : ''].filter(Boolean).join('\n');
}

/** A share the service worker received (sw/share.ts), taken once: it is gone from the device after. */
export function takeShare(id: string): Promise<Shared | null> {
  return withCache(null, async (db) => {
    const found = await db.get('shares', id);
    if (!found) return null;
    await db.delete('shares', id);
    return { text: sharedText(found), files: found.files };
  });
}
