import { computed, ref, shallowRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { toApiError } from '@/api/errors';
import { useErrorMessage } from '@/app/useErrorMessage';
import { useAccountsStore } from '@/stores/accounts';
import { useSessionStore } from '@/stores/session';
import { fieldOfParam, formFromUser, readForm, sameProfile, updateParams, type ProfileForm } from './profileForm';

const DRAFT_PREFIX = 'mkc:profileDraft:';

function loadDraft(accountKey: string): ProfileForm | null {
  try {
    return readForm(JSON.parse(localStorage.getItem(DRAFT_PREFIX + accountKey) ?? 'null'));
  } catch {
    return null;
  }
}

function storeDraft(accountKey: string, form: ProfileForm | null): void {
  try {
    if (form) localStorage.setItem(DRAFT_PREFIX + accountKey, JSON.stringify(form));
    else localStorage.removeItem(DRAFT_PREFIX + accountKey);
  } catch {
    // A full or blocked storage only costs the copy kept against a reload.
  }
}

/**
 * The profile editor's text and switches: filled from the account, kept in localStorage while it
 * differs from what is saved (so a reload or a crash loses nothing), saved with i/update. Changes
 * made elsewhere (meUpdated) show up unless the reader has edits of their own.
 */
export function useProfileForm() {
  const session = useSessionStore();
  const accounts = useAccountsStore();
  const { t } = useI18n();
  const describe = useErrorMessage();
  const saved = computed(() => (session.me ? formFromUser(session.me) : null));
  const form = ref<ProfileForm | null>(null);
  const restored = ref(false);
  const saving = ref(false);
  const status = ref('');
  const error = shallowRef<{ field: keyof ProfileForm | null; message: string } | null>(null);
  const dirty = computed(() => !!form.value && !!saved.value && !sameProfile(form.value, saved.value));
  const accountKey = () => accounts.activeAccount?.key ?? null;

  watch(
    saved,
    (next, previous) => {
      if (!next) return;
      const key = accountKey();
      if (!form.value) {
        const draft = key ? loadDraft(key) : null;
        restored.value = !!draft && !sameProfile(draft, next);
        form.value = restored.value ? draft : structuredClone(next);
        return;
      }
      // Someone saved elsewhere: take it, unless it would overwrite what is being typed here.
      if (previous && sameProfile(form.value, previous)) form.value = structuredClone(next);
    },
    { immediate: true },
  );

  watch(
    form,
    (value) => {
      const key = accountKey();
      if (key && value && saved.value) storeDraft(key, dirty.value ? value : null);
    },
    { deep: true },
  );

  function discard(): void {
    if (!saved.value) return;
    form.value = structuredClone(saved.value);
    restored.value = false;
  }

  async function save(): Promise<void> {
    if (!form.value) return;
    saving.value = true;
    status.value = '';
    error.value = null;
    try {
      session.setMe(await session.api.request('i/update', updateParams(form.value)));
      if (saved.value) form.value = structuredClone(saved.value);
      restored.value = false;
      status.value = t('profile.saved');
    } catch (e) {
      const err = toApiError(e, 'i/update');
      const field = err.code === 'INVALID_PARAM' ? fieldOfParam(err.info?.param) : null;
      error.value = { field, message: field ? t(`profile.invalid.${field}`) : describe(err) };
    } finally {
      saving.value = false;
    }
  }

  return { form, dirty, restored, saving, status, error, save, discard };
}
