/**
 * The admin panel (`/admin`, react-admin over the admin API) in real Chromium against the local stack:
 * carol (an admin) moderates a message alice and bob have open, sends alice an announcement and disables
 * bob, and each shows on the other screens live; the audit log lists all three; alice, not an admin, gets
 * nothing. axe checks the panel's list and detail views.
 */
import { describe, expect, it } from '@jest/globals';
import type { Page, WebSocket } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/chromium';
import { browserSuite } from './support/browser-suite';
import { openChat, send, sentMessage, waitUntil } from './support/pages';
import { PASSWORD, webUrl, type TestUser } from './support/stack';

const suite = browserSuite();

const adminUrl = (path = '') => `${webUrl()}/admin${path}`;

/** carol signs in on the panel's own sign-in form and lands on the users list. */
async function signInToPanel(user: TestUser): Promise<Page> {
  const context = await suite.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(adminUrl());
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  try {
    // The admin check and the first list are two Functions emulator requests: slow on a busy machine.
    await page.locator('table tbody tr').first().waitFor({ timeout: 120_000 });
  } catch (error) {
    // Say what the panel showed instead, so a failure here can be read from the run alone.
    const shown = (await page.innerText('body').catch(() => '(no body)')).slice(0, 600);
    throw new Error(
      `${String(error)}\nThe panel showed: ${shown}\nBrowser errors: ${problems.join(' | ') || 'none'}`,
    );
  }
  return page;
}

/** Confirm the dialog a destructive button opened. */
async function confirm(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
}

/** Every WebSocket the page opens from now on, to see the relay close them. */
function watchSockets(page: Page): { sockets: WebSocket[]; closedAt: Map<WebSocket, number> } {
  const sockets: WebSocket[] = [];
  const closedAt = new Map<WebSocket, number>();
  page.on('websocket', (ws) => {
    sockets.push(ws);
    ws.on('close', () => closedAt.set(ws, Date.now()));
  });
  return { sockets, closedAt };
}

describe('When carol runs the admin panel while alice and bob chat', () => {
  it('then moderation, an announcement and disabling bob reach their screens live, and the audit log lists all three with carol as actor', async () => {
    const [alice, bob, plainCarol] = await Promise.all(
      ['alice', 'bob', 'carol'].map((n) => suite.stack.user(n)),
    );
    const carol = await suite.stack.makeAdmin(plainCarol!);
    const chatId = await suite.stack.directChat(alice!, bob!);
    const a = await suite.signedIn(alice!);
    const b = await suite.signedIn(bob!);
    // bob's sockets are watched from a fresh load (the session persists), so every one of them is seen.
    const bobSockets = watchSockets(b.page);
    await b.page.reload();
    await b.page.locator('.connection.online').waitFor({ timeout: 30_000 });
    await openChat(a.page, chatId);
    await openChat(b.page, chatId);
    await send(a.page, 'Please remove this');
    await sentMessage(b.page, 'Please remove this').waitFor();
    // /chat and /notifications share one connection (Socket.IO multiplexes namespaces).
    expect(bobSockets.sockets.length).toBeGreaterThanOrEqual(1);

    const c = await signInToPanel(carol);
    await screenshot(c, 'admin-users');

    // Moderation: the chat's detail view, its message, "Moderate", confirm.
    await c.goto(adminUrl(`/chats/${chatId}/show`));
    const row = c.locator('tr', { hasText: 'Please remove this' });
    await row.getByRole('button', { name: 'Moderate' }).click();
    await confirm(c);
    for (const page of [a.page, b.page]) {
      await page
        .locator('li.message .text[data-moderated="true"]', { hasText: 'Removed by moderation' })
        .waitFor({ timeout: 10_000 });
      // The conversation no longer shows it. Copies made before the moderation are not rewritten (one stays
      // on the page outside the conversation): a known gap, named in the README's admin panel section.
      expect(await page.locator('li.message', { hasText: 'Please remove this' }).count()).toBe(0);
    }
    await screenshot(b.page, 'admin-moderated-bob');
    await c.getByText('Removed by moderation', { exact: true }).waitFor();
    await screenshot(c, 'admin-chat');

    // An announcement to alice, with her inbox open.
    await a.page.getByRole('button', { name: /Notifications/ }).click();
    await c.getByRole('menuitem', { name: 'Announcements' }).click();
    await c.getByLabel('Title').fill('Maintenance tonight');
    await c.getByLabel('Body').fill('The chat restarts at 22:00.');
    await c.getByRole('textbox', { name: /^To/ }).fill(alice!.uid);
    await c.getByRole('button', { name: 'Save' }).click();
    await a.page
      .getByRole('complementary', { name: 'Notifications' })
      .locator('li', { hasText: 'Maintenance tonight' })
      .waitFor({ timeout: 20_000 });
    await screenshot(a.page, 'admin-announcement-alice');

    // Find bob by his email, open him, disable him.
    await c.getByRole('menuitem', { name: 'Users' }).click();
    await c.getByPlaceholder('Starts with…').fill(bob!.email);
    const bobRow = c.locator('table tbody tr', { hasText: bob!.uid });
    await bobRow.waitFor();
    // The search runs once typing pauses: until then the unfiltered list, bob's row included, stays.
    await c.waitForFunction("document.querySelectorAll('table tbody tr').length === 1");
    expect(await c.locator('table tbody tr').count()).toBe(1);
    await bobRow.click();
    await c.getByRole('button', { name: 'Disable account' }).click();
    const disabled = c.waitForResponse((r) => r.url().endsWith(`/admin/users/${bob!.uid}/disable`));
    const clickedAt = Date.now();
    await confirm(c);
    const answeredAt = await disabled.then((r) => {
      expect(r.status()).toBe(200);
      return Date.now();
    });
    await b.page.getByTestId('session-ended').filter({ hasText: 'disabled' }).waitFor({ timeout: 10_000 });
    const signedOutAt = Date.now();
    await b.page.getByLabel('Password').waitFor();
    const open = () => bobSockets.sockets.filter((ws) => !ws.isClosed());
    const deadline = Date.now() + 10_000;
    while (open().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(open()).toHaveLength(0);
    const socketsClosedAt = Math.max(...bobSockets.closedAt.values());
    console.log(
      `disable → bob: API answered ${answeredAt - clickedAt} ms after the click; page signed out ` +
        `${signedOutAt - clickedAt} ms and every socket closed ${socketsClosedAt - clickedAt} ms after it`,
    );
    // The 2 s run from the disable committing (the API's answer follows the commit).
    expect(signedOutAt - answeredAt).toBeLessThanOrEqual(2000);
    expect(socketsClosedAt - answeredAt).toBeLessThanOrEqual(2000);
    await screenshot(b.page, 'admin-disabled-bob');
    await c.getByRole('button', { name: 'Enable account' }).waitFor();
    await screenshot(c, 'admin-user-bob');

    // The audit log, filtered to carol: the three actions, each with carol as actor.
    await c.getByRole('menuitem', { name: 'Audit log' }).click();
    await c.getByLabel('Actor (user id)').fill(carol.uid);
    const rows = c.locator('table tbody tr');
    // Unfiltered, carol's three are the newest too: wait for the filter to leave exactly hers.
    await waitUntil(
      async () =>
        (await rows.allTextContents()).every((t) => t.includes(carol.uid)) && (await rows.count()) === 3,
      30_000,
      "the audit log filtered to carol's actions",
    );
    const texts = await rows.allTextContents();
    for (const action of ['message.moderate', 'announcement.send', 'user.disable']) {
      expect(texts.filter((t) => t.includes(action))).toHaveLength(1);
    }
    await screenshot(c, 'admin-audit');

    // alice, not an admin, opens the panel: the API refuses, the page shows no data.
    const refused = a.page.waitForResponse((r) => /\/admin\/users\?/.test(r.url()));
    await a.page.goto(adminUrl());
    expect((await refused).status()).toBe(403);
    await a.page.getByRole('heading', { name: 'Not an admin' }).waitFor();
    expect(await a.page.locator('table').count()).toBe(0);
    expect(await a.page.getByTestId('not-admin').textContent()).toContain('403 permission-denied');
    await screenshot(a.page, 'admin-not-admin');
  });
});

describe('When axe checks the panel and carol opens the relay live view', () => {
  it('then lists and detail views have no serious or critical violation, and the live view lists the relay with carol in it', async () => {
    const [alice, bob, plainCarol] = await Promise.all(
      ['alice', 'bob', 'carol'].map((n) => suite.stack.user(n)),
    );
    const carol = await suite.stack.makeAdmin(plainCarol!);
    const chatId = await suite.stack.directChat(alice!, bob!);
    await suite.stack.services.messages.send(alice!, chatId, { text: 'Accessible hello' });
    const c = await signInToPanel(carol);

    const found: string[] = [];
    const check = async (path: string, ready: string) => {
      await c.goto(adminUrl(path));
      await c.getByText(ready).first().waitFor();
      // Lists fade while they load: check the page as it settles, not half-loaded.
      await c.waitForLoadState('networkidle');
      found.push(...(await seriousViolations(c)).map((v) => `${path}: ${v}`));
    };
    await check('/users', 'Search by');
    await check(`/users/${bob!.uid}/show`, 'Their chats');
    await check(`/users/${bob!.uid}`, 'Display name');
    await check('/chats', 'Last activity');
    await check(`/chats/${chatId}/show`, 'Accessible hello');
    await check('/audit', 'Audit log');
    await check('/announcements', 'Send an announcement');
    await check('/relay', 'Relay instances');
    expect(found).toEqual([]);

    // The panel itself opens no socket: alice signing in to the chat app (two sockets) moves the figures.
    const before = await liveSockets(c);
    await suite.signedIn(alice!);
    await waitUntil(
      async () => (await liveSockets(c)) >= before + 2,
      15_000,
      'the live view to count her sockets',
    );
    await screenshot(c, 'admin-relay');
  });
});

/** The /chat and /notifications sockets the live view reports, summed over instances. */
async function liveSockets(page: Page): Promise<number> {
  const cells = await page
    .locator('table[aria-label="Relay instances"] tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].slice(1, 3).map((td) => Number(td.textContent))),
    );
  return cells.flat().reduce((sum, n) => sum + n, 0);
}
