import { onScopeDispose } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { useNotificationsStore } from '@/stores/notifications';
import { showDesktopNotification } from './desktopNotifications';
import { notificationExcerpt, notificationTarget, notificationText, notificationUser } from './notificationView';

/** Turns live notifications into desktop ones while the tab is hidden; a click opens what it is about. */
export function useDesktopNotifications(): void {
  const { t, te } = useI18n();
  const router = useRouter();
  const unread = useNotificationsStore();
  const stop = unread.listen((n) => {
    const target = notificationTarget(n);
    showDesktopNotification({
      tag: n.id,
      title: notificationText(n, { t, te }),
      body: notificationExcerpt(n),
      icon: notificationUser(n)?.avatarUrl ?? null,
      onClick: () => void router.push(target ?? { name: 'notifications' }),
    });
  });
  onScopeDispose(stop);
}
