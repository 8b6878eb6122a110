import type * as Misskey from 'misskey-js';
import { safeHttpUrl } from '@/note/mfm/safety';

export type ServerLinkKind = 'tos' | 'privacy' | 'impressum' | 'inquiry' | 'repository' | 'feedback';

// meta's addresses that a reader may want, in the order the official About page lists them; only
// http(s) ones, since an admin's typo (or worse) must not become a javascript: link.
export function serverLinks(meta: Partial<Misskey.entities.MetaDetailed>): { kind: ServerLinkKind; url: string }[] {
  const raw: [ServerLinkKind, string | null | undefined][] = [
    ['tos', meta.tosUrl],
    ['privacy', meta.privacyPolicyUrl],
    ['impressum', meta.impressumUrl],
    ['inquiry', meta.inquiryUrl],
    ['repository', meta.repositoryUrl],
    ['feedback', meta.feedbackUrl],
  ];
  return raw.flatMap(([kind, url]) => {
    const safe = url ? safeHttpUrl(url) : null;
    return safe ? [{ kind, url: safe }] : [];
  });
}

/** A mailto: address for the admin's email, or null when it does not look like one. */
export function mailtoOf(email: string | null | undefined): string | null {
  if (!email || !/^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:]+$/.test(email)) return null;
  return `mailto:${email}`;
}
