/** The app as a user drives it: sign in, open a chat, send, and read what the page shows. */
import { expect } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD, webUrl, type TestUser } from './stack';
import { waitUntil } from './wait';

export { waitUntil };

export interface SignedIn {
  context: BrowserContext;
  page: Page;
}

/**
 * A context with waits long enough for a busy machine: the Functions emulator starts a worker process per
 * concurrent request, and runs every Firestore trigger in the same process as the Hosting emulator.
 */
export async function newContext(browser: Browser, relayUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(90_000);
  await useRelay(context, relayUrl);
  return context;
}

/**
 * The app reads its relay's address from the stack's `/env.json`; this context's pages get that file with
 * `relayUrl` swapped for the test file's own relay (the rest exactly as served).
 */
async function useRelay(context: BrowserContext, relayUrl: string): Promise<void> {
  await context.route(`${webUrl()}/env.json`, async (route) => {
    const response = await route.fetch();
    const env = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...env, relayUrl } });
  });
}

export async function signIn(browser: Browser, user: TestUser, relayUrl: string): Promise<SignedIn> {
  const context = await newContext(browser, relayUrl);
  const page = await context.newPage();
  await page.goto(webUrl());
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Chats' }).waitFor();
  await waitOnline(page);
  return { context, page };
}

export const waitOnline = (page: Page) => page.locator('.connection.online').waitFor({ timeout: 30_000 });

export const chatLink = (page: Page, chatId: string) => page.locator(`li[data-chat-id="${chatId}"] a`);

export async function openChat(page: Page, chatId: string): Promise<void> {
  await chatLink(page, chatId).click();
  await page.locator('.messages').waitFor();
  await page.locator('.messages [role="status"]').waitFor({ state: 'detached' });
}

/** Type and send; resolves once the message shows as sent (not pending). */
export async function send(page: Page, text: string, { confirmed = true } = {}): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  if (confirmed) await sentMessage(page, text).waitFor();
}

export const sentMessage = (page: Page, text: string) =>
  page.locator('li.message[data-status="sent"] .text', {
    hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  });

/** The texts of the sent (not pending) text messages shown, in order. */
export const shownTexts = (page: Page) =>
  page.locator('li.message[data-status="sent"] .text').allTextContents();

/** Wait until `texts` all show (as sent); then check each shows exactly once and in this order. */
export async function expectExactlyOnceInOrder(page: Page, texts: string[], timeout = 30_000): Promise<void> {
  await waitUntil(async () => {
    const shown = await shownTexts(page);
    return texts.every((t) => shown.includes(t)) && (await page.locator('li.outgoing').count()) === 0;
  }, timeout);
  const shown = (await shownTexts(page)).filter((t) => texts.includes(t));
  expect(shown).toEqual(texts);
}
