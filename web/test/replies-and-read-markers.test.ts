/**
 * Replies and read markers across tabs, in real Chromium against the real local stack (emulators, the relay
 * as a child process, a real Redis, the Hosting emulator serving the built app).
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browser-suite';
import { webUrl } from './support/stack';
import { chatLink, openChat, send, sentMessage, waitOnline, waitUntil } from './support/pages';

const suite = browserSuite();

/** The whole shown message (sender, quote, actions) whose text is exactly `text`. */
const messageItem = (page: Page, text: string) =>
  page.locator('li.message[data-status="sent"]', {
    has: page.locator('.text', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
  });

describe('When bob replies to a message of alice', () => {
  it('then alice sees the reply live, quoting her message and naming her', async () => {
    const [alice, bob] = await Promise.all([suite.stack.user('alice'), suite.stack.user('bob')]);
    const chatId = await suite.stack.directChat(alice, bob);
    const a = await suite.signedIn(alice);
    const b = await suite.signedIn(bob);
    await openChat(a.page, chatId);
    await openChat(b.page, chatId);
    await send(a.page, 'Lunch at noon?');
    await sentMessage(b.page, 'Lunch at noon?').waitFor();

    const original = messageItem(b.page, 'Lunch at noon?');
    await original.getByRole('button', { name: 'Reply to message' }).click();
    await b.page.getByTestId('replying').filter({ hasText: 'Lunch at noon?' }).waitFor();
    await send(b.page, 'Yes, see you there');
    expect(await b.page.getByTestId('replying').count()).toBe(0);

    const reply = messageItem(a.page, 'Yes, see you there');
    const quote = reply.getByTestId('reply-quote');
    await quote.waitFor();
    expect(await quote.locator('.quote-text').textContent()).toBe('Lunch at noon?');
    expect(await quote.locator('.quote-sender').textContent()).toBe('You');
    const onBobsSide = messageItem(b.page, 'Yes, see you there');
    expect(await onBobsSide.getByTestId('reply-quote').locator('.quote-sender').textContent()).toBe(
      alice.displayName,
    );
  });
});

describe('When alice has the chat list open in two tabs and reads a chat in one', () => {
  it('then the unread badge clears in the other tab too', async () => {
    const [alice, bob] = await Promise.all([suite.stack.user('alice'), suite.stack.user('bob')]);
    const chatId = await suite.stack.directChat(alice, bob);
    const a = await suite.signedIn(alice);
    const tab2 = await a.context.newPage();
    await tab2.goto(webUrl());
    await tab2.getByRole('navigation', { name: 'Chats' }).waitFor();
    await waitOnline(tab2);

    const sent = [
      await suite.stack.services.messages.send(bob, chatId, { text: 'one' }),
      await suite.stack.services.messages.send(bob, chatId, { text: 'two' }),
    ];
    // The counts are the message trigger's; once it has written them, the badge is the relay's and the page's.
    await Promise.all(sent.map(({ message }) => suite.stack.fannedOut(chatId, message.id)));
    for (const [name, page] of [
      ['the first tab', a.page],
      ['the second tab', tab2],
    ] as const) {
      const link = chatLink(page, chatId);
      const read = (locator: typeof link) => locator.textContent({ timeout: 1000 }).catch(() => null);
      let shown: string | null = null;
      await waitUntil(
        async () => (shown = await read(link.getByTestId('unread'))) === '2',
        15_000,
        () => `the unread badge to count 2 in ${name} (it last read ${JSON.stringify(shown)})`,
      );
    }

    await openChat(a.page, chatId);
    await sentMessage(a.page, 'two').waitFor();
    await chatLink(tab2, chatId).getByTestId('unread').waitFor({ state: 'detached', timeout: 10_000 });
  });
});
