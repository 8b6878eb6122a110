// What the server behind an account can do, decided from meta.version and the role policies, and
// only where those are silent, from the `endpoint` endpoint. Nothing is called that the server lacks.
import type * as Misskey from 'misskey-js';
import type { Api } from './client.ts';
import { versionAtLeast } from './version.ts';

type Policies = Partial<Misskey.entities.RolePolicies>;

/** 'absent': the server has no chat at all; the others are the role's chatAvailability. */
export type ChatAccess = 'available' | 'readonly' | 'unavailable' | 'absent';

export interface ServerFeatures {
  /** `main` still sends unreadMention / unreadSpecifiedNote and their read-all events (before 2025.4). */
  unreadMentionEvents: boolean;
  chat: ChatAccess;
  /** How many drafts the server keeps (notes/drafts/*); 0 when it keeps none. */
  noteDraftLimit: number;
  /** How many scheduled notes may wait at once; 0 when the server cannot schedule. */
  scheduledNoteLimit: number;
}

// Chat came with 2025.4, and with it the end of the unread-mention events (misskey-dev#15686).
// Every later feature announces itself in the role policies.
const CHAT_SINCE = '2025.4.0';

/** What the `endpoint` endpoint said about endpoints the policies did not mention. */
export interface Probed {
  chat?: boolean;
  /** notes/drafts/create's parameter names; null when it does not exist */
  draftParams?: string[] | null;
}

export const NO_FEATURES: ServerFeatures = {
  unreadMentionEvents: true,
  chat: 'absent',
  noteDraftLimit: 0,
  scheduledNoteLimit: 0,
};

// A limit nobody told us: the server's own TOO_MANY_* errors then say when it is reached.
const UNKNOWN_LIMIT = Number.MAX_SAFE_INTEGER;

export function featuresOf(version: string, policies: Policies, probed: Probed = {}): ServerFeatures {
  const modern = versionAtLeast(version, CHAT_SINCE) || 'chatAvailability' in policies;
  const chat: ChatAccess = policies.chatAvailability ?? (modern && probed.chat ? 'available' : 'absent');
  const draftsProbed = probed.draftParams != null;
  const noteDraftLimit = policies.noteDraftLimit ?? (modern && draftsProbed ? UNKNOWN_LIMIT : 0);
  const canSchedule = probed.draftParams?.includes('scheduledAt') ?? false;
  const scheduledNoteLimit = noteDraftLimit > 0 ? (policies.scheduledNoteLimit ?? (canSchedule ? UNKNOWN_LIMIT : 0)) : 0;
  return { unreadMentionEvents: !modern, chat, noteDraftLimit, scheduledNoteLimit };
}

export async function endpointParams(api: Api, endpoint: string): Promise<string[] | null> {
  try {
    // 204 (null) for an endpoint the server does not have.
    const info = (await api.request('endpoint', { endpoint })) as { params: { name: string }[] } | null;
    return info ? info.params.map((p) => p.name) : null;
  } catch {
    return null;
  }
}

/** Asks `endpoint` only about what a modern server's policies left unsaid; older servers are asked nothing. */
export async function probeFeatures(api: Api, version: string, policies: Policies): Promise<Probed> {
  if (!versionAtLeast(version, CHAT_SINCE) && !('chatAvailability' in policies)) return {};
  const probed: Probed = {};
  const asks: Promise<void>[] = [];
  if (!('chatAvailability' in policies))
    asks.push(endpointParams(api, 'chat/history').then((p) => void (probed.chat = p !== null)));
  if (!('noteDraftLimit' in policies) || !('scheduledNoteLimit' in policies))
    asks.push(endpointParams(api, 'notes/drafts/create').then((p) => void (probed.draftParams = p)));
  await Promise.all(asks);
  return probed;
}
