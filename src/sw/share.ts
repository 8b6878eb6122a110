import { openCache } from '@/offline/db';

// Shared things wait this long for the app to pick them up.
const KEEP_SHARES_MS = 24 * 60 * 60 * 1000;

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** A share to the installed app: kept (files too) for the composer, which opens at /share. */
export async function receiveShare(request: Request): Promise<Response> {
  const form = await request.formData();
  const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const db = await openCache();
  if (!db) {
    // No storage: the text still gets through (the files cannot).
    const query = new URLSearchParams({ title: field(form, 'title'), text: field(form, 'text'), url: field(form, 'url') });
    return Response.redirect(`/share?${query.toString()}`, 303);
  }
  const now = Date.now();
  const tx = db.transaction('shares', 'readwrite');
  for (const old of await tx.store.getAll()) if (now - old.savedAt > KEEP_SHARES_MS) await tx.store.delete(old.id);
  await tx.store.put({
    id,
    title: field(form, 'title'),
    text: field(form, 'text'),
    url: field(form, 'url'),
    files,
    savedAt: now,
  });
  await tx.done;
  return Response.redirect(`/share?shared=${encodeURIComponent(id)}`, 303);
}
