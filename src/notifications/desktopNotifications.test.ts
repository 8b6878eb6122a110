import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  desktopNotificationsOn,
  requestDesktopPermission,
  setDesktopNotifications,
  showDesktopNotification,
} from './desktopNotifications';

// A stand-in for the browser's Notification API that records what was shown.
class FakeNotification {
  static permission: NotificationPermission = 'granted';
  static shown: FakeNotification[] = [];
  static requestPermission = vi.fn(async () => FakeNotification.permission);
  onclick: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotification.shown.push(this);
  }
  close(): void {
    this.closed = true;
  }
}

function hidden(state: DocumentVisibilityState): void {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
}

const message = (onClick = vi.fn()) => ({
  tag: 'n1',
  title: 'Bob reacted 👍',
  body: 'Hello',
  icon: 'https://x/avatar.png',
  onClick,
});

beforeEach(() => {
  FakeNotification.permission = 'granted';
  FakeNotification.shown = [];
  vi.stubGlobal('Notification', FakeNotification);
  setDesktopNotifications(true);
});
afterEach(() => {
  setDesktopNotifications(false);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('desktop notifications', () => {
  it('shows one while the tab is hidden, with the avatar as icon; a click focuses and opens its target', () => {
    hidden('hidden');
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {});
    const onClick = vi.fn();
    expect(showDesktopNotification(message(onClick))).toBe(true);
    const [shown] = FakeNotification.shown;
    expect(shown).toMatchObject({ title: 'Bob reacted 👍', options: { body: 'Hello', tag: 'n1', icon: 'https://x/avatar.png' } });
    shown!.onclick!();
    expect(focus).toHaveBeenCalled();
    expect(onClick).toHaveBeenCalled();
    expect(shown!.closed).toBe(true);
  });

  it('stays quiet while the tab is visible, when switched off, or without permission', () => {
    hidden('visible');
    expect(showDesktopNotification(message())).toBe(false);
    hidden('hidden');
    FakeNotification.permission = 'denied';
    expect(showDesktopNotification(message())).toBe(false);
    FakeNotification.permission = 'granted';
    setDesktopNotifications(false);
    expect(showDesktopNotification(message())).toBe(false);
    expect(FakeNotification.shown).toEqual([]);
  });

  it('remembers the choice and asks the browser only when it has not decided', async () => {
    expect(desktopNotificationsOn.value).toBe(true);
    expect(localStorage.getItem('mkc:desktopNotifications')).toBe('on');
    FakeNotification.permission = 'denied';
    expect(await requestDesktopPermission()).toBe('denied');
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    FakeNotification.permission = 'default';
    await requestDesktopPermission();
    expect(FakeNotification.requestPermission).toHaveBeenCalled();
  });

  it('says the browser cannot when there is no Notification API', async () => {
    vi.stubGlobal('Notification', undefined);
    expect(await requestDesktopPermission()).toBe('unsupported');
    expect(showDesktopNotification(message())).toBe(false);
  });
});
