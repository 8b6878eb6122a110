import { onScopeDispose } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import type * as Misskey from 'misskey-js';
import { useNotificationsStore } from '@/stores/notifications';
import { loadNamespace } from '@/i18n';
import { desktopNotificationsOn, desktopPermission, showDesktopNotification } from './desktopNotifications';

/** Turns live notifications into desktop ones while the tab is hidden; a click opens what it is about. */
export function useDesktopNotifications(): void {
  const { t, te } = useI18n();
  const router = useRouter();
  const unread = useNotificationsStore();

  async function show(n: Misskey.entities.Notification): Promise<void> {
    if (!desktopNotificationsOn.value || desktopPermission() !== 'granted' || document.visibilityState !== 'hidden') return;
    // How a notification reads loads with the first one shown, not with the first screen.
    const { achievementDescription, notificationExcerpt, notificationTarget, notificationText, notificationUser } =
      await import('./notificationView');
    // An achievement reads by its name, which otherwise loads with the notifications page.
    const achievement = n.type === 'achievementEarned' ? n.achievement : null;
    if (achievement) await loadNamespace('achievements').catch(() => undefined);
    const target = notificationTarget(n);
    showDesktopNotification({
      tag: n.id,
      title: notificationText(n, { t, te }),
      body: achievement ? achievementDescription(achievement, { t, te }) : notificationExcerpt(n),
      icon: notificationUser(n)?.avatarUrl ?? null,
      onClick: () => void router.push(target ?? { name: 'notifications' }),
    });
  }

  const stop = unread.listen((n) => void show(n));
  onScopeDispose(stop);
}
