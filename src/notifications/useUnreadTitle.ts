import { watch } from 'vue';
import { useNotificationsStore } from '@/stores/notifications';

const PREFIX = /^\(\d+\+?\) /;

/** The tab title with the unread count in front, as in "(3) Misskey Web Client". */
export function titleWithCount(title: string, count: number): string {
  const base = title.replace(PREFIX, '');
  return count > 0 ? `(${count > 99 ? '99+' : count}) ${base}` : base;
}

/** Keeps document.title's count prefix in step with the unread notifications. */
export function useUnreadTitle(): void {
  const unread = useNotificationsStore();
  watch(
    () => unread.unreadCount,
    (count) => {
      document.title = titleWithCount(document.title, count);
    },
    { immediate: true },
  );
}
