import { expect, test, type Page } from '@playwright/test';
import { E2E_2026_SERVER_URL } from './ports';
import { actAs, control, signInAs, sockets, users, type SeedUser } from './support/control';

// Chat on the 2026 profile: 1:1 live both ways, rooms with an invitation, read marks, the badge.

const SERVER = E2E_2026_SERVER_URL;

test.beforeEach(async () => {
  await control('reset', {}, SERVER);
});

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

function messages(page: Page) {
  return page.getByRole('log');
}

function message(page: Page, text: string) {
  return messages(page).locator('article[data-message-id]', { hasText: text });
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('form', { name: 'Message' }).getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

// The channel is on the server before anything is sent that must arrive live.
async function chatChannelOf(username: string, channel: 'chatUser' | 'chatRoom'): Promise<void> {
  await expect
    .poll(async () => (await sockets(SERVER)).some((s) => s.user === username && s.channels.some((c) => c.channel === channel)))
    .toBe(true);
}

test('alice and bob chat live both ways: message, reaction, deletion, read mark; the badge clears on reading', async ({
  browser,
}) => {
  const seed = await users(SERVER);
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const a = await alice.newPage();
  const b = await bob.newPage();
  await signInAs(a, 'alice', SERVER);
  await signInAs(b, 'bob', SERVER);

  // Bob's profile offers Chat (canChat); it opens the conversation.
  await b.goto('/@alice');
  await b.getByRole('link', { name: 'Chat with Alice' }).click();
  await expect(b.getByRole('heading', { name: 'Messages with Alice' })).toBeVisible();
  await chatChannelOf('bob', 'chatUser');

  // Alice is elsewhere: bob's message raises her Chat dot (newChatMessage, 3 s later).
  await a.goto('/local');
  const chatLink = nav(a).getByRole('link', { name: /^Chat/ });
  await expect(chatLink).toBeVisible();
  await expect(chatLink.getByTestId('unread-dot')).toHaveCount(0);
  await send(b, 'Hi alice, from bob');
  await expect(message(b, 'Hi alice, from bob')).toBeVisible();
  await expect(chatLink.getByTestId('unread-dot')).toBeVisible();

  // Her Chat page lists the conversation as unread; opening it reads it and clears the dot.
  await chatLink.click();
  const row = a.locator(`[data-conversation="user:${seed.bob!.id}"]`);
  await expect(row).toContainText('Hi alice, from bob');
  await expect(row).toContainText('unread');
  await row.getByRole('link').click();
  await expect(message(a, 'Hi alice, from bob')).toBeVisible();
  await expect(chatLink.getByTestId('unread-dot')).toHaveCount(0);
  expect((await actAs<{ body: { hasUnreadChatMessages: boolean } }>('alice', 'i', {}, SERVER)).body.hasUnreadChatMessages).toBe(
    false,
  );
  await chatChannelOf('alice', 'chatUser');

  // Alice answers; bob sees it live, and alice's page sends a read mark for bob's next message.
  await send(a, 'Hello bob!');
  await expect(message(b, 'Hello bob!')).toBeVisible();
  await send(b, 'Read this right away');
  await expect(message(a, 'Read this right away')).toBeVisible();
  await expect
    .poll(async () => {
      const socket = (await sockets(SERVER)).find((s) => s.user === 'alice');
      return (socket?.frames as { type: string; body?: { type?: string } }[] | undefined)?.some(
        (f) => f.type === 'ch' && f.body?.type === 'read',
      );
    })
    .toBe(true);

  // Bob reacts to alice's message; both see it. Alice cannot react to her own.
  await message(b, 'Hello bob!').getByRole('button', { name: 'React to this message' }).click();
  const picker = b.getByRole('dialog', { name: 'Pick a reaction' });
  await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('party popper');
  await picker.getByRole('button', { name: 'party popper' }).click();
  await expect(message(a, 'Hello bob!').getByRole('button', { name: '🎉: 1' })).toBeVisible();
  await expect(message(b, 'Hello bob!').getByRole('button', { name: 'Remove your 🎉' })).toBeVisible();
  await expect(message(a, 'Hello bob!').getByRole('button', { name: 'React to this message' })).toHaveCount(0);

  // Bob takes it back, then deletes his first message: both pages follow.
  await message(b, 'Hello bob!').getByRole('button', { name: 'Remove your 🎉' }).click();
  await expect(message(a, 'Hello bob!').getByRole('button', { name: /🎉/ })).toHaveCount(0);
  await message(b, 'Hi alice, from bob').getByRole('button', { name: 'Delete this message' }).click();
  await expect(message(a, 'Hi alice, from bob')).toHaveCount(0);
  await expect(message(b, 'Hi alice, from bob')).toHaveCount(0);

  await alice.close();
  await bob.close();
});

test('a chat room: alice creates it and invites bob, who joins from the invitation; members, messages, leave', async ({
  browser,
}) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const a = await alice.newPage();
  const b = await bob.newPage();
  await signInAs(a, 'alice', SERVER);
  await signInAs(b, 'bob', SERVER);

  await a.goto('/chat');
  const form = a.getByRole('form', { name: 'New room' });
  await form.getByRole('textbox', { name: 'Room name' }).fill('Weekend plans');
  await form.getByRole('textbox', { name: 'Description' }).fill('Who brings what');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(a.getByRole('heading', { name: 'Room Weekend plans' })).toBeVisible();
  await a.getByRole('textbox', { name: 'Invite someone by @username' }).fill('@bob');
  await a.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Invitation sent to @bob.' })).toBeVisible();
  await a.getByRole('textbox', { name: 'Invite someone by @username' }).fill('@nobody');
  await a.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'There is no user @nobody here.' })).toBeVisible();

  // Bob's notification says so and leads to the Chat page, where he joins.
  await b.goto('/notifications');
  const invitation = b.locator('[data-type="chatRoomInvitationReceived"]').first();
  await expect(invitation).toContainText('Alice invited you to a chat room');
  await expect(invitation).toContainText('Weekend plans');
  await invitation.getByRole('link', { name: 'Alice invited you to a chat room' }).click();
  const invitations = b.getByRole('list', { name: 'Invitations' });
  await expect(invitations).toContainText('Alice invited you to Weekend plans');
  await invitations.getByRole('button', { name: 'Join' }).click();
  await b.getByRole('list', { name: 'Your rooms' }).getByRole('link', { name: 'Weekend plans' }).click();
  await expect(b.getByRole('heading', { name: 'Room Weekend plans' })).toBeVisible();
  await chatChannelOf('bob', 'chatRoom');
  await chatChannelOf('alice', 'chatRoom');

  await send(b, 'I bring the tent');
  await expect(message(a, 'I bring the tent')).toContainText('Bob');
  await send(a, 'Great, thanks!');
  await expect(message(b, 'Great, thanks!')).toBeVisible();

  await a.getByText('Members').click();
  await expect(a.getByRole('list', { name: 'Members' })).toContainText('Alice (owner)');
  await expect(a.getByRole('list', { name: 'Members' })).toContainText('Bob');

  await b.getByRole('button', { name: 'Leave the room' }).click();
  await expect(b).toHaveURL(/\/chat$/);
  await alice.close();
  await bob.close();
});

test('a failed send stays in the outbox, is retried once by itself, and can be retried by hand', async ({ page }) => {
  const seed: Record<string, SeedUser> = await users(SERVER);
  await signInAs(page, 'alice', SERVER);
  await page.goto(`/chat/user/${seed.bob!.id}`);
  await expect(page.getByRole('heading', { name: /^Messages with Bob/ })).toBeVisible();
  await control('fault', { endpoint: 'chat/messages/create-to-user', mode: '500', times: 2 }, SERVER);
  await send(page, 'Will it arrive?');
  const pending = page.getByRole('list', { name: 'Sending…' });
  await expect(pending.getByRole('alert')).toContainText('Not sent');
  await pending.getByRole('button', { name: 'Retry' }).click();
  await expect(message(page, 'Will it arrive?')).toBeVisible();
  await expect(pending).toHaveCount(0);
  const sent = await actAs<{ body: { text: string }[] }>(
    'bob',
    'chat/messages/user-timeline',
    { userId: seed.alice!.id },
    SERVER,
  );
  expect(sent.body.filter((m) => m.text === 'Will it arrive?')).toHaveLength(1);
});

test('a chat draft survives a reload; read-only chat shows no composer', async ({ page }) => {
  const seed = await users(SERVER);
  await signInAs(page, 'alice', SERVER);
  await page.goto(`/chat/user/${seed.carol!.id}`);
  await expect(messages(page).locator('article').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Message' }).fill('half a thought');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('half a thought');

  await control('policies', { user: 'alice', policies: { chatAvailability: 'readonly' } }, SERVER);
  await page.reload();
  await expect(messages(page).locator('article').first()).toBeVisible();
  await expect(page.getByText('Chat is read-only for your account')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
});

test('with Data saver on, a conversation and the Chat dot are updated by polling, with no socket', async ({ page }) => {
  test.setTimeout(90_000);
  const seed = await users(SERVER);
  await page.addInitScript(() => localStorage.setItem('mkc:data-saver', 'on'));
  await signInAs(page, 'alice', SERVER);
  await page.goto('/local');
  await expect(page.getByText('Data saver is on. Updating every 15 s.')).toBeVisible();
  const chatLink = nav(page).getByRole('link', { name: /^Chat/ });
  await expect(chatLink.getByTestId('unread-dot')).toHaveCount(0);

  // Bob writes while alice is elsewhere: the dot comes with a poll.
  await actAs('bob', 'chat/messages/create-to-user', { toUserId: seed.alice!.id, text: 'Polled hello' }, SERVER);
  await expect(chatLink.getByTestId('unread-dot')).toBeVisible({ timeout: 30_000 });

  // In the conversation, the next message comes with a poll too.
  await page.goto(`/chat/user/${seed.bob!.id}`);
  await expect(message(page, 'Polled hello')).toBeVisible();
  await actAs('bob', 'chat/messages/create-to-user', { toUserId: seed.alice!.id, text: 'And another one' }, SERVER);
  await expect(message(page, 'And another one')).toBeVisible({ timeout: 30_000 });

  // On the Chat page, a new conversation comes with a poll as well.
  await chatLink.click();
  await expect(page.locator(`[data-conversation="user:${seed.bob!.id}"]`)).toContainText('And another one');
  await actAs('carol', 'chat/messages/create-to-user', { toUserId: seed.alice!.id, text: 'Carol, polled' }, SERVER);
  await expect(page.locator(`[data-conversation="user:${seed.carol!.id}"]`)).toContainText('Carol, polled', { timeout: 30_000 });
  expect((await sockets(SERVER)).filter((s) => s.user === 'alice')).toEqual([]);
});
