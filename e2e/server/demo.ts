import { createNote, react, vote } from './actions.ts';
import { MFM_TEXTS, PLAIN_TEXTS, POLLS, REACTIONS } from './content.ts';
import type { Db, NoteRecord, UserRecord } from './db.ts';
import { createRandom } from './random.ts';
import { isPureRenote } from './visibility.ts';

// Demo mode: bots and a few users post, reply, react and vote every few seconds so the
// timelines are visibly live. Returns a function that stops them.

const TICK_MS = 4000;
const HEADLINES = [
  'Local cat elected mayor, promises more naps',
  'Scientists confirm: coffee is a vegetable (on Mondays)',
  'New study finds timelines scroll faster when you are late',
  'Weather: cloudy with a chance of $[rainbow rainbows]',
  'Breaking: the build is green again',
];

export function startDemo(db: Db, seedNumber: number): () => void {
  const random = createRandom(seedNumber * 31 + 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const actors = ['newsbot', 'pollbot', 'bob', 'carol'].map((name) => db.userByName(name)).filter((u): u is UserRecord => !!u);
  // One of the 20 newest public notes; none while there are none.
  const recentPublic = (): NoteRecord | undefined => {
    const notes = db
      .notesNewestFirst()
      .filter((n) => n.visibility === 'public' && !isPureRenote(n))
      .slice(0, 20);
    return notes[Math.floor(random() * notes.length)];
  };

  const actions: ((actor: UserRecord) => void)[] = [
    (actor) =>
      createNote(db, actor, {
        text: actor.username === 'newsbot' ? `📰 ${pick(HEADLINES)} #news` : pick([...PLAIN_TEXTS, ...MFM_TEXTS]),
      }),
    (actor) => {
      const poll = pick(POLLS);
      createNote(db, actor, {
        text: poll.q,
        poll: { choices: poll.choices, multiple: poll.q.includes('several'), expiresAt: Date.now() + 10 * 60_000 },
      });
    },
    (actor) => {
      const target = recentPublic();
      if (target) createNote(db, actor, { text: pick(PLAIN_TEXTS), replyId: target.id });
    },
    (actor) => {
      const target = recentPublic();
      if (target) react(db, actor, target.id, pick(REACTIONS));
    },
    (actor) => {
      const target = db
        .notesNewestFirst()
        .find((n) => n.poll && !n.poll.votes.has(actor.id) && (!n.poll.expiresAt || Date.parse(n.poll.expiresAt) > Date.now()));
      if (target) vote(db, actor, target.id, Math.floor(random() * target.poll!.choices.length));
    },
    (actor) => {
      const target = recentPublic();
      if (target && target.userId !== actor.id) createNote(db, actor, { renoteId: target.id });
    },
  ];

  const timer = setInterval(() => {
    const actor = pick(actors);
    try {
      pick(actions)(actor);
    } catch {
      // a refused action (already reacted, already voted…) just skips this tick
    }
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
