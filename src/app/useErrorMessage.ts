import { useI18n } from 'vue-i18n';
import { describeApiError, type ApiError } from '@/api/errors';

// One sentence a person can read for any API failure.
export function useErrorMessage() {
  const { t } = useI18n();
  return (error: ApiError): string => {
    const { key, params } = describeApiError(error);
    return t(key, params);
  };
}
