/**
 * SIGTERM with sends in flight: the relay process (the built entry point) drains and exits while clients'
 * `message:send`s are on their way. Every acknowledged send must be in Firestore; every unacknowledged one,
 * retried on another instance with its `clientMessageId`, must succeed and leave exactly one message.
 */
import type { Ack, RealtimeMessage } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis';
import { messagesInFirestore } from './chaos-members';
import { startRelayProcess } from './relay-process';
import { Harness, ok, type ChatClient } from './support';

const SENDERS = 4;
const SENDS_EACH = 10;
const GRACE_MS = 3_000;

type Outcome = { key: string; text: string; acked: RealtimeMessage | null };

describe('When a relay instance gets SIGTERM with sends in flight', () => {
  let redis: RunningRedis;
  let h: Harness;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.cleanup());

  it('then every acked send is in Firestore, and every unacked one succeeds on retry, exactly once', async () => {
    const env = { REDIS_URL: redis.url, RATE_LIMIT_SENDS_PER_USER: '0', SHUTDOWN_GRACE_MS: String(GRACE_MS) };
    const [leaving, staying] = await Promise.all([
      startRelayProcess(h, env, { listenTimeoutMs: 60_000 }),
      h.startRelay({ REDIS_URL: redis.url, RATE_LIMIT_SENDS_PER_USER: '0' }),
    ]);
    const users: TestUser[] = [];
    for (let i = 0; i < SENDERS; i += 1) users.push(await h.newUser({ welcome: false }));
    const [owner, ...others] = users as [TestUser, ...TestUser[]];
    const chatId = await h.groupChat(owner, others);
    const sockets = await Promise.all(users.map((u) => h.chat(leaving, u.idToken)));

    // Every send emitted at once, then SIGTERM while they are on their way.
    const outcomes: Array<Promise<Outcome>> = [];
    sockets.forEach((socket: ChatClient, s) => {
      for (let n = 0; n < SENDS_EACH; n += 1) {
        const key = `term-${s}-${n}`;
        const text = `sigterm ${s}/${n}`;
        outcomes.push(
          (
            socket
              .timeout(GRACE_MS + 5_000)
              .emitWithAck('message:send', { chatId, text, clientMessageId: key }) as Promise<
              Ack<RealtimeMessage>
            >
          ).then(
            (answer) => ({ key, text, acked: answer.ok ? answer.data : null }),
            () => ({ key, text, acked: null }),
          ),
        );
      }
    });
    const started = Date.now();
    await leaving.signal('SIGTERM');
    const exitMs = Date.now() - started;
    const results = await Promise.all(outcomes);
    const acked = results.filter((r) => r.acked);
    const unacked = results.filter((r) => !r.acked);

    // Every acked send is in Firestore, under the id its ack gave.
    const before = new Set((await messagesInFirestore(h, chatId)).map((m) => m.id));
    for (const r of acked) expect(before.has(r.acked!.id)).toBe(true);

    // Every unacked send, retried with its key on the instance that stayed, succeeds.
    const retrySockets = await Promise.all(users.map((u) => h.chat(staying.relay, u.idToken)));
    for (const r of unacked) {
      const s = Number(r.key.split('-')[1]);
      const socket = retrySockets[s] as ChatClient;
      const message = await ok<RealtimeMessage>(socket, 'message:send', {
        chatId,
        text: r.text,
        clientMessageId: r.key,
      });
      expect(message.text).toBe(r.text);
    }
    // Retrying an acked one too returns the same message: the key decides, not the instance.
    const first = acked[0];
    if (first) {
      const s = Number(first.key.split('-')[1]);
      const again = await ok<RealtimeMessage>(retrySockets[s] as ChatClient, 'message:send', {
        chatId,
        text: first.text,
        clientMessageId: first.key,
      });
      expect(again.id).toBe(first.acked!.id);
    }

    const page = await h.services.messages.list(h.as(owner), chatId, { limit: 100 });
    const texts = page.messages.filter((m) => m.type !== 'system').map((m) => m.text);
    const expected = results.map((r) => r.text).sort();
    expect([...texts].sort()).toEqual(expected);
    process.stdout.write(
      `SIGTERM with ${results.length} sends in flight: acked ${acked.length}, unacked ${unacked.length}, ` +
        `retried ok ${unacked.length}, in Firestore ${texts.length} (duplicates ${texts.length - new Set(texts).size}), ` +
        `exit after ${exitMs} ms (grace ${GRACE_MS} ms)\n`,
    );
    expect(exitMs).toBeLessThan(GRACE_MS + 5_000);
  }, 120_000);
});
