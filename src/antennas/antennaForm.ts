import type * as Misskey from 'misskey-js';

// The antenna editor's fields and how they map to antennas/create and antennas/update: keyword
// text is one line per alternative, the words of a line all required (Misskey's own notation).

export type AntennaSource = 'all' | 'home' | 'users' | 'users_blacklist' | 'list';

export interface AntennaFields {
  name: string;
  src: AntennaSource;
  userListId: string | null;
  users: string;
  keywords: string;
  excludeKeywords: string;
  caseSensitive: boolean;
  localOnly: boolean;
  excludeBots: boolean;
  withReplies: boolean;
  withFile: boolean;
  notify: boolean;
}

export function keywordsFromText(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
}

export function textFromKeywords(groups: string[][]): string {
  return groups.map((words) => words.join(' ')).join('\n');
}

/** `@bob`, `bob@host` or `@bob@host`, one per line; blank lines dropped. */
export function usersFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function fieldsOf(antenna: Misskey.entities.Antenna | null): AntennaFields {
  return {
    name: antenna?.name ?? '',
    src: (antenna?.src as AntennaSource | undefined) ?? 'all',
    userListId: antenna?.userListId ?? null,
    users: (antenna?.users ?? []).join('\n'),
    keywords: textFromKeywords(antenna?.keywords ?? []),
    excludeKeywords: textFromKeywords(antenna?.excludeKeywords ?? []),
    caseSensitive: antenna?.caseSensitive ?? false,
    localOnly: antenna?.localOnly ?? false,
    excludeBots: antenna?.excludeBots ?? false,
    withReplies: antenna?.withReplies ?? false,
    withFile: antenna?.withFile ?? false,
    notify: antenna?.notify ?? false,
  };
}

export type AntennaProblem = 'name' | 'keywords' | 'list' | 'users';

/** Why the form cannot be saved yet, or null. */
export function antennaProblem(f: AntennaFields): AntennaProblem | null {
  if (f.name.trim() === '') return 'name';
  if (keywordsFromText(f.keywords).length === 0 && keywordsFromText(f.excludeKeywords).length === 0) return 'keywords';
  if (f.src === 'list' && !f.userListId) return 'list';
  if ((f.src === 'users' || f.src === 'users_blacklist') && usersFromText(f.users).length === 0) return 'users';
  return null;
}

/** The parameters antennas/create takes (antennas/update the same, with antennaId). */
export function antennaParams(f: AntennaFields) {
  return {
    name: f.name.trim(),
    src: f.src,
    userListId: f.src === 'list' ? f.userListId : null,
    keywords: keywordsFromText(f.keywords),
    excludeKeywords: keywordsFromText(f.excludeKeywords),
    users: f.src === 'users' || f.src === 'users_blacklist' ? usersFromText(f.users) : [],
    caseSensitive: f.caseSensitive,
    localOnly: f.localOnly,
    excludeBots: f.excludeBots,
    withReplies: f.withReplies,
    withFile: f.withFile,
    notify: f.notify,
  };
}
