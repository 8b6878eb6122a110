import { expect, test } from '@playwright/test';
import { control, signInAs } from './support/control';

test.beforeEach(async () => {
  await control('reset');
});

// What each language calls the places and things the reader meets first, in Misskey's words.
const LANGUAGES = [
  {
    locale: 'id-ID',
    nav: 'Navigasi utama',
    home: 'Beranda',
    notifications: 'Notifikasi',
    noteText: 'Teks catatan',
    post: 'Kirim',
    // carol (キャロル) followed alice in the seed.
    follow: 'キャロル mengikutimu',
    settings: 'Pengaturan',
  },
  {
    locale: 'ko-KR',
    nav: '주 내비게이션',
    home: '홈',
    notifications: '알림',
    noteText: '노트 내용',
    post: '노트',
    follow: 'キャロル님이 나를 팔로우했습니다',
    settings: '설정',
  },
  {
    locale: 'zh-CN',
    nav: '主导航',
    home: '首页',
    notifications: '通知',
    noteText: '帖子内容',
    post: '发帖',
    follow: 'キャロル 关注了你',
    settings: '设置',
  },
];

for (const lang of LANGUAGES) {
  test(`a browser in ${lang.locale} gets the app in that language: navigation, composer, notifications`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang.locale });
    const page = await context.newPage();
    await signInAs(page, 'alice');
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', lang.locale);
    const nav = page.getByRole('navigation', { name: lang.nav });
    await expect(nav.getByRole('link', { name: lang.home, exact: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: lang.noteText })).toBeVisible();
    await expect(page.getByRole('button', { name: lang.post, exact: true })).toBeVisible();

    await nav.getByRole('link', { name: new RegExp(`^${lang.notifications}`) }).click();
    await expect(page.getByRole('heading', { name: lang.notifications, exact: true })).toBeVisible();
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return page.getByRole('link', { name: lang.follow }).count();
      })
      .toBe(1);
    // Times read in the language too (the full date is the element's title).
    const time = page.locator('main time').first();
    const [datetime, title] = await Promise.all([time.getAttribute('datetime'), time.getAttribute('title')]);
    expect(title).toBe(await page.evaluate(([d, l]) => new Date(d!).toLocaleString(l!), [datetime, lang.locale]));
    await context.close();
  });
}

test('Settings switches between the languages without a reload, dates and numbers included', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'id-ID' });
  const page = await context.newPage();
  await signInAs(page, 'alice');
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Pengaturan' })).toBeVisible();
  // Set on this document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));

  for (const [name, heading, locale] of [
    ['한국어', '설정', 'ko-KR'],
    ['简体中文', '设置', 'zh-CN'],
    ['Bahasa Indonesia', 'Pengaturan', 'id-ID'],
  ] as const) {
    await page.getByRole('radio', { name }).check();
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
  }
  await page.getByRole('radio', { name: '한국어' }).check();
  await page.getByRole('navigation', { name: '주 내비게이션' }).getByRole('link', { name: '로컬', exact: true }).click();
  const time = page.locator('article[data-note-id] time').first();
  await expect(time).toBeVisible();
  // Relative times and full dates in Korean, though the browser says Indonesian.
  await expect(time).toHaveText(/전|지금/);
  const [datetime, title] = await Promise.all([time.getAttribute('datetime'), time.getAttribute('title')]);
  expect(title).toBe(await page.evaluate((d) => new Date(d!).toLocaleString('ko-KR'), datetime));
  expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
  await context.close();
});
