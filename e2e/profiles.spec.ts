import { expect, test } from '@playwright/test';
import { E2E_SERVER_URL } from './ports';
import { actAs, control, signInAs } from './support/control';

// Against the 2024.10.1 profile the client offers nothing 2024.10 lacks: no chat, no schedule,
// drafts kept in the browser only, and never a call to an endpoint that server does not have.

test.beforeEach(async () => {
  await control('reset');
});

test('on 2024.10: no chat link or button, no schedule control, drafts only local, no 2026 endpoint called', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${E2E_SERVER_URL}/api/`)) calls.push(new URL(r.url()).pathname.slice(5));
  });
  await signInAs(page, 'alice');
  await page.goto('/');
  await expect(page.locator('article[data-note-id]').first()).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav.getByRole('link', { name: /^Chat/ })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Scheduled notes' })).toHaveCount(0);
  const form = page.getByRole('form', { name: 'Write a note' });
  await expect(form.getByRole('button', { name: 'Add a poll' })).toBeVisible();
  await expect(form.getByRole('button', { name: 'Schedule' })).toHaveCount(0);

  await form.getByRole('textbox', { name: 'Note text' }).fill('A draft that stays in this browser');
  await page.reload();
  await expect(form.getByRole('textbox', { name: 'Note text' })).toHaveValue('A draft that stays in this browser');

  await page.goto('/@bob');
  await expect(page.getByRole('heading', { name: /Bob/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Chat with/ })).toHaveCount(0);
  await page.goto('/chat');
  await expect(page.getByText('This server has no chat.')).toBeVisible();

  expect(calls.filter((c) => /^(chat\/|notes\/drafts|endpoint|notes\/show-partial-bulk)/.test(c))).toEqual([]);
  const me = (await actAs<{ body: Record<string, unknown> }>('alice', 'i')).body;
  expect(me).not.toHaveProperty('hasUnreadChatMessages');
});
