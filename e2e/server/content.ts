// Text used by the seed and the demo bots: every kind of MFM, plus hostile input that a
// client must render safely.

export const PLAIN_TEXTS = [
  'Good morning! Coffee first, then code.',
  'Anyone else watching the rain today?',
  'Finished a long refactor. Tests are green.',
  'Reading a book about typography. Kerning is everywhere now.',
  'Lunch: ramen. 10/10 would slurp again.',
  'Is it Friday yet?',
  'Small wins: fixed the flaky test.',
  'Walking the dog. The dog is walking me.',
  'ねこはかわいい。それだけ。',
  'Trying out a new keyboard layout, typing very slwoly.',
  'Deploy done. Going offline for a bit.',
  'Thinking about timelines and how they scroll.',
];

export const MFM_TEXTS = [
  '**bold**, *italic*, ~~strike~~, <small>small</small> and <i>html italic</i>',
  '$[tada 🎉 party] $[jelly jelly] $[twitch twitch] $[shake shake] $[spin spin] $[jump jump] $[bounce bounce]',
  '$[flip flipped] $[flip.v vertical] $[x2 big] $[x3 bigger] $[x4 huge] $[font.serif serif] $[font.monospace mono] $[blur hidden] $[rainbow rainbow] $[sparkle sparkle]',
  '$[rotate.deg=30 tilted] $[fg.color=f00 red] $[bg.color=ff0 yellow] $[position.x=1,y=0.5 moved] $[scale.x=2,y=1 wide] $[border.color=00f,width=2 boxed] $[ruby 漢字 かんじ] $[unixtime 1700000000]',
  '<center>centered text</center>',
  '> a quoted line\n> and another\n\nthen a reply to it',
  '```ts\nconst answer: number = 42;\nconsole.log(answer);\n```',
  'inline `code`, math \\(e^{i\\pi} + 1 = 0\\) and a block:\n\\[\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\\]',
  'misskey client 検索',
  'custom emoji :blobcat: :blobcat_sad: :blobcat_wow: :tada_face: and an unknown one :not_an_emoji:',
  'unicode emoji 🎉🍮❤️👍🏽🇯🇵',
  '#misskey #timeline #テスト hashtags everywhere',
  '<plain>**not bold** $[tada not animated]</plain>',
  '@alice @bob hello both! and a remote one @someone@remote.example',
  '$[x2 **$[rainbow nested $[tada mfm]]**]',
];

export function linkTexts(baseUrl: string): string[] {
  return [
    `a bare link ${baseUrl}/about and a [labelled link](${baseUrl}/notes) and <${baseUrl}/angle>`,
    `?[a silent link](${baseUrl}/silent) and a hashtag #links`,
  ];
}

export const HOSTILE_TEXTS = [
  '<script>alert("xss")</script> should show as text',
  '[click me](javascript:alert(document.cookie)) and [data](data:text/html,<script>alert(1)</script>)',
  '<img src=x onerror=alert(1)> "><svg onload=alert(1)>',
  'RTL override: \u202Egnp.exe\u202C and bidi \u2067isolate\u2069',
  '$[x2 '.repeat(40) + 'deeply nested' + ']'.repeat(40),
  '**'.repeat(60) + 'unbalanced',
  'Z̸̡̛̙̠̤͔̗̤̞̞̫̱͖̱̠̫̩̬͈̹̭̯̺a̵̡̨̛̭͍̻̥̻͖͍͍̪̝̣̼̠̝̟l̶̢̧̡̛͍̯̯͍̼͕̩͈̙͇͎͓̰͎̼g̸̢̡̭̮͉̘͇͕̭͕͎̤̥͖̺̞̦̖o̷̧̫͙̣̗̤̹̤̜̤̤̪̪̮ text',
];

export function hugeText(): string {
  const sentence = 'This note is exactly as long as the server allows. ';
  return sentence.repeat(Math.ceil(3000 / sentence.length)).slice(0, 3000);
}

export const CWS = ['Spoiler: the ending', 'Food photo', 'Long rant', 'Politics (mild)', 'Eye contact'];

export const REACTIONS = ['👍', '❤', '🎉', '😆', '🤔', '🍮', ':blobcat:', ':blobcat_wow:', ':tada_face:', '❤️'];

export const POLLS = [
  { q: 'Tabs or spaces?', choices: ['Tabs', 'Spaces', 'Both, chaotically'] },
  { q: 'Best time to deploy?', choices: ['Monday morning', 'Friday evening', 'Never'] },
  { q: 'Pick your favourite fruits (several allowed)', choices: ['Apple', 'Mango', 'Durian', 'Kiwi'] },
  { q: 'Dark mode?', choices: ['Always', 'Sometimes', 'Never'] },
];
