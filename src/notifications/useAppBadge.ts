import { watch } from 'vue';
import { useNotificationsStore } from '@/stores/notifications';

/** Sets the installed app's icon badge: the count, a plain mark when only "something" is unread, or nothing. */
export function showBadge(
  badge: Pick<Navigator, 'setAppBadge' | 'clearAppBadge'>,
  count: number,
  unread: boolean,
): Promise<void> {
  if (count > 0) return badge.setAppBadge(count);
  return unread ? badge.setAppBadge() : badge.clearAppBadge();
}

/** The unread notification count on the installed app's icon, where the browser supports badges. */
export function useAppBadge(): void {
  if (!('setAppBadge' in navigator)) return;
  const unread = useNotificationsStore();
  watch(
    () => [unread.unreadCount, unread.hasUnread] as const,
    ([count, any]) => {
      // Refused when the app is not installed or badges are off: nothing to show then.
      showBadge(navigator, count, any).catch(() => {});
    },
    { immediate: true },
  );
}
