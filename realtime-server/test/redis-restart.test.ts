/**
 * Redis stopped and restarted under two running relay instances: messages keep flowing (they come from
 * each instance's own Firestore listener, not through Redis), `/healthz` says degraded while Redis is gone
 * and ok after, and presence and typing cross instances again once it is back.
 */
import type { ChatJoined, Message } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis';
import { Harness, collect, eventually, next, ok, type RunningRelay } from './support';

type Presence = { chatId: string; uid: string; online: boolean };

async function health(relay: RunningRelay): Promise<string> {
  const res = await fetch(`${relay.relay.url}/healthz`);
  return ((await res.json()) as { status: string }).status;
}

describe('When Redis stops and restarts mid-run', () => {
  let redis: RunningRedis;
  let h: Harness;

  beforeEach(async () => {
    h = new Harness();
    redis = await startRedis();
    h.defer(() => redis.stop());
  });
  afterEach(() => h.cleanup());

  it('then messages keep flowing, /healthz is degraded while it is gone and ok after, and presence recovers', async () => {
    const [one, two] = await Promise.all([
      h.startRelay({ REDIS_URL: redis.url }),
      h.startRelay({ REDIS_URL: redis.url }),
    ]);
    const [alice, bob, carol]: TestUser[] = await Promise.all([
      h.newUser({ welcome: false }),
      h.newUser({ welcome: false }),
      h.newUser({ welcome: false }),
    ]);
    const chatId = await h.groupChat(alice!, [bob!, carol!]);
    const a = await h.chat(one.relay, alice!.idToken);
    const b = await h.chat(two.relay, bob!.idToken);
    await ok(a, 'chat:join', { chatId });
    await ok(b, 'chat:join', { chatId });
    const atAlice = collect<Message>(a, 'message:new');
    const atBob = collect<Message>(b, 'message:new');
    const presenceAtAlice = collect<Presence>(a, 'presence');

    await redis.stop();
    const down = Date.now();
    await eventually(async () =>
      expect([await health(one), await health(two)]).toEqual(['degraded', 'degraded']),
    );
    const degradedAfter = Date.now() - down;

    const whileDown: Message[] = [];
    for (let i = 0; i < 5; i += 1) whileDown.push(await h.send(i % 2 ? alice! : bob!, chatId, `down-${i}`));
    const ids = whileDown.map((m) => m.id);
    await eventually(() => expect(atAlice.map((m) => m.id)).toEqual(ids));
    await eventually(() => expect(atBob.map((m) => m.id)).toEqual(ids));
    expect([await health(one), await health(two)]).toEqual(['degraded', 'degraded']);

    redis = await startRedis(redis.port);
    const back = Date.now();
    await eventually(
      async () => expect([await health(one), await health(two)]).toEqual(['ok', 'ok']),
      30_000,
    );
    const okAfter = Date.now() - back;

    // Presence and typing cross instances again: carol joins on instance two, alice on one hears it.
    await eventually(async () => {
      const c = await h.chat(two.relay, carol!.idToken);
      try {
        const joined = await ok<ChatJoined>(c, 'chat:join', { chatId });
        expect([...joined.online].sort()).toEqual([alice!.uid, bob!.uid, carol!.uid].sort());
        await eventually(() =>
          expect(presenceAtAlice).toContainEqual({ chatId, uid: carol!.uid, online: true }),
        );
        const typing = next(a, 'typing', 5_000);
        await ok(c, 'typing', { chatId, typing: true });
        expect(await typing).toEqual({ chatId, uid: carol!.uid, typing: true });
      } finally {
        c.disconnect();
      }
    }, 30_000);

    const after = await h.send(carol!, chatId, 'after');
    await eventually(() => expect(atAlice.map((m) => m.id)).toEqual([...ids, after.id]));
    await eventually(() => expect(atBob.map((m) => m.id)).toEqual([...ids, after.id]));
    process.stdout.write(
      `Redis restart: degraded ${degradedAfter} ms after the stop, ok ${okAfter} ms after the restart; ` +
        `${ids.length + 1} messages sent, delivered ${atAlice.length} + ${atBob.length}, lost 0, duplicated 0\n`,
    );
  }, 120_000);

  // node-redis rejects a command queued while Redis is away after its 5 s command timeout, and the adapter
  // drops the promise of every publish. The relay runs in this process, so Jest fails the test on such an
  // unhandled rejection: it did, with a TimeoutError, before the relay caught them.
  it('then a broadcast made while it is gone is logged as lost, never an unhandled rejection', async () => {
    const one = await h.startRelay({ REDIS_URL: redis.url });
    const { logs } = one;
    const [alice, bob]: TestUser[] = await Promise.all([
      h.newUser({ welcome: false }),
      h.newUser({ welcome: false }),
    ]);
    const chatId = await h.groupChat(alice!, [bob!]);
    const a = await h.chat(one.relay, alice!.idToken);
    await ok(a, 'chat:join', { chatId });

    await redis.stop();
    await eventually(async () => expect(await health(one)).toBe('degraded'));
    await ok(a, 'typing', { chatId, typing: true }); // a broadcast through Redis, which is gone
    const failed = (entry: { message?: unknown }) => String(entry.message).startsWith('Redis publish failed');
    await eventually(() => expect(logs.filter(failed)).toHaveLength(1), 20_000);

    redis = await startRedis(redis.port);
    await eventually(
      () =>
        expect(logs.map((entry) => entry.message)).toContainEqual(
          expect.stringMatching(/^Redis is back; [1-9]\d* broadcasts to other instances were lost$/),
        ),
      30_000,
    );
  }, 120_000);
});
