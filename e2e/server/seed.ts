import { createNote, follow, react, uploadFile, type NoteInput } from './actions.ts';
import { createAnnouncement } from './announcements.ts';
import { readUserChat, sendToUser } from './chat.ts';
import { CWS, HOSTILE_TEXTS, MFM_TEXTS, PLAIN_TEXTS, POLLS, REACTIONS, hugeText, linkTexts } from './content.ts';
import { Db, type ChatScope, type MisskeyProfile, type NoteRecord, type UserRecord } from './db.ts';
import { avatarSvg, emojiSvg, gradientPng, type Rgb } from './images.ts';
import { avatarFileName } from './pack.ts';
import { instanceIconFile } from './remote.ts';
import { MODERN_VERSION } from './profile.ts';
import { createRandom, deriveToken } from './random.ts';

// Deterministic seed data: users, follows, emojis, images, a few hundred notes over the last
// three days, and notifications. The same seed always gives the same users, tokens and texts.

export interface SeedUser {
  id: string;
  token: string;
}

export interface SeedResult {
  db: Db;
  users: Record<string, SeedUser>;
  /** ids of notes with a known role, for tests */
  notes: Record<string, string>;
}

const USERS: {
  username: string;
  name: string | null;
  isLocked?: boolean;
  isBot?: boolean;
  isAdmin?: boolean;
  /** a remote user: on this server only as federated in, without a token */
  host?: string;
  chatScope?: ChatScope;
  description: string | null;
}[] = [
  { username: 'admin', name: 'Admin', isAdmin: true, description: 'Runs this stand-in server.' },
  { username: 'alice', name: 'Alice', description: 'Writes notes. Likes **MFM** and :blobcat:.' },
  { username: 'bob', name: 'Bob 🐝', description: 'Replies a lot.' },
  { username: 'carol', name: 'キャロル', description: '日本語も話します。' },
  { username: 'dave', name: 'Dave', isLocked: true, chatScope: 'none', description: 'Locked account: follows need approval.' },
  { username: 'mallory', name: '<img src=x onerror=alert(1)>\u202Eevil', description: '<script>alert(1)</script>' },
  { username: 'newsbot', name: 'News bot', isBot: true, description: 'Posts headlines every few seconds in the demo.' },
  { username: 'pollbot', name: 'Poll bot', isBot: true, description: 'Asks questions.' },
  { username: 'hana', name: 'Hana 🌸', host: 'mk.example.org', description: 'Writes from another Misskey server.' },
];

const FOLLOWS: [string, string][] = [
  ['alice', 'bob'],
  ['alice', 'admin'],
  ['alice', 'carol'],
  ['alice', 'newsbot'],
  ['bob', 'alice'],
  ['bob', 'carol'],
  ['carol', 'alice'],
  ['carol', 'bob'],
  ['dave', 'alice'],
  ['admin', 'alice'],
  ['mallory', 'alice'],
  ['pollbot', 'alice'],
];

const EMOJIS: { name: string; category: string | null; aliases: string[]; color: string; mouth: 'smile' | 'flat' | 'open' }[] = [
  { name: 'blobcat', category: 'blobs', aliases: ['blob', 'cat'], color: '#f5c542', mouth: 'smile' },
  { name: 'blobcat_sad', category: 'blobs', aliases: ['sad'], color: '#8fb3e8', mouth: 'flat' },
  { name: 'blobcat_wow', category: 'blobs', aliases: ['wow', 'surprised'], color: '#f59b42', mouth: 'open' },
  { name: 'tada_face', category: 'fun', aliases: ['party'], color: '#e86fb0', mouth: 'smile' },
  { name: 'mk_logo', category: null, aliases: ['misskey'], color: '#86b300', mouth: 'flat' },
];

const PALETTES: [Rgb, Rgb][] = [
  [
    [255, 120, 60],
    [90, 40, 160],
  ],
  [
    [30, 120, 60],
    [200, 230, 120],
  ],
  [
    [20, 60, 140],
    [120, 220, 255],
  ],
  [
    [240, 200, 40],
    [220, 60, 60],
  ],
  [
    [60, 60, 60],
    [220, 220, 220],
  ],
];

const HOUR = 3_600_000;
const USER_EPOCH = Date.UTC(2024, 0, 1);

export function seed(seedNumber: number, baseUrl: string, profile: MisskeyProfile = '2024.10', now = Date.now()): SeedResult {
  const random = createRandom(seedNumber);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const node = ((seedNumber * 7919) % 36 ** 4).toString(36).padStart(4, '0');
  const db = new Db(baseUrl, node);
  db.profile = profile;
  if (profile === '2026.5') db.version = MODERN_VERSION;
  const users: Record<string, SeedUser> = {};
  const byName = (name: string) => db.userByName(name)!;

  USERS.forEach((spec, i) => {
    const user: UserRecord = {
      id: db.ids.next(USER_EPOCH + i * 86_400_000),
      username: spec.username,
      name: spec.name,
      description: spec.description,
      isLocked: spec.isLocked ?? false,
      isBot: spec.isBot ?? false,
      isAdmin: spec.isAdmin ?? false,
      ...(spec.host ? { host: spec.host } : {}),
      updatedAt: null,
      unreadMentions: new Set(),
      unreadSpecified: new Set(),
      pinnedNoteIds: [],
      mutedWords: [],
      location: null,
      birthday: null,
      fields: [],
      isCat: false,
      avatarId: null,
      bannerId: null,
      chatScope: spec.chatScope ?? 'everyone',
      policyOverrides: {},
    };
    db.users.set(user.id, user);
    db.assets.set(avatarFileName(user), { type: 'image/svg+xml', data: avatarSvg(user.username) });
    if (spec.host) {
      db.assets.set(instanceIconFile(spec.host), { type: 'image/svg+xml', data: avatarSvg(spec.host) });
      return;
    }
    // Native tokens are 16 characters and carry every permission.
    const token = deriveToken(16, 'native', seedNumber, spec.username);
    db.tokens.set(token, { userId: user.id, permissions: null });
    users[spec.username] = { id: user.id, token };
  });
  for (const [a, b] of FOLLOWS) follow(db, byName(a), byName(b), true);
  follow(db, byName('bob'), byName('dave'), true);
  const friends = db.ids.next(USER_EPOCH + 30 * 86_400_000);
  db.lists.set(friends, {
    id: friends,
    userId: users.alice!.id,
    name: 'Friends',
    isPublic: false,
    userIds: [users.bob!.id, users.carol!.id],
  });

  EMOJIS.forEach((spec, i) => {
    const fileName = `emoji-${spec.name}.svg`;
    db.assets.set(fileName, { type: 'image/svg+xml', data: emojiSvg(spec.color, spec.mouth) });
    db.emojis.set(spec.name, {
      id: db.ids.next(USER_EPOCH + HOUR * (i + 1)),
      name: spec.name,
      category: spec.category,
      aliases: spec.aliases,
      fileName,
      isSensitive: false,
    });
  });

  const start = now - 72 * HOUR;
  const image = (owner: string, name: string, palette: number, width: number, height: number, isSensitive = false) =>
    uploadFile(
      db,
      byName(owner),
      { name, type: 'image/png', data: gradientPng(width, height, ...PALETTES[palette]!), width, height, isSensitive },
      start - HOUR,
    ).id;
  const photos = [
    image('alice', 'sunset.png', 0, 320, 200),
    image('bob', 'forest.png', 1, 240, 240),
    image('carol', 'sea.png', 2, 200, 320),
    image('alice', 'lemon.png', 3, 400, 120),
  ];
  const sensitivePhoto = image('bob', 'sensitive.png', 4, 240, 160, true);
  // alice keeps one photo in a folder, so her drive has something to open.
  const folder = db.ids.next(start - HOUR);
  db.folders.set(folder, { id: folder, userId: users.alice!.id, name: 'Photos', parentId: null });
  db.files.get(photos[3]!)!.folderId = folder;

  const humans = ['alice', 'bob', 'carol', 'admin', 'dave', 'newsbot', 'pollbot'];
  const posted: NoteRecord[] = [];
  const post = (author: string, input: NoteInput, at: number): NoteRecord => {
    const note = createNote(db, byName(author), input, at);
    posted.push(note);
    return note;
  };
  const reactRandomly = (note: NoteRecord, at: number) => {
    const count = Math.floor(random() * 5);
    for (let i = 0; i < count; i++) {
      try {
        react(db, byName(pick(humans)), note.id, pick(REACTIONS), at + (i + 1) * 1000);
      } catch {
        // the same user drew the same reaction twice: skip, as the server would refuse it
      }
    }
  };

  // Filler spread over three days: threads, renotes, quotes, CWs, images, polls, reactions.
  const FILLER = 260;
  const publicNotes = () => posted.filter((n) => n.visibility === 'public' && n.renoteId === null);
  for (let i = 0; i < FILLER; i++) {
    const at = start + Math.floor((i / FILLER) * 70 * HOUR + random() * 10 * 60_000);
    const author = pick(humans);
    const roll = random();
    let note: NoteRecord;
    if (roll < 0.1 && publicNotes().length > 5) {
      note = post(author, { renoteId: pick(publicNotes().slice(-40)).id }, at);
    } else if (roll < 0.15 && publicNotes().length > 5) {
      note = post(author, { text: pick(PLAIN_TEXTS), renoteId: pick(publicNotes().slice(-40)).id }, at);
    } else if (roll < 0.32 && posted.length > 5) {
      const target = pick(publicNotes().slice(-15));
      note = post(author, { text: pick([...PLAIN_TEXTS, ...MFM_TEXTS]), replyId: target.id }, at);
    } else if (roll < 0.37) {
      const poll = pick(POLLS);
      note = post(
        author === 'newsbot' ? 'pollbot' : author,
        { text: poll.q, poll: { choices: poll.choices, multiple: poll.q.includes('several') } },
        at,
      );
    } else {
      const text = roll < 0.6 ? pick(MFM_TEXTS) : pick(PLAIN_TEXTS);
      note = post(
        author,
        {
          text: `${text} (${i})`,
          cw: random() < 0.08 ? pick(CWS) : null,
          fileIds: random() < 0.08 ? [pick(photos)] : [],
          visibility: random() < 0.06 ? 'home' : random() < 0.05 ? 'followers' : 'public',
        },
        at,
      );
    }
    if (note.renoteId === null || note.text !== null) reactRandomly(note, at);
  }

  // Named notes in the last two hours, so they sit near the top of every timeline.
  const named: Record<string, string> = {};
  const recent: [string, string, NoteInput][] = [
    ['plain', 'alice', { text: 'Hello from alice. A plain note.' }],
    ['cw', 'alice', { text: 'The butler did it.', cw: 'Spoiler: the ending' }],
    ['pollOpen', 'alice', { text: 'Which colour?', poll: { choices: ['Red', 'Green', 'Blue'] } }],
    [
      'pollMultiple',
      'bob',
      { text: 'Pick any fruits', poll: { choices: ['Apple', 'Mango', 'Kiwi'], multiple: true, expiresAt: now + 24 * HOUR } },
    ],
    ['pollExpired', 'carol', { text: 'This poll has ended', poll: { choices: ['Yes', 'No'], expiresAt: now - HOUR } }],
    ['pollVoted', 'bob', { text: 'Alice already voted here', poll: { choices: ['One', 'Two', 'Three'] } }],
    ['image', 'alice', { text: 'A sunset picture', fileIds: [photos[0]!, photos[1]!] }],
    ['sensitiveImage', 'bob', { text: 'Sensitive picture inside', fileIds: [sensitivePhoto] }],
    ['followers', 'bob', { text: 'Only my followers see this', visibility: 'followers' }],
    ['home', 'bob', { text: 'A home-only note', visibility: 'home' }],
    ['specified', 'bob', { text: '@alice a direct note for you', visibility: 'specified', visibleUserIds: [users.alice!.id] }],
    ['specifiedToCarol', 'bob', { text: 'A secret for carol', visibility: 'specified', visibleUserIds: [users.carol!.id] }],
    [
      'mfm',
      'bob',
      {
        text: `**bold** $[tada party!] :blobcat: #fixturetag hi @alice see ${baseUrl}/page and [a link](${baseUrl}/) plus \`inline code\``,
      },
    ],
    ['links', 'carol', { text: linkTexts(baseUrl).join('\n') }],
    ['hashtags', 'carol', { text: 'Tagged #misskey #e2e #テスト' }],
    ['hostileScript', 'mallory', { text: HOSTILE_TEXTS[0]! }],
    ['hostileLink', 'mallory', { text: HOSTILE_TEXTS[1]! }],
    ['hostileImg', 'mallory', { text: HOSTILE_TEXTS[2]! }],
    ['hostileRtl', 'mallory', { text: HOSTILE_TEXTS[3]! }],
    ['hostileNested', 'mallory', { text: HOSTILE_TEXTS[4]! }],
    ['hostileUnbalanced', 'mallory', { text: HOSTILE_TEXTS[5]!, cw: HOSTILE_TEXTS[0]! }],
    ['huge', 'carol', { text: hugeText() }],
    ['reactions', 'alice', { text: 'React to this note, please!' }],
    ['likeOnly', 'carol', { text: 'Only likes here', reactionAcceptance: 'likeOnly' }],
  ];
  const RECENT_SPAN = 2 * HOUR;
  const step = RECENT_SPAN / (recent.length + 8);
  let at = now - RECENT_SPAN;
  const next = () => (at += step);
  for (const [key, author, input] of recent) named[key] = post(author, input, next()).id;
  named.reply = post('bob', { text: 'A reply from bob', replyId: named.plain }, next()).id;
  named.replyDeep = post('alice', { text: 'And alice answers', replyId: named.reply }, next()).id;
  named.replyDeeper = post('carol', { text: 'carol joins the thread', replyId: named.replyDeep }, next()).id;
  named.renote = post('bob', { renoteId: named.plain }, next()).id;
  named.renoteByAdmin = post('admin', { renoteId: named.plain }, next()).id;
  named.quote = post('bob', { text: 'Quoting this', renoteId: named.plain }, next()).id;
  named.pinned = post('bob', { text: 'Pinned: who I am and what I post about.' }, next()).id;
  byName('bob').pinnedNoteIds.push(named.pinned);
  named.localOnly = post('alice', { text: 'Local only note', localOnly: true }, next()).id;
  // A remote user's note: the global timeline and her profile show it, with her server's ticker.
  named.remote = post('hana', { text: 'Hello from another server 🌸' }, now - RECENT_SPAN - step).id;

  const reactions: [string, string][] = [
    ['alice', '❤'],
    ['bob', ':blobcat:'],
    ['admin', '👍'],
    ['carol', '🎉'],
  ];
  reactions.forEach(([user, reaction], i) => react(db, byName(user), named.reactions!, reaction, now - 10 * 60_000 + i * 1000));
  react(db, byName('bob'), named.plain!, '👍', now - 9 * 60_000);
  const votedPoll = db.notes.get(named.pollVoted!)!.poll!;
  votedPoll.votes.set(users.alice!.id, [1]);
  votedPoll.votes.set(users.carol!.id, [0]);
  const expired = db.notes.get(named.pollExpired!)!.poll!;
  expired.votes.set(users.alice!.id, [0]);
  expired.extraVotes = [3, 5];

  seedNotifications(db, users.alice!.id, named, now);
  seedExtras(db, named, now);
  if (profile === '2026.5') seedChat(db, now);
  return { db, users, notes: named };
}

// A channel with a few notes (bob follows it), bob's public clip, one announcement, pinned users.
function seedExtras(db: Db, named: Record<string, string>, now: number): void {
  const byName = (name: string) => db.userByName(name)!;
  const channelId = db.ids.next(now - 48 * HOUR);
  db.channels.set(channelId, {
    id: channelId,
    userId: byName('carol').id,
    name: 'Misskey talk',
    description: 'Anything about **Misskey**: tips, questions, news.',
    color: '#86b300',
    isSensitive: false,
    allowRenoteToExternal: true,
    lastNotedAt: null,
    followers: new Set([byName('bob').id, byName('carol').id]),
    favoritedBy: new Set(),
    mutedBy: new Map(),
  });
  const inChannel: [string, string][] = [
    ['carol', 'Welcome to the channel! Say hi.'],
    ['bob', 'Hi all. Does anyone use antennas?'],
    ['carol', 'I do: one for #misskey and one for my name.'],
  ];
  inChannel.forEach(([author, text], i) => createNote(db, byName(author), { text, channelId }, now - (30 - i * 5) * 60_000));
  const clipId = db.ids.next(now - 24 * HOUR);
  db.clips.set(clipId, {
    id: clipId,
    userId: byName('bob').id,
    name: 'Good reads',
    description: 'Notes worth keeping.',
    isPublic: true,
    lastClippedAt: new Date(now - 20 * 60_000).toISOString(),
    notes: new Map([named.plain!, named.mfm!].map((id, i) => [id, db.ids.next(now - (22 - i) * 60_000)])),
    favoritedBy: new Set(),
  });
  createAnnouncement(
    db,
    { title: 'Welcome to the stand-in', text: 'This server speaks the **Misskey** protocol for tests and demos.' },
    now - 6 * HOUR,
  );
  db.pinnedUsers = ['admin', 'newsbot'];
}

// Alice's notifications: one of each kind, the newest few unread.
function seedNotifications(db: Db, aliceId: string, named: Record<string, string>, now: number): void {
  const byName = (name: string) => db.userByName(name)!.id;
  const items: Omit<Parameters<typeof pushNotification>[1], 'userId'>[] = [
    { type: 'achievementEarned', achievement: 'notes1' },
    { type: 'follow', notifierId: byName('carol') },
    { type: 'followRequestAccepted', notifierId: byName('bob') },
    { type: 'pollEnded', noteId: named.pollExpired! },
    { type: 'mention', notifierId: byName('bob'), noteId: named.mfm! },
    { type: 'reply', notifierId: byName('bob'), noteId: named.reply! },
    { type: 'renote', notifierId: byName('bob'), noteId: named.renote! },
    { type: 'renote', notifierId: byName('admin'), noteId: named.renoteByAdmin! },
    { type: 'quote', notifierId: byName('bob'), noteId: named.quote! },
    { type: 'reaction', notifierId: byName('bob'), noteId: named.reactions!, reaction: ':blobcat:' },
    { type: 'reaction', notifierId: byName('admin'), noteId: named.reactions!, reaction: '👍' },
    { type: 'mention', notifierId: byName('bob'), noteId: named.specified! },
  ];
  items.forEach((item, i) =>
    pushNotification(db, { ...item, userId: aliceId }, now - (items.length - i) * 60_000, i >= items.length - 3),
  );
}

function pushNotification(
  db: Db,
  n: {
    userId: string;
    type: Db['notifications'][number]['type'];
    notifierId?: string;
    noteId?: string;
    reaction?: string;
    achievement?: string;
  },
  at: number,
  unread: boolean,
): void {
  db.notifications.push({
    id: db.ids.next(at),
    userId: n.userId,
    type: n.type,
    notifierId: n.notifierId ?? null,
    noteId: n.noteId ?? null,
    reaction: n.reaction ?? null,
    achievement: n.achievement ?? null,
    isRead: !unread,
  });
}

// 2026: an earlier 1:1 conversation between alice and carol (read), and carol's room with bob.
function seedChat(db: Db, now: number): void {
  const byName = (name: string) => db.userByName(name)!;
  const [alice, bob, carol] = [byName('alice'), byName('bob'), byName('carol')];
  const lines: [UserRecord, UserRecord, string][] = [
    [carol, alice, 'Are you coming to the meetup on Friday?'],
    [alice, carol, 'Yes! I will bring the slides.'],
    [carol, alice, 'Great, see you there.'],
  ];
  lines.forEach(([from, to, text], i) => sendToUser(db, from, to, { text, fileId: null }, now - 50 * 60_000 + i * 60_000));
  readUserChat(db, alice.id, carol.id);
  readUserChat(db, carol.id, alice.id);
  const room = {
    id: db.ids.next(now - 40 * 60_000),
    ownerId: carol.id,
    name: 'Book club',
    description: 'What we read this month',
  };
  db.chatRooms.set(room.id, room);
  const membership = db.ids.next(now - 39 * 60_000);
  db.chatMemberships.set(membership, { id: membership, roomId: room.id, userId: bob.id, isMuted: false });
}
