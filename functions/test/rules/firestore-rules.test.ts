/**
 * firestore.rules: clients never read or write Firestore directly (the API and the relay use the Admin
 * SDK, which rules do not apply to). Evaluating rules needs the official Firestore emulator; our Node
 * emulator does not evaluate them. `npm test` says which one runs in FIRESTORE_EMULATOR_KIND, and these
 * tests run when it is `official` (the GitHub workflow's official-emulator job, or locally with Java 21+
 * and `FIRESTORE_EMULATOR=official npm test`). Otherwise they are skipped, saying so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  assertFails,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';

const RULES_FILE = path.resolve(__dirname, '..', '..', '..', 'firestore.rules');
const rules = readFileSync(RULES_FILE, 'utf8');
const kind = process.env.FIRESTORE_EMULATOR_KIND;
const official = kind === 'official';

describe('firestore.rules, as text', () => {
  it('when the rules are read, then the one allow statement denies every read and write', () => {
    const allows = rules.match(/\ballow\b[^;]*;/g) ?? [];
    expect(allows).toEqual(['allow read, write: if false;']);
    expect(rules).toMatch(/match \/\{document=\*\*\}/);
  });
});

if (!official) {
  console.warn(
    `SKIPPED: the security rules tests (functions/test/rules) need the official Firestore emulator, which ` +
      `evaluates rules; this run uses "${kind ?? 'an unknown emulator'}" (FIRESTORE_EMULATOR_KIND). They run in ` +
      `the GitHub workflow's official-emulator job, or here with Java 21+: FIRESTORE_EMULATOR=official npm test.`,
  );
}
// Skipped with the reason printed above when the official emulator is not the one running.
const describeWithRules = official ? describe : describe.skip;

describeWithRules('firestore.rules, evaluated by the official emulator', () => {
  // The web SDK's first connection to the emulator and its many denied calls take well over Jest's 5 s on a
  // busy machine.
  jest.setTimeout(120_000);
  let env: RulesTestEnvironment;
  const [host, port] = (process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080').split(':');

  beforeAll(async () => {
    env = await initializeTestEnvironment({
      // A project of its own, so loading these rules and clearing data touches no other suite.
      projectId: 'demo-chat-rules',
      firestore: { rules, host: host ?? '127.0.0.1', port: Number(port) },
    });
    await env.withSecurityRulesDisabled(async (admin) => {
      const db = admin.firestore();
      await db.doc('users/alice').set({ displayName: 'Alice' });
      await db.doc('users/alice/notifications/welcome').set({ type: 'welcome', readAt: null });
      await db.doc('chats/c1').set({ type: 'group', title: 'T', memberIds: ['alice', 'bob'] });
      await db.doc('chats/c1/members/alice').set({ role: 'owner' });
      await db.doc('chats/c1/messages/m1').set({ senderId: 'alice', text: 'hi' });
      await db.doc('rateLimits/ip_x_0').set({ hits: 1 });
    });
  });
  afterAll(async () => {
    await env.clearFirestore();
    await env.cleanup();
  });

  const paths = [
    'users/alice',
    'users/alice/notifications/welcome',
    'chats/c1',
    'chats/c1/members/alice',
    'chats/c1/messages/m1',
    'chats/c1/fanouts/m1_0',
    'rateLimits/ip_x_0',
  ];

  async function expectNoAccess(ctx: RulesTestContext): Promise<void> {
    const db = ctx.firestore();
    for (const docPath of paths) {
      await assertFails(db.doc(docPath).get());
      await assertFails(db.doc(docPath).set({ forged: true }));
      await assertFails(db.doc(docPath).update({ forged: true }));
      await assertFails(db.doc(docPath).delete());
    }
    await assertFails(db.collection('chats').where('memberIds', 'array-contains', 'alice').get());
    await assertFails(db.collection('chats/c1/messages').add({ senderId: 'alice', text: 'forged' }));
    await assertFails(db.collectionGroup('notifications').get());
  }

  it('when a signed-out client reads or writes anything, then it is denied', async () => {
    await expectNoAccess(env.unauthenticatedContext());
  });

  it('when the signed-in owner of the data reads or writes it directly, then it is denied', async () => {
    await expectNoAccess(env.authenticatedContext('alice', { email: 'alice@example.com' }));
  });

  it('when an app admin reads or writes directly, then it is denied too', async () => {
    await expectNoAccess(env.authenticatedContext('carol', { admin: true }));
  });
});
