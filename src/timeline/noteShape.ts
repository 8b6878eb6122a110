import type * as Misskey from 'misskey-js';

type Note = Misskey.entities.Note;

const VISIBILITIES = new Set(['public', 'home', 'followers', 'specified']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A channel's `note` body comes off the wire untyped: only what the note view can render enters
// the store (a malformed one would break the whole batch it arrived in, and then the page).
export function isNote(value: unknown): value is Note {
  if (!isObject(value)) return false;
  const { id, createdAt, userId, user, visibility, reactions, text, renote, reply } = value;
  return (
    typeof id === 'string' &&
    typeof createdAt === 'string' &&
    typeof userId === 'string' &&
    isObject(user) &&
    typeof user.id === 'string' &&
    typeof user.username === 'string' &&
    typeof visibility === 'string' &&
    VISIBILITIES.has(visibility) &&
    isObject(reactions) &&
    (text === null || typeof text === 'string') &&
    (renote === undefined || isNote(renote)) &&
    (reply === undefined || isNote(reply))
  );
}
