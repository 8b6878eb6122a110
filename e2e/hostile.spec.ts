import { expect, test, type Page } from '@playwright/test';
import type * as Misskey from 'misskey-js';
import { E2E_SERVER_URL } from './ports';
import { actAs, control, signInAs } from './support/control';

// Text a hostile author might post. Each one is rendered and the page is checked for anything that
// could run, navigate somewhere unsafe, or take over the layout.
const PAYLOADS = [
  '<script>window.__pwned = 1</script> script tag',
  '<img src=x onerror="window.__pwned = 1"> and <svg onload="window.__pwned = 1"></svg>',
  '[label](javascript:window.__pwned=1) bare javascript:window.__pwned=1 <javascript:window.__pwned=1>',
  '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and data:text/html,<script>alert(1)</script>',
  '?[silent](javascript:alert(1)) [vb](vbscript:msgbox) [rel](/\\evil.example) [proto](//evil.example/x)',
  `${'$[x2 '.repeat(200)}deeply nested${']'.repeat(200)}`,
  `${'**'.repeat(100)}unbalanced ${'$[tada '.repeat(120)}`,
  'x'.repeat(3000),
  'RTL \u202Egnp.exe\u202C, isolates \u2067abc\u2069 and \u200Fmarks\u200E',
  'broken emoji :no_such_emoji: :blobcat@evil.example: :"><img src=x onerror=alert(1)>:',
  '$[fg.color=f00;background:url(javascript:alert(1)) fg] $[bg.color=red;position:fixed;inset:0;z-index:99999 bg]',
  '$[font.serif;}body{display:none} font] $[font.family=x;background:red font2]',
  '$[position.x=99999,y=-99999 far] $[scale.x=1e9,y=1e9 huge] $[rotate.deg=1e308 spin] $[border.width=9999,color=f00 box]',
  '$[fg.color=expression(alert(1)) ie] $[bg.color=#f00\\;x bg2] $[ruby <script>a</script> b]',
];

// Counts what a hostile text might set off on `page`: alert/confirm dialogs (dismissed, their
// messages returned, filled as they come) and Content-Security-Policy violations (window.__violations).
async function watchPage(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', () => {
      const w = window as unknown as { __violations?: number };
      w.__violations = (w.__violations ?? 0) + 1;
    });
  });
  return dialogs;
}

async function seedNotes(): Promise<Record<string, string>> {
  const res = await fetch(`${E2E_SERVER_URL}/__test/state`);
  return ((await res.json()) as { notes: Record<string, string> }).notes;
}

interface Findings {
  scripts: number;
  embeds: string[];
  badLinks: string[];
  badImages: string[];
  handlers: string[];
  badStyles: string[];
  pwned: unknown;
  violations: number;
}

// Looks at the whole document: the app shell must not pick anything up from a note either.
// `scope` is where the hostile text is shown (notes, or a profile).
function inspect(page: Page, scope = 'article[data-note-id]'): Promise<Findings> {
  return page.evaluate((scope) => {
    const notes = [...document.querySelectorAll(scope)];
    const inNotes = (sel: string) => notes.flatMap((n) => [...n.querySelectorAll(sel)]);
    const isHttp = (url: string) => /^https?:$/.test(new URL(url, location.href).protocol);
    const handlers: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) if (attr.toLowerCase().startsWith('on')) handlers.push(`${el.tagName} ${attr}`);
    }
    const w = window as unknown as { __pwned?: unknown; __violations?: number };
    return {
      scripts: inNotes('script').length,
      embeds: inNotes('iframe, object, embed, frame, base, meta, link, style, form').map((e) => e.tagName),
      badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((h) => !isHttp(h)),
      badImages: inNotes('img[src]')
        .map((i) => i.getAttribute('src') ?? '')
        .filter((s) => !isHttp(s)),
      handlers,
      badStyles: inNotes('[style]')
        .map((e) => e.getAttribute('style') ?? '')
        .filter((s) => /url\(|expression|javascript|position:\s*fixed|z-index/i.test(s)),
      pwned: w.__pwned,
      violations: w.__violations ?? 0,
    };
  }, scope);
}

const clean: Findings = {
  scripts: 0,
  embeds: [],
  badLinks: [],
  badImages: [],
  handlers: [],
  badStyles: [],
  pwned: undefined,
  violations: 0,
};

test('hostile notes render as inert text and the page stays usable', async ({ page }) => {
  test.setTimeout(120_000);
  await control('reset');
  const seeded = await seedNotes();
  const posted: string[] = [];
  for (const text of PAYLOADS) {
    const res = await actAs<{ status: number; body: { createdNote: Misskey.entities.Note } }>('mallory', 'notes/create', {
      text,
    });
    expect(res.status, text.slice(0, 40)).toBe(200);
    posted.push(res.body.createdNote.id);
  }
  const cwNote = await actAs<{ body: { createdNote: Misskey.entities.Note } }>('mallory', 'notes/create', {
    text: '<script>window.__pwned = 2</script>',
    cw: '<img src=x onerror="window.__pwned = 3"> [cw](javascript:alert(1))',
  });
  posted.push(cwNote.body.createdNote.id);
  const ids = [
    ...['hostileScript', 'hostileLink', 'hostileImg', 'hostileRtl', 'hostileNested', 'hostileUnbalanced', 'huge'].map(
      (k) => seeded[k]!,
    ),
    ...posted,
  ];

  const dialogs = await watchPage(page);
  await signInAs(page, 'alice');

  for (const id of ids) {
    await page.goto(`/notes/${id}`);
    const note = page.locator(`article[data-note-id="${id}"]`).first();
    await expect(note.locator('.note-content')).toBeVisible();
    // Open a CW so its hidden part is rendered too.
    const showCw = note.getByRole('button', { name: 'Show content' });
    if (await showCw.count()) await showCw.click();
    expect(await inspect(page), `note ${id}`).toEqual(clean);
  }

  // A reaction echo carrying an emoji image address that is not http(s), on a captured note.
  const target = posted[0]!;
  await page.goto(`/notes/${target}`);
  const note = page.locator(`article[data-note-id="${target}"]`).first();
  await expect(note.locator('.note-content')).toBeVisible();
  await expect
    .poll(async () =>
      ((await (await fetch(`${E2E_SERVER_URL}/__test/sockets`)).json()) as Array<{ captures: Record<string, number> }>).some(
        (s) => (s.captures[target] ?? 0) > 0,
      ),
    )
    .toBe(true);
  await control('send-raw', {
    frame: JSON.stringify({
      type: 'noteUpdated',
      body: {
        id: target,
        type: 'reacted',
        body: {
          reaction: ':evil@evil.example:',
          emoji: { name: 'evil@evil.example', url: 'javascript:window.__pwned=4' },
          userId: 'someone',
        },
      },
    }),
  });
  await expect(note.getByRole('list', { name: 'Reactions' })).toContainText(':evil@evil.example:');
  expect(await inspect(page)).toEqual(clean);

  // All of mallory's notes at once on a timeline, then the navigation still answers.
  await page.goto('/local');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  expect(await inspect(page)).toEqual(clean);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('hostile clip names and descriptions, and announcement titles, text and images, stay inert', async ({ page }) => {
  await control('reset');
  const dialogs = await watchPage(page);
  const clip = await actAs<{ body: Misskey.entities.Clip }>('mallory', 'clips/create', {
    name: PAYLOADS[1]!.slice(0, 100),
    description: PAYLOADS.slice(0, 5).join('\n'),
    isPublic: true,
  });
  await signInAs(page, 'alice');

  await page.goto('/@mallory/clips');
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1);
  expect(await inspect(page)).toEqual(clean);
  await page.goto(`/clips/${clip.body.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAYLOADS[1]!.slice(0, 100));
  expect(await inspect(page)).toEqual(clean);

  // Banners (live), then the announcements page, then a dialog: text is MFM, the title plain text.
  await page.goto('/local');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  const imageUrls = [
    'javascript:window.__pwned=5',
    'data:image/svg+xml,<svg onload=alert(1)>',
    '//evil.example/x.png',
    null,
    null,
  ];
  for (const [i, text] of PAYLOADS.slice(0, 5).entries())
    await control('announcement', { title: `${PAYLOADS[0]} ${i}`, text, display: 'banner', imageUrl: imageUrls[i] });
  await expect(page.getByRole('region', { name: /^Announcement:/ })).toHaveCount(5);
  expect(await inspect(page)).toEqual(clean);
  const shown = await page.locator('main img[src]').evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src));
  expect(shown.filter((src) => !/^https?:/.test(src))).toEqual([]);
  await page.goto('/announcements');
  await expect(page.getByRole('article', { name: `${PAYLOADS[0]} 4` })).toBeVisible();
  expect(await inspect(page)).toEqual(clean);
  await control('announcement', { title: PAYLOADS[2], text: PAYLOADS[10], display: 'dialog' });
  const dialog = page.getByRole('dialog', { name: PAYLOADS[2] });
  await expect(dialog).toBeVisible();
  expect(await inspect(page)).toEqual(clean);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  expect(dialogs).toEqual([]);
});

test('hostile profile fields render inert on the profile and in the editor', async ({ browser }) => {
  await control('reset');
  const description = PAYLOADS.filter((p) => p.length < 1000)
    .join('\n')
    .slice(0, 1500);
  const res = await actAs<{ status: number }>('mallory', 'i/update', {
    name: '<img src=x onerror="window.__pwned=7"> :blobcat:',
    description,
    location: '[here](javascript:window.__pwned=8)',
    birthday: '2000-01-02',
    fields: [
      { name: '<script>window.__pwned=9</script>', value: '[link](javascript:window.__pwned=10) <img src=x onerror=alert(1)>' },
      { name: '$[fg.color=f00;position:fixed;inset:0 cover]', value: 'data:text/html,<script>alert(1)</script>' },
      { name: 'RTL \u202Egnp.exe', value: `${'$[x2 '.repeat(50)}deep${']'.repeat(50)} :"><img src=x onerror=alert(1)>:` },
      { name: 'site', value: 'https://example.com/ok' },
    ],
  });
  expect(res.status).toBe(200);

  for (const [viewer, path, scope] of [
    ['alice', '/@mallory', 'header.user'],
    // In the editor the fields are input values; the bio's live preview is what renders.
    ['mallory', '/settings/profile', 'section.preview .bio'],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs = await watchPage(page);
    await signInAs(page, viewer);
    await page.goto(path);
    await expect(page.locator(scope)).toContainText('script tag');
    if (viewer === 'alice') await expect(page.locator(scope).getByRole('link', { name: 'https://example.com/ok' })).toBeVisible();
    expect(await inspect(page, scope), path).toEqual(clean);
    expect(dialogs).toEqual([]);
    await context.close();
  }
});
