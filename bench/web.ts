/**
 * Benchmark of the web app in real Chromium against a running local stack (`npm start`):
 *   - navigation → conversation rendered: a signed-in tab opens `/chats/{id}` (a full page load) until the
 *     messages show; NAVIGATIONS times (default 20); budget 1.5 s;
 *   - send → the other tab's screen: SENDERS tabs (default 4, so no user nears the per-user send limit)
 *     take turns to send MESSAGES (default 200) messages in a group, one at a time; the receiving tab
 *     stamps each when it appears in its DOM (both clocks are this machine's);
 *   - beside it, in the same run, the relay's own commit → client: a Node relay client in the same group
 *     stamps each message on arrival against its server commit time.
 * Prints p50/p99 and writes bench/results/web-*.json.
 *
 *   STACK_PORT_OFFSET=0 npx tsx bench/web.ts      (the offset `npm start` ran with; CHROMIUM_PATH overrides)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { launchChromium } from '../web/test/support/chromium';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { createServices } from '@chat/core';
import { RelayClient } from '@chat/client';
import { hostPort, stackPorts } from '../scripts/lib/stack-ports';
import { localRelayUrl } from '../scripts/lib/relay';
import { signIn as emulatorSignIn } from '../scripts/lib/auth-emulator';

const ROOT = path.resolve(__dirname, '..');
const OFFSET = Number(process.env.STACK_PORT_OFFSET ?? 0);
const NAVIGATIONS = Number(process.env.NAVIGATIONS ?? 20);
const MESSAGES = Number(process.env.MESSAGES ?? 200);
const SENDERS = Number(process.env.SENDERS ?? 4);
const PASSWORD = 'bench-password';

const ports = stackPorts(ROOT, OFFSET);
const WEB_URL = `http://${hostPort(ports.hosting)}`;
process.env.FIRESTORE_EMULATOR_HOST = hostPort(ports.firestore);
process.env.FIREBASE_AUTH_EMULATOR_HOST = hostPort(ports.auth);
const PROJECT_ID = 'demo-chat';

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { n: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? NaN) };
}

async function signIn(page: Page, email: string) {
  await page.goto(WEB_URL);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('.connection.online').waitFor({ timeout: 30_000 });
}

async function main() {
  if (
    !(await fetch(WEB_URL).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    throw new Error(
      `No web app at ${WEB_URL}: start the stack first (npm start), with the same STACK_PORT_OFFSET.`,
    );
  }
  const app = initializeApp({ projectId: PROJECT_ID }, 'bench-web');
  const services = createServices(getFirestore(app), getAuth(app));
  const run = randomBytes(3).toString('hex');
  const makeUser = async (name: string) => {
    const uid = `bench-${name}-${run}`;
    const email = `${uid}@example.com`;
    await getAuth(app).createUser({ uid, email, password: PASSWORD, displayName: uid });
    const auth = { uid, email, admin: false };
    await services.users.createProfile(auth, { displayName: uid });
    return auth;
  };
  const receiver = await makeUser('receiver');
  const observer = await makeUser('observer');
  const senders = await Promise.all(Array.from({ length: SENDERS }, (_, i) => makeUser(`sender${i}`)));
  const { chat } = await services.chats.createGroup(senders[0] ?? receiver, 'Bench', [
    receiver.uid,
    observer.uid,
    ...senders.slice(1).map((s) => s.uid),
  ]);
  await services.messages.send(senders[0] ?? receiver, chat.id, { text: 'warm-up' });

  const browser = await launchChromium();
  const open = async (email: string) => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, email);
    await page.goto(`${WEB_URL}/chats/${chat.id}`);
    await page.locator('li.message[data-status="sent"]').first().waitFor({ timeout: 30_000 });
    return page;
  };

  // Navigation → conversation rendered, on an already signed-in tab (Auth state persists in IndexedDB).
  const receiverPage = await open(receiver.email);
  const navigation: number[] = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    const started = Date.now();
    await receiverPage.goto(`${WEB_URL}/chats/${chat.id}`);
    await receiverPage.locator('li.message[data-status="sent"]').first().waitFor({ timeout: 30_000 });
    navigation.push(Date.now() - started);
  }
  await receiverPage.locator('.connection.online').waitFor({ timeout: 30_000 });
  // Page code as a string: this file is type-checked for Node, without the DOM's types.
  await receiverPage.evaluate(`
    window.arrivals = {};
    new MutationObserver(() => {
      document.querySelectorAll('li.message[data-status="sent"] .text').forEach((el) => {
        const text = el.textContent || '';
        if (!(text in window.arrivals)) window.arrivals[text] = Date.now();
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  `);
  const senderPages = [];
  for (const sender of senders) senderPages.push(await open(sender.email));

  // The relay's own figure, in this run: commit (the message's createdAt) → a Node relay client.
  const token = await emulatorSignIn(observer.email, PASSWORD);
  const relay = new RelayClient({ url: localRelayUrl(OFFSET), getToken: async () => token });
  const commitToClient: number[] = [];
  relay.onMessage((m) => {
    if (m.text.startsWith(`bench ${run}`)) commitToClient.push(Date.now() - Date.parse(m.createdAt));
  });
  await relay.join(chat.id);

  const sendToScreen: number[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const page = senderPages[i % senderPages.length] as Page;
    const text = `bench ${run} ${i}`;
    await page.getByLabel('Message', { exact: true }).fill(text);
    const sentAt = Date.now();
    await page.getByLabel('Message', { exact: true }).press('Enter');
    const handle = await receiverPage.waitForFunction(`window.arrivals[${JSON.stringify(text)}]`, undefined, {
      timeout: 60_000,
      polling: 'raf',
    });
    sendToScreen.push(((await handle.jsonValue()) as number) - sentAt);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  relay.close();
  await browser.close();
  await deleteApp(app);

  const report = {
    date: new Date().toISOString(),
    webUrl: WEB_URL,
    navigationToConversationMs: { ...summary(navigation), budgetMs: 1500 },
    sendToOtherTabMs: summary(sendToScreen),
    relayCommitToClientMs: summary(commitToClient),
    senders: SENDERS,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `web-${report.date.replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify(report, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
