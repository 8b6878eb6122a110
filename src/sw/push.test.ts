import { describe, expect, it } from 'vitest';
import { openFromNotification } from './push';

// Windows of the app as the service worker's `clients` sees them.
function windows(list: Array<{ focused?: boolean; visibilityState?: DocumentVisibilityState }>) {
  const events: string[] = [];
  const made = list.map((w, i) => ({
    focused: w.focused ?? false,
    visibilityState: w.visibilityState ?? 'hidden',
    postMessage: (message: { url: string }) => void events.push(`window ${i} routes ${message.url}`),
    focus: async () => void events.push(`window ${i} focused`),
  }));
  const clients = {
    matchAll: async () => made,
    openWindow: async (url: string) => void events.push(`new window at ${url}`),
  } as unknown as Clients;
  return { clients, events };
}

describe('a push notification clicked', () => {
  it('routes the focused window, else a visible one, else any open one', async () => {
    const a = windows([{ visibilityState: 'visible' }, { focused: true, visibilityState: 'visible' }]);
    await openFromNotification(a.clients, { account: 'k', url: '/notes/n1?account=k' });
    expect(a.events).toEqual(['window 1 routes /notes/n1?account=k', 'window 1 focused']);

    const b = windows([{}, { visibilityState: 'visible' }]);
    await openFromNotification(b.clients, { url: '/@bob' });
    expect(b.events).toEqual(['window 1 routes /@bob', 'window 1 focused']);
  });

  it('opens a new window when none is open, and only pages of this app', async () => {
    const none = windows([]);
    await openFromNotification(none.clients, { url: '/notifications?account=k' });
    await openFromNotification(none.clients, { url: 'https://elsewhere.example/' });
    await openFromNotification(none.clients, { url: '//elsewhere.example/' });
    await openFromNotification(none.clients, null);
    expect(none.events).toEqual([
      'new window at /notifications?account=k',
      'new window at /',
      'new window at /',
      'new window at /',
    ]);
  });
});
