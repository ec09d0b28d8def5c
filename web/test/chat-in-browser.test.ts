/**
 * The web app in real Chromium against the real local stack (emulators, the relay as a child process, a real
 * Redis, the Hosting emulator serving the built app). Each scenario makes its own users, so they share
 * nothing. The relay here is the suite's own, so one scenario can restart it.
 */
import { describe, expect, it } from '@jest/globals';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/chromium';
import { browserSuite } from './support/browser-suite';
import { webUrl } from './support/stack';
import {
  chatLink,
  expectExactlyOnceInOrder,
  openChat,
  send,
  sentMessage,
  shownTexts,
  waitOnline,
  waitUntil,
} from './support/pages';

const suite = browserSuite();

async function as(...names: string[]) {
  const users = await Promise.all(names.map((name) => suite.stack.user(name)));
  return users;
}

describe('When alice and bob chat in two browser contexts', () => {
  it('then a message appears in the other chat and chat list, typing shows, and the unread badge counts and clears', async () => {
    const [alice, bob] = await as('alice', 'bob');
    const chatId = await suite.stack.directChat(alice, bob);
    const a = await suite.signedIn(alice);
    const b = await suite.signedIn(bob);
    await openChat(a.page, chatId);

    await send(a.page, 'Hello Bob');
    await send(a.page, 'Are you there?');
    const badge = chatLink(b.page, chatId).getByTestId('unread');
    await waitUntil(async () => (await badge.textContent()) === '2', 20_000, 'the unread badge to count 2');
    await expect(chatLink(b.page, chatId).locator('.last-message').textContent()).resolves.toContain(
      'Are you there?',
    );
    await screenshot(b.page, 'chat-list');

    await openChat(b.page, chatId);
    await expectExactlyOnceInOrder(b.page, ['Hello Bob', 'Are you there?']);
    expect(await badge.count()).toBe(0);

    await b.page.getByLabel('Message', { exact: true }).fill('I am typ');
    await a.page.getByTestId('typing').filter({ hasText: 'is typing' }).waitFor();

    await send(b.page, 'Yes, here');
    await sentMessage(a.page, 'Yes, here').waitFor();
    await expectExactlyOnceInOrder(a.page, ['Hello Bob', 'Are you there?', 'Yes, here']);
    await screenshot(a.page, 'conversation');
  });
});

describe('When bob goes offline while both send', () => {
  it('then, back online, both see all 7 messages exactly once and in order', async () => {
    const [alice, bob] = await as('alice', 'bob');
    const chatId = await suite.stack.directChat(alice, bob);
    const a = await suite.signedIn(alice);
    const b = await suite.signedIn(bob);
    await openChat(a.page, chatId);
    await openChat(b.page, chatId);

    await b.context.setOffline(true);
    await b.page.locator('.connection.offline').waitFor();
    const fromAlice = ['a1', 'a2', 'a3', 'a4', 'a5'];
    for (const text of fromAlice) await send(a.page, text);
    for (const text of ['b1', 'b2']) await send(b.page, text, { confirmed: false });
    expect(await b.page.locator('li.outgoing[data-status="pending"]').count()).toBe(2);
    await screenshot(b.page, 'offline-pending');

    await b.context.setOffline(false);
    const all = [...fromAlice, 'b1', 'b2'];
    await expectExactlyOnceInOrder(b.page, all);
    await expectExactlyOnceInOrder(a.page, all);
  });
});

describe('When bob is offline while more than a page of messages arrives', () => {
  it('then, back online, he sees every one of them once and in order, without a reload', async () => {
    // A rejoin's history is one page (50): the rest must still come (the client pages on while hasMore).
    const [alice, bob] = await as('alice', 'bob');
    const chatId = await suite.stack.directChat(alice, bob);
    const b = await suite.signedIn(bob);
    await openChat(b.page, chatId);
    const texts = Array.from({ length: 60 }, (_, i) => `away ${i + 1}`);
    await suite.stack.services.messages.send(alice, chatId, { text: 'before' });
    await sentMessage(b.page, 'before').waitFor();

    await b.context.setOffline(true);
    await b.page.locator('.connection.offline').waitFor();
    for (const text of texts) await suite.stack.services.messages.send(alice, chatId, { text });
    await b.context.setOffline(false);
    await expectExactlyOnceInOrder(b.page, ['before', ...texts]);
  });
});

describe('When the relay restarts mid-conversation', () => {
  it('then both pages recover without a reload and deliver what was sent meanwhile', async () => {
    const [alice, bob] = await as('alice', 'bob');
    const chatId = await suite.stack.directChat(alice, bob);
    const a = await suite.signedIn(alice);
    const b = await suite.signedIn(bob);
    await openChat(a.page, chatId);
    await openChat(b.page, chatId);
    await send(a.page, 'before restart');
    await sentMessage(b.page, 'before restart').waitFor();

    await suite.stack.stopRelay();
    await send(a.page, 'during restart', { confirmed: false });
    await suite.stack.startRelay();

    await waitOnline(a.page);
    await waitOnline(b.page);
    await send(b.page, 'after restart');
    const all = ['before restart', 'during restart', 'after restart'];
    await expectExactlyOnceInOrder(a.page, all);
    await expectExactlyOnceInOrder(b.page, all);
  });
});

describe('When alice makes a group, adds carol, then removes her', () => {
  it('then carol sees the group live, and after removal her page drops it and she sees nothing sent after', async () => {
    const [alice, bob, carol] = await as('alice', 'bob', 'carol');
    const a = await suite.signedIn(alice);
    const c = await suite.signedIn(carol);

    await a.page.getByRole('button', { name: 'New chat' }).click();
    await a.page.getByLabel('Group name').fill('Tea party');
    await a.page.getByLabel('Members (user IDs, comma separated)').fill(bob.uid);
    await a.page.getByRole('button', { name: 'Create group' }).click();
    await a.page.getByRole('heading', { name: 'Tea party' }).waitFor();
    const chatId = decodeURIComponent(new URL(a.page.url()).pathname.split('/').pop() ?? '');

    await a.page.getByRole('button', { name: 'Group', exact: true }).click();
    await a.page.getByLabel('Add a member (user ID)').fill(carol.uid);
    await a.page.getByRole('button', { name: 'Add', exact: true }).click();
    await chatLink(c.page, chatId).waitFor({ timeout: 30_000 });
    await send(a.page, 'Welcome, Carol');
    await openChat(c.page, chatId);
    await sentMessage(c.page, 'Welcome, Carol').waitFor();
    await c.page.locator('li.message.system', { hasText: 'added' }).first().waitFor();

    await a.page.getByRole('button', { name: `Remove ${carol.displayName}` }).click();
    await chatLink(c.page, chatId).waitFor({ state: 'detached', timeout: 30_000 });
    await send(a.page, 'Carol cannot read this');
    // Give a wrongly delivered message time to arrive before looking for it.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await shownTexts(c.page)).not.toContain('Carol cannot read this');
    expect(await c.page.getByText('Carol cannot read this').count()).toBe(0);
  });
});

describe('When a chat has 200 messages', () => {
  it('then scrolling back loads every one exactly once', async () => {
    const [alice, bob] = await as('alice', 'bob');
    const chatId = await suite.stack.directChat(alice, bob);
    const texts = Array.from({ length: 200 }, (_, i) => `m${String(i + 1).padStart(3, '0')}`);
    for (const text of texts) await suite.stack.services.messages.send(alice, chatId, { text });
    const b = await suite.signedIn(bob);
    await openChat(b.page, chatId);
    const older = b.page.getByRole('button', { name: 'Load older messages' });
    await waitUntil(
      async () => {
        if ((await b.page.locator('li.message[data-status="sent"]').count()) >= 200) return true;
        if (await older.isVisible()) await older.click();
        else await b.page.locator('.messages').evaluate((el) => el.scrollTo(0, 0));
        return false;
      },
      60_000,
      'all 200 messages to load',
    );
    expect(await shownTexts(b.page)).toEqual(texts);
  });
});

describe('When axe checks the sign-in, chat list and conversation views', () => {
  it('then it finds no serious or critical violation', async () => {
    const [alice, bob] = await as('alice', 'bob');
    const chatId = await suite.stack.directChat(alice, bob);
    await suite.stack.services.messages.send(bob, chatId, { text: 'Accessible hello' });

    const context = await suite.newContext();
    const page = await context.newPage();
    await page.goto(webUrl());
    await page.getByLabel('Email').waitFor();
    await screenshot(page, 'sign-in');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const a = await suite.signedIn(alice);
    await chatLink(a.page, chatId).waitFor();
    expect(await seriousViolations(a.page)).toEqual([]);
    await openChat(a.page, chatId);
    await sentMessage(a.page, 'Accessible hello').waitFor();
    expect(await seriousViolations(a.page)).toEqual([]);
  });
});
