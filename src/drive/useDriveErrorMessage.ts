import { useI18n } from 'vue-i18n';
import type { ApiError } from '@/api/errors';
import { useErrorMessage } from '@/app/useErrorMessage';

// Misskey's codes for drive mistakes in words of our own; anything else as any API failure.
const DRIVE_CODES: Record<string, string> = {
  INVALID_FILE_NAME: 'errors.drive.invalidName',
  NO_SUCH_FILE: 'errors.drive.noSuchFile',
  NO_SUCH_FOLDER: 'errors.drive.noSuchFolder',
  NO_SUCH_PARENT_FOLDER: 'errors.drive.noSuchFolder',
  HAS_CHILD_FILES_OR_FOLDERS: 'errors.drive.folderNotEmpty',
  RECURSIVE_NESTING: 'errors.drive.recursiveNesting',
  NO_FREE_SPACE: 'errors.drive.noFreeSpace',
  INAPPROPRIATE: 'errors.drive.inappropriate',
};

export function useDriveErrorMessage() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  return (e: ApiError): string => {
    const key = e.code ? DRIVE_CODES[e.code] : undefined;
    return key ? t(key) : describe(e);
  };
}
