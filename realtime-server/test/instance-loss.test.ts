import type { ChatJoined } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis';
import { REQUESTS_TIMEOUT_MS } from '../src/redis';
import { startRelayProcess } from './relay-process';
import {
  Harness,
  collect,
  eventually,
  ok,
  sleep,
  testConfig,
  type ChatClient,
  type RunningRelay,
} from './support';

type Presence = { chatId: string; uid: string; online: boolean };

/**
 * Relay instances that die: instance two runs in a child process and is killed (SIGKILL) or frozen
 * (SIGSTOP) without any cleanup; the others run in this process and watch.
 */
describe('When a relay instance dies', () => {
  const { presenceHeartbeatMs, presencePeerTimeoutMs } = testConfig();
  let redis: RunningRedis;
  let h: Harness;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let chatId: string;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  beforeEach(async () => {
    h = new Harness();
    [alice, bob, carol] = await Promise.all([h.newUser(), h.newUser(), h.newUser()]);
    chatId = await h.groupChat(alice, [bob, carol]);
  });
  afterEach(() => h.cleanup());

  const startRelay = () => h.startRelay({ REDIS_URL: redis.url });
  const about = (uid: string, seen: Presence[]) => seen.filter((p) => p.uid === uid);
  const offline = (uid: string): Presence => ({ chatId, uid, online: false });
  const joinTimed = async (socket: ChatClient) => {
    const started = Date.now();
    const joined = await ok<ChatJoined>(socket, 'chat:join', { chatId });
    return { online: [...joined.online].sort(), ms: Date.now() - started };
  };
  const lostPeer = (relay: RunningRelay, reason: string) =>
    relay.logs.some((entry) => entry.message.startsWith(`Peer instance lost (${reason})`));

  it('then each client on every survivor hears once that its users went offline, and joins list only live users', async () => {
    const [one, three] = await Promise.all([startRelay(), startRelay()]);
    const two = await startRelayProcess(h, { REDIS_URL: redis.url });
    const a = await h.chat(one.relay, alice.idToken);
    const c = await h.chat(three.relay, carol.idToken);
    const atAlice = collect<Presence>(a, 'presence');
    const atCarol = collect<Presence>(c, 'presence');
    await ok(a, 'chat:join', { chatId });
    await ok(c, 'chat:join', { chatId });
    const b = await h.chat(two, bob.idToken);
    await ok(b, 'chat:join', { chatId });
    await eventually(() => expect(about(bob.uid, atAlice)).toEqual([{ chatId, uid: bob.uid, online: true }]));
    await eventually(() => expect(about(bob.uid, atCarol)).toEqual([{ chatId, uid: bob.uid, online: true }]));

    await two.signal('SIGKILL');
    // Before the peers notice: Redis dropped the dead instance's connections, so nobody waits for it.
    const early = await joinTimed(await h.chat(one.relay, alice.idToken));
    expect(early.online).toEqual([alice.uid, carol.uid].sort());
    expect(early.ms).toBeLessThan(REQUESTS_TIMEOUT_MS);

    await eventually(() => expect(about(bob.uid, atAlice)).toHaveLength(2), 4 * presencePeerTimeoutMs);
    await eventually(() => expect(about(bob.uid, atCarol)).toHaveLength(2), 4 * presencePeerTimeoutMs);
    // Room for a duplicate to arrive, if one were coming: a few more heartbeats and sweeps.
    await sleep(4 * presenceHeartbeatMs);
    expect(about(bob.uid, atAlice)[1]).toEqual(offline(bob.uid));
    expect(about(bob.uid, atCarol)[1]).toEqual(offline(bob.uid));
    expect(about(bob.uid, atAlice)).toHaveLength(2);
    expect(about(bob.uid, atCarol)).toHaveLength(2);
    expect(lostPeer(one, 'silent') && lostPeer(three, 'silent')).toBe(true);

    const late = await joinTimed(await h.chat(one.relay, carol.idToken));
    expect(late.online).toEqual([alice.uid, carol.uid].sort());
    expect(late.ms).toBeLessThan(REQUESTS_TIMEOUT_MS);
  });

  it('then a user who also has a socket on a survivor stays online, until that socket leaves too', async () => {
    const one = await startRelay();
    const two = await startRelayProcess(h, { REDIS_URL: redis.url });
    const a = await h.chat(one.relay, alice.idToken);
    const atAlice = collect<Presence>(a, 'presence');
    await ok(a, 'chat:join', { chatId });
    const b2 = await h.chat(two, bob.idToken);
    await ok(b2, 'chat:join', { chatId });
    const b1 = await h.chat(one.relay, bob.idToken);
    await ok(b1, 'chat:join', { chatId });
    await eventually(() => expect(about(bob.uid, atAlice)).toEqual([{ chatId, uid: bob.uid, online: true }]));

    await two.signal('SIGKILL');
    await eventually(() => expect(lostPeer(one, 'silent')).toBe(true), 4 * presencePeerTimeoutMs);
    await sleep(4 * presenceHeartbeatMs); // several sweeps
    expect(about(bob.uid, atAlice)).toHaveLength(1);

    await ok(b1, 'chat:leave', { chatId });
    await eventually(() => expect(about(bob.uid, atAlice)).toHaveLength(2));
    expect(about(bob.uid, atAlice)[1]).toEqual(offline(bob.uid));
  });

  it('then, when it froze instead and Redis still counts it, survivors announce its users offline, and online again when it thaws', async () => {
    const one = await startRelay();
    const two = await startRelayProcess(h, { REDIS_URL: redis.url });
    const a = await h.chat(one.relay, alice.idToken);
    const atAlice = collect<Presence>(a, 'presence');
    await ok(a, 'chat:join', { chatId });
    const b = await h.chat(two, bob.idToken);
    await ok(b, 'chat:join', { chatId });
    await eventually(() => expect(about(bob.uid, atAlice)).toHaveLength(1));

    await two.signal('SIGSTOP');
    // Its subscription is still open, so a question to every instance waits for it, once, and then goes on.
    const frozen = await joinTimed(await h.chat(one.relay, carol.idToken));
    expect(frozen.online).toEqual([alice.uid, carol.uid].sort());
    expect(frozen.ms).toBeLessThan(REQUESTS_TIMEOUT_MS + 1000);
    await eventually(
      () => expect(about(bob.uid, atAlice)[1]).toEqual(offline(bob.uid)),
      4 * presencePeerTimeoutMs + REQUESTS_TIMEOUT_MS,
    );

    await two.signal('SIGCONT');
    await eventually(() =>
      expect(about(bob.uid, atAlice).slice(2)).toEqual([{ chatId, uid: bob.uid, online: true }]),
    );
    expect(b.connected).toBe(true);
  });

  it('then, when it shut down cleanly, its goodbye has the survivors announce offline the users who did not come back', async () => {
    const [one, two] = await Promise.all([startRelay(), startRelay()]);
    const a = await h.chat(one.relay, alice.idToken);
    const atAlice = collect<Presence>(a, 'presence');
    await ok(a, 'chat:join', { chatId });
    const b = await h.chat(two.relay, bob.idToken); // without reconnection: bob does not come back
    await ok(b, 'chat:join', { chatId });
    await eventually(() => expect(about(bob.uid, atAlice)).toHaveLength(1));

    await two.close();
    await eventually(() => expect(about(bob.uid, atAlice)).toHaveLength(2), presencePeerTimeoutMs);
    expect(about(bob.uid, atAlice)[1]).toEqual(offline(bob.uid));
    expect(lostPeer(one, 'goodbye')).toBe(true);
    await sleep(4 * presenceHeartbeatMs);
    expect(about(bob.uid, atAlice)).toHaveLength(2);
  });
});
