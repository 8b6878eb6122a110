import type { Page } from '@playwright/test';
import { actAs } from './control';

// What the timeline specs read and do: notes on screen, a note posted through the API, and the
// connection indicator's history.

export const articles = (page: Page) => page.locator('article[data-note-id]');
export const timelineNote = (page: Page, text: string) => articles(page).filter({ hasText: text });
/** Text no earlier run has posted. */
export const unique = (label: string) => `${label} ${Date.now().toString(36)}`;

/** Posts a note as `user`; its id. */
export async function postNote(user: string, params: Record<string, unknown>): Promise<string> {
  return (await actAs<{ body: { createdNote: { id: string } } }>(user, 'notes/create', params)).body.createdNote.id;
}

/** Every status the connection indicator shows from now on. */
export async function recordConnectionStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-status]')!;
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => {
      const s = el.getAttribute('data-status')!;
      if (s !== 'none' && seen.at(-1) !== s) seen.push(s);
    }).observe(el, { attributes: true, attributeFilter: ['data-status'] });
  });
  return () => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
}
