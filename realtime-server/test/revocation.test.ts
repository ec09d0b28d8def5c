/**
 * Revoking or disabling a user through our API reaches their live sockets on every instance at once: the
 * admin operation writes a revocation record that each instance hears with one Firestore listener. The
 * relays here poll Auth only every 60 s (production's interval), so a socket closed well within that (a
 * quarter of it, the bound below: margin for a loaded machine) was closed by the record. The time it took
 * is printed; how fast it is belongs to `npm run bench:relay`, not to a pass/fail bound here.
 */
import {
  createServices,
  type AccountService,
  type Ack,
  type AdminCaller,
  type ServerGoodbye,
} from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis';
import { Harness, call, next, ok, sleep, type ChatClient, type RunningRelay } from './support';

const POLL_MS = '60000';
/** Far below the poll: only the revocation record can have closed a socket this soon. */
const RECORD_BOUND_MS = Number(POLL_MS) / 4;
const admin: AdminCaller = {
  auth: { uid: 'test-admin', email: null, admin: true },
  requestId: 'revocation-test',
};

/** Resolves with the time the socket closed, measured from `since`. */
function closedAfter(socket: ChatClient, since: () => number): Promise<number> {
  return new Promise((resolve) => socket.once('disconnect', () => resolve(Date.now() - since())));
}

describe('Revocation through the API, on two relay instances', () => {
  let redis: RunningRedis;
  let h: Harness;
  let one: RunningRelay;
  let two: RunningRelay;
  let accounts: AccountService;
  let bob: TestUser;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  beforeEach(async () => {
    h = new Harness();
    const relayEnv = { REDIS_URL: redis.url, REVOCATION_CHECK_MS: POLL_MS };
    [one, two] = await Promise.all([h.startRelay(relayEnv), h.startRelay(relayEnv)]);
    accounts = createServices(h.db, h.auth).accounts;
    bob = await h.newUser();
  });
  afterEach(() => h.cleanup());

  it('when an admin disables a user, then their sockets on both instances close long before the Auth poll could', async () => {
    const sockets = [
      await h.chat(one.relay, bob.idToken),
      await h.chat(two.relay, bob.idToken),
      await h.chat(two.relay, bob.idToken),
    ];
    const goodbyes = sockets.map((s) => next<ServerGoodbye>(s, 'server:goodbye', RECORD_BOUND_MS));
    let started = 0;
    const closes = sockets.map((s) => closedAfter(s, () => started));
    started = Date.now();
    await accounts.setDisabled(admin, bob.uid, true);
    const times = await Promise.all(closes);
    for (const goodbye of await Promise.all(goodbyes)) expect(goodbye.code).toBe('user-disabled');
    process.stdout.write(`disable → socket close on two instances: ${times.join(', ')} ms\n`);
    expect(Math.max(...times)).toBeLessThan(RECORD_BOUND_MS);

    // A disabled user cannot come back.
    await expect(h.chat(one.relay, bob.idToken)).rejects.toMatchObject({
      data: { code: 'user-disabled' },
    });
  });

  it('when an admin revokes a user, then their sockets on both instances close long before the Auth poll could', async () => {
    const sockets = [await h.chat(one.relay, bob.idToken), await h.chat(two.relay, bob.idToken)];
    const goodbyes = sockets.map((s) => next<ServerGoodbye>(s, 'server:goodbye', RECORD_BOUND_MS));
    let started = 0;
    const closes = sockets.map((s) => closedAfter(s, () => started));
    // auth_time and tokensValidAfterTime have one-second resolution: a revocation in the sign-in's second
    // would not cover the token.
    await sleep(1_100);
    started = Date.now();
    await accounts.revokeSessions(admin, bob.uid);
    const times = await Promise.all(closes);
    for (const goodbye of await Promise.all(goodbyes)) expect(goodbye.code).toBe('token-revoked');
    process.stdout.write(`revoke → socket close on two instances: ${times.join(', ')} ms\n`);
    expect(Math.max(...times)).toBeLessThan(RECORD_BOUND_MS);
  });

  it('when a revoked socket sends right after the revocation, then the send is refused and nothing is written', async () => {
    const alice = await h.newUser();
    const chatId = await h.groupChat(alice, [bob]);
    const socket = await h.chat(two.relay, bob.idToken);
    await ok(socket, 'chat:join', { chatId });
    await sleep(1_100);
    await accounts.revokeSessions(admin, bob.uid);
    await sleep(1_000);
    const answer: Ack<unknown> | 'closed' = socket.connected
      ? await call(socket, 'message:send', { chatId, text: 'still here?', clientMessageId: 'late-1' })
      : 'closed';
    if (answer !== 'closed') expect(answer).toMatchObject({ ok: false, error: { code: 'token-revoked' } });
    const page = await h.services.messages.list(h.as(alice), chatId, { limit: 50 });
    expect(page.messages.map((m) => m.text)).not.toContain('still here?');
  });

  it('when a user is disabled outside our API, then the sockets still close at the next poll', async () => {
    const fast = await h.startRelay({ REDIS_URL: redis.url, REVOCATION_CHECK_MS: '300' });
    const socket = await h.chat(fast.relay, bob.idToken);
    const goodbye = next<ServerGoodbye>(socket, 'server:goodbye', 5_000);
    await h.auth.updateUser(bob.uid, { disabled: true });
    expect((await goodbye).code).toBe('user-disabled');
  });

  it('when a non-admin calls the admin operations, then permission-denied and the account is unchanged', async () => {
    await expect(
      accounts.setDisabled({ auth: h.as(bob), requestId: 'r' }, bob.uid, true),
    ).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await expect(accounts.revokeSessions({ auth: h.as(bob), requestId: 'r' }, bob.uid)).rejects.toMatchObject(
      {
        code: 'permission-denied',
      },
    );
    expect((await h.auth.getUser(bob.uid)).disabled).toBe(false);
  });
});
