/**
 * The set-up every browser test file shares: the local stack's relay started and the Functions emulator
 * warmed, one Chromium, and every page signed in during the file closed at the end.
 */
import { afterAll, beforeAll, jest } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './chromium';
import { newContext, signIn, type SignedIn } from './pages';
import { TestStack } from './stack';

export interface BrowserSuite {
  readonly stack: TestStack;
  readonly browser: Browser;
  /** A browser context whose pages use this file's relay (see `TestStack.relayUrl`); the caller closes it. */
  newContext(): Promise<BrowserContext>;
  /** Signs `user` in on a new page, closed with the suite. */
  signedIn(user: Parameters<typeof signIn>[1]): Promise<SignedIn>;
}

/** Call once at the top of a test file: registers the hooks, and the returned suite is ready in each test. */
export function browserSuite(): BrowserSuite {
  jest.setTimeout(180_000);
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  const opened: SignedIn[] = [];
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined)
      throw new Error(`The browser suite's ${name} is not started (beforeAll failed?).`);
    return value;
  };

  beforeAll(async () => {
    stack = new TestStack();
    await Promise.all([stack.startRelay(), stack.warmUp()]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(opened.map((session) => session.context.close()));
    await browser?.close();
    await stack?.close();
  });

  return {
    get stack() {
      return ready(stack, 'stack');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    newContext() {
      return newContext(ready(browser, 'browser'), ready(stack, 'stack').relayUrl);
    },
    async signedIn(user) {
      const session = await signIn(ready(browser, 'browser'), user, ready(stack, 'stack').relayUrl);
      opened.push(session);
      return session;
    },
  };
}
