import type * as Misskey from 'misskey-js';

// misskey-js 2026.5.1 types require a few fields that a 2024.10.1 server never sends
// (chat, newer role policies). These are the misskey-js entities minus exactly those
// fields (plus the one older field they dropped), so everything else stays checked.

type NewerPolicies =
  | 'canSearchUsers'
  | 'canCreateChannel'
  | 'maxFileSizeMb'
  | 'uploadableFileTypes'
  | 'chatAvailability'
  | 'noteDraftLimit'
  | 'scheduledNoteLimit'
  | 'watermarkAvailable';
export type Policies = Omit<Misskey.entities.RolePolicies, NewerPolicies>;

// Sent only by the 2026 profile, hence optional here.
type NewerUserFields = 'chatScope' | 'canChat';
export type UserDetailed = Omit<Misskey.entities.UserDetailedNotMe, NewerUserFields> &
  Partial<Pick<Misskey.entities.UserDetailedNotMe, NewerUserFields>>;
export type MeDetailed = Omit<Misskey.entities.MeDetailed, NewerUserFields | 'hasUnreadChatMessages' | 'policies'> &
  Partial<Pick<Misskey.entities.MeDetailed, NewerUserFields | 'hasUnreadChatMessages'>> & {
    policies: Policies;
    mutingNotificationTypes: string[];
  };

type NewerMetaFields = 'clientOptions' | 'googleAnalyticsMeasurementId' | 'sentryForFrontend' | 'federation' | 'policies';
type Features = Omit<NonNullable<Misskey.entities.MetaDetailed['features']>, 'localTimeline' | 'globalTimeline'>;
export type MetaLite = Omit<Misskey.entities.MetaLite, NewerMetaFields> & { policies: Policies };
export type MetaDetailed = MetaLite &
  Omit<Misskey.entities.MetaDetailed, keyof Misskey.entities.MetaLite | 'features'> & { features: Features };

// 2024.10 antennas have no excludeNotesInSensitiveChannel; its channels have no bannerId or
// isMuting (the 2026 profile adds them), and both carry hasUnreadNote for a signed-in viewer.
export type Antenna = Omit<Misskey.entities.Antenna, 'excludeNotesInSensitiveChannel'>;
export type Channel = Omit<Misskey.entities.Channel, 'bannerId' | 'isMuting'> &
  Partial<Pick<Misskey.entities.Channel, 'bannerId' | 'isMuting'>> & { hasUnreadNote?: boolean };
// The 2026 profile sends misskey-js 2026.5.1's entities whole.
export type ModernPolicies = Misskey.entities.RolePolicies;
