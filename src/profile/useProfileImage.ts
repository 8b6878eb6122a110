import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type * as Misskey from 'misskey-js';
import { toApiError } from '@/api/errors';
import { useErrorMessage } from '@/app/useErrorMessage';
import { useUploadQueue } from '@/drive/useUploadQueue';
import { useSessionStore } from '@/stores/session';

export type ProfileImageKind = 'avatar' | 'banner';

const IMAGE_ERRORS: Record<string, string> = {
  NO_SUCH_AVATAR: 'profile.errors.noSuchImage',
  NO_SUCH_BANNER: 'profile.errors.noSuchImage',
  AVATAR_NOT_AN_IMAGE: 'profile.errors.notAnImage',
  BANNER_NOT_AN_IMAGE: 'profile.errors.notAnImage',
  RESTRICTED_BY_ROLE: 'profile.errors.restricted',
};

/**
 * The avatar or the banner: a drive file becomes it at once (i/update avatarId/bannerId), whether
 * uploaded from the device here, with progress and a cancel, or picked from the drive.
 */
export function useProfileImage(kind: ProfileImageKind) {
  const session = useSessionStore();
  const { t } = useI18n();
  const describe = useErrorMessage();
  const busy = ref(false);
  const status = ref('');
  const problem = ref('');
  const queue = useUploadQueue((file) => void use(file));

  async function set(fileId: string | null): Promise<void> {
    busy.value = true;
    status.value = '';
    problem.value = '';
    try {
      const params = kind === 'avatar' ? { avatarId: fileId } : { bannerId: fileId };
      session.setMe(await session.api.request('i/update', params));
      status.value = t(fileId ? `profile.${kind}Changed` : `profile.${kind}Removed`);
    } catch (e) {
      const err = toApiError(e, 'i/update');
      const key = err.code ? IMAGE_ERRORS[err.code] : undefined;
      problem.value = key ? t(key) : describe(err);
    } finally {
      busy.value = false;
    }
  }

  const use = (file: Misskey.entities.DriveFile) => set(file.id);

  function upload(file: File): void {
    problem.value = '';
    void queue.start(file);
  }

  return { busy, status, problem, uploads: queue.uploads, dismiss: queue.dismiss, upload, use, remove: () => set(null) };
}
