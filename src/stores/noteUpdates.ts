// Pure edits of one stored note: the §8 rules for noteUpdated, and merging a newer copy in place.
import type * as Misskey from 'misskey-js';

type Note = Misskey.entities.Note;

/**
 * The key the server files a reaction under: U+FE0F removed, and a bare local custom emoji
 * `:name:` written `:name@.:`. Legacy words (`like` → 👍) are left to the server's echo.
 */
export function normalizeReaction(reaction: string): string {
  const stripped = reaction.replace(/\uFE0F/g, '');
  const local = /^:([\w+-]+):$/.exec(stripped);
  return local ? `:${local[1]}@.:` : stripped;
}

export function addReaction(note: Note, key: string): void {
  note.reactions[key] = (note.reactions[key] ?? 0) + 1;
  note.reactionCount += 1;
}

export function removeReaction(note: Note, key: string): void {
  const left = Math.max(0, (note.reactions[key] ?? 0) - 1);
  if (left === 0) delete note.reactions[key];
  else note.reactions[key] = left;
  note.reactionCount = Math.max(0, note.reactionCount - 1);
}

/** Custom emoji images arrive with `reacted`; the first url seen for a name wins, like the official client. */
export function recordReactionEmoji(note: Note, emoji: { name: string; url: string }): void {
  if (!(emoji.name in note.reactionEmojis)) note.reactionEmojis[emoji.name] = emoji.url;
}

function choiceAt(note: Note, choice: number) {
  if (!note.poll || !Number.isInteger(choice)) return undefined;
  return note.poll.choices[choice];
}

/** Returns false when the note has no poll or no such choice, so nothing was counted. */
export function addVote(note: Note, choice: number, mine: boolean): boolean {
  const target = choiceAt(note, choice);
  if (!target) return false;
  target.votes += 1;
  if (mine) target.isVoted = true;
  return true;
}

export function removeVote(note: Note, choice: number): void {
  const target = choiceAt(note, choice);
  if (!target) return;
  target.votes = Math.max(0, target.votes - 1);
  target.isVoted = false;
}

/**
 * Copies a newer `fresh` over `target` in place, so every view reading `target` updates.
 * Two kinds of copy know less than the one we hold, and must not erase what they lack:
 * - nested `reply` packs carry no detail fields (no `clippedCount`, `poll`, `myReaction`);
 * - stream packs (`viewerless`) are made for no viewer, so `myReaction` and `isVoted` are unknown.
 */
export function mergeNote(target: Note, fresh: Note, viewerless: boolean): void {
  const detailed = 'clippedCount' in fresh;
  if (viewerless) {
    const kept = target.myReaction;
    if (fresh.myReaction == null && kept != null && (fresh.reactions[kept] ?? 0) > 0) fresh.myReaction = kept;
    const oldChoices = target.poll?.choices;
    if (fresh.poll && oldChoices?.length === fresh.poll.choices.length) {
      fresh.poll.choices.forEach((c, i) => {
        c.isVoted = c.isVoted || (oldChoices[i]?.isVoted ?? false);
      });
    }
  }
  const record = target as Record<string, unknown>;
  if (detailed) {
    for (const key of Object.keys(record)) if (!(key in fresh)) delete record[key];
  }
  Object.assign(target, fresh);
}
