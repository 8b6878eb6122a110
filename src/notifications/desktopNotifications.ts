// Desktop notifications (opt-in, per browser): shown through the Notification API while the tab is hidden.
import { ref } from 'vue';

const KEY = 'mkc:desktopNotifications';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

// The reader's choice; the browser's permission is checked separately each time.
export const desktopNotificationsOn = ref(stored());

export function setDesktopNotifications(on: boolean): void {
  desktopNotificationsOn.value = on;
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
}

export type DesktopPermission = 'unsupported' | NotificationPermission;

export function desktopPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks the browser when it has not been asked yet; answers what it decided. */
export async function requestDesktopPermission(): Promise<DesktopPermission> {
  const now = desktopPermission();
  if (now !== 'default') return now;
  return Notification.requestPermission();
}

export interface DesktopMessage {
  tag: string;
  title: string;
  body: string;
  icon: string | null;
  onClick(): void;
}

/** Shows one, if the reader opted in, the browser allows it and the tab is out of sight. */
export function showDesktopNotification(message: DesktopMessage): boolean {
  if (!desktopNotificationsOn.value || desktopPermission() !== 'granted') return false;
  if (document.visibilityState !== 'hidden') return false;
  const shown = new Notification(message.title, {
    body: message.body,
    tag: message.tag,
    ...(message.icon ? { icon: message.icon } : {}),
  });
  shown.onclick = () => {
    window.focus();
    message.onClick();
    shown.close();
  };
  return true;
}
