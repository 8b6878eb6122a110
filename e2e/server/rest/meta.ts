import type { Endpoint } from '../endpoint.ts';
import type { Db } from '../db.ts';
import { errors } from '../errors.ts';
import { optionalBoolean, requiredString } from '../params.ts';
import type * as Misskey from 'misskey-js';
import { modernPolicies, packEmojiDetailed, packEmojiSimple, rolePolicies } from '../pack.ts';
import type { MetaDetailed, MetaLite } from '../shapes.ts';

// What 2026 adds to meta, as recorded from 2026.3.2 (features gains localTimeline/globalTimeline).
function modernMeta(meta: MetaLite | MetaDetailed, detail: boolean): Misskey.entities.MetaLite | Misskey.entities.MetaDetailed {
  const lite = {
    ...meta,
    googleAnalyticsMeasurementId: null,
    // Recorded as {} although misskey-js types three fields in it: the recording wins.
    clientOptions: {} as Misskey.entities.MetaLite['clientOptions'],
    sentryForFrontend: null,
    federation: 'none' as const,
    policies: modernPolicies(null),
  };
  if (!detail) return lite;
  const features = (meta as MetaDetailed).features;
  return { ...lite, features: { ...features, localTimeline: true, globalTimeline: true } } as Misskey.entities.MetaDetailed;
}

function packMeta(db: Db, detail: boolean): unknown {
  const meta = packLegacyMeta(db, detail);
  return db.modern ? modernMeta(meta, detail) : meta;
}

function packLegacyMeta(db: Db, detail: boolean): MetaLite | MetaDetailed {
  const meta: MetaLite = {
    maintainerName: null,
    maintainerEmail: null,
    version: db.version,
    providesTarball: false,
    name: 'Misskey stand-in',
    shortName: null,
    uri: db.baseUrl,
    description: 'A local stand-in server that speaks the Misskey protocol.',
    langs: [],
    tosUrl: null,
    repositoryUrl: 'https://github.com/misskey-dev/misskey',
    feedbackUrl: 'https://github.com/misskey-dev/misskey/issues/new',
    impressumUrl: null,
    privacyPolicyUrl: null,
    inquiryUrl: null,
    disableRegistration: true,
    emailRequiredForSignup: false,
    enableHcaptcha: false,
    hcaptchaSiteKey: null,
    enableMcaptcha: false,
    mcaptchaSiteKey: null,
    mcaptchaInstanceUrl: null,
    enableRecaptcha: false,
    recaptchaSiteKey: null,
    enableTurnstile: false,
    turnstileSiteKey: null,
    enableTestcaptcha: false,
    swPublickey: db.serviceWorker.publicKey,
    themeColor: null,
    mascotImageUrl: '/assets/ai.png',
    bannerUrl: null,
    infoImageUrl: null,
    serverErrorImageUrl: null,
    notFoundImageUrl: null,
    iconUrl: null,
    backgroundImageUrl: null,
    logoImageUrl: null,
    maxNoteTextLength: 3000,
    defaultLightTheme: null,
    defaultDarkTheme: null,
    ads: [],
    notesPerOneAd: 0,
    enableEmail: false,
    enableServiceWorker: db.serviceWorker.enabled,
    translatorAvailable: false,
    serverRules: [],
    policies: rolePolicies(db),
    mediaProxy: `${db.baseUrl}/proxy`,
    enableUrlPreview: true,
    noteSearchableScope: 'global',
    maxFileSize: 262144000,
  };
  if (!detail) return meta;
  return {
    ...meta,
    cacheRemoteFiles: false,
    cacheRemoteSensitiveFiles: true,
    requireSetup: false,
    proxyAccountName: null,
    features: {
      registration: false,
      emailRequiredForSignup: false,
      hcaptcha: false,
      recaptcha: false,
      turnstile: false,
      objectStorage: false,
      serviceWorker: db.serviceWorker.enabled,
      miauth: true,
    },
  };
}

export const metaEndpoints: Record<string, Endpoint> = {
  meta: {
    handler: ({ db, params }) => packMeta(db, optionalBoolean(params, 'detail', true)),
  },
  emojis: {
    allowGet: true,
    cacheSec: 3600,
    handler: ({ db }) => ({ emojis: [...db.emojis.values()].map((e) => packEmojiSimple(db, e)) }),
  },
  emoji: {
    allowGet: true,
    cacheSec: 3600,
    handler: ({ db, params }) => {
      const emoji = db.emojis.get(requiredString(params, 'name'));
      if (!emoji) throw errors.noSuchEmoji();
      return packEmojiDetailed(db, emoji);
    },
  },
};
