/**
 * Chaos: relay instances die with SIGKILL (no handler, no goodbye) under load, behind one front end, while
 * members on the project's relay client reconnect to the survivors. Every message in Firestore must reach
 * every member exactly once, each sender's
 * messages in the order they were sent. Real processes (the built entry point), a real Redis, the emulators.
 */
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis';
import { REQUESTS_TIMEOUT_MS } from '../src/redis';
import {
  connected,
  member,
  messagesInFirestore,
  sendUntilAcked,
  tally,
  type Member,
  type SentMessage,
  type Tally,
} from './chaos-members';
import { startFrontEnd } from './front-end';
import { startRelayProcess, type RelayProcess } from './relay-process';
import { Harness, eventually, sleep } from './support';

const KILLS = 20;
/** Instances the front end routes to when none is being replaced. */
const POOL = 3;
/** Starting Node with the relay can take long on a loaded machine; a hang still fails. */
const START_TIMEOUT_MS = 90_000;
/**
 * Each sender's pause between sends. Pacing, not synchronisation: every message also runs the stack's
 * messageCreated trigger, and the Functions emulator starts a runtime per trigger in flight, so an unpaced
 * flood would load the machine far more than the relay.
 */
const PACE_MS = 150;
/**
 * No send limit: the load here is the point, and the limit has its own tests. A history page of 5, so that
 * a member away through a kill often missed more than one join returns, and its rejoin must page on.
 */
const relayEnv = (redis: RunningRedis) => ({
  REDIS_URL: redis.url,
  RATE_LIMIT_SENDS_PER_USER: '0',
  HISTORY_LIMIT: '5',
});

function report(label: string, figures: Record<string, number>): void {
  process.stdout.write(
    `${label}: ${Object.entries(figures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}\n`,
  );
}

/** Sums the members' tallies, and fails the test on any loss, duplicate or reordering. */
function expectExact(tallies: Tally[]): Record<string, number> {
  const sum = (key: keyof Tally) => tallies.reduce((total, t) => total + t[key], 0);
  const figures = {
    members: tallies.length,
    sent: tallies[0]?.expected ?? 0,
    delivered: sum('delivered'),
    lost: sum('lost'),
    duplicated: sum('duplicated'),
    outOfOrder: sum('outOfOrder'),
  };
  for (const t of tallies) expect(t).toEqual({ ...t, lost: 0, duplicated: 0, outOfOrder: 0 });
  return figures;
}

describe('When relay instances are killed under load', () => {
  let redis: RunningRedis;
  let h: Harness;
  let users: TestUser[];
  let chatId: string;

  let setup: Harness;

  beforeAll(async () => {
    redis = await startRedis();
    setup = new Harness();
    // One at a time: on a loaded machine, the Auth emulator answers slowly and parallel creations time out.
    // Nobody reads an inbox here, so the welcome notifications may land whenever the triggers get to them.
    users = [];
    for (let i = 0; i < 4; i += 1) users.push(await setup.newUser({ welcome: false }));
  }, 120_000); // the emulators answer slowly when the machine is loaded; a hang still fails
  afterAll(async () => {
    await setup.cleanup();
    await redis.stop();
  });

  beforeEach(async () => {
    h = new Harness();
    const [owner, ...others] = users as [TestUser, ...TestUser[]];
    chatId = await h.groupChat(owner, others);
  });
  afterEach(() => h.cleanup());

  /** Wait until every member delivered everything Firestore holds, then compare. */
  async function settle(members: Member[]): Promise<Tally[]> {
    let expected: SentMessage[] = [];
    await eventually(async () => {
      expected = await messagesInFirestore(h, chatId);
      for (const m of members) expect(new Set(m.delivered).size).toBe(expected.length);
    }, 60_000);
    // A positive marker after everything: once every member has it, nothing older is still on its way.
    const marker = (await h.send(users[0] as TestUser, chatId, 'marker')).id;
    await eventually(() => {
      for (const m of members) expect(m.delivered).toContain(marker);
    }, 60_000);
    expected = await messagesInFirestore(h, chatId);
    return members.map((m) => tally(expected, m.delivered));
  }

  it(`then, across ${KILLS} SIGKILLs, every member that stayed gets every message once, in order`, async () => {
    const front = await startFrontEnd(h);
    // The pool: instances are killed at random while replacements start in the background; a kill waits
    // only for one survivor to be left, never for a replacement.
    const live: RelayProcess[] = [];
    let starting = 0;
    let stopped = false;
    const startFailures: unknown[] = [];
    const replenish = () => {
      while (!stopped && live.length + starting < POOL) {
        starting += 1;
        startRelayProcess(h, relayEnv(redis), { listenTimeoutMs: START_TIMEOUT_MS }).then(
          (instance) => {
            starting -= 1;
            if (stopped) return;
            live.push(instance);
            front.add(instance.url);
          },
          (error: unknown) => {
            starting -= 1;
            startFailures.push(error);
          },
        );
      }
    };
    replenish();
    await eventually(() => expect(live.length).toBe(POOL), START_TIMEOUT_MS);
    const members = users.map((user) => member(h, front.url, user));
    for (const m of members) await connected(m.client);
    await Promise.all(members.map((m) => m.client.join(chatId)));

    // Three senders: two on the relay client (retrying through kills with the same key), one through the
    // core service, as REST sends.
    let sending = true;
    let acked = 0;
    const failures = { count: 0 };
    const relaySender = async (m: Member, name: string) => {
      for (let n = 0; sending; n += 1) {
        await sendUntilAcked(m.client, chatId, `${name}-${n}`, `${name}-${n}`, failures);
        acked += 1;
        await sleep(PACE_MS);
      }
    };
    const restSender = async () => {
      for (let n = 0; sending; n += 1) {
        await h.send(users[2] as TestUser, chatId, `rest-${n}`);
        acked += 1;
        await sleep(PACE_MS);
      }
    };
    const senders = Promise.all([
      relaySender(members[0] as Member, 'a'),
      relaySender(members[1] as Member, 'b'),
      restSender(),
    ]);

    let kills = 0;
    const started = Date.now();
    try {
      while (kills < KILLS) {
        // Progress between kills, so each lands on live traffic (and often on clients still rejoining).
        const before = acked;
        await eventually(() => {
          expect(startFailures).toEqual([]);
          expect(acked).toBeGreaterThanOrEqual(before + 2);
          expect(live.length).toBeGreaterThanOrEqual(2);
        }, START_TIMEOUT_MS);
        const victim = live.splice(Math.floor(Math.random() * live.length), 1)[0] as RelayProcess;
        front.drop(victim.url);
        await victim.signal('SIGKILL');
        kills += 1;
        replenish();
      }
    } finally {
      stopped = true;
      sending = false;
    }
    await senders;
    const tallies = await settle(members);
    const figures = expectExact(tallies);
    report('SIGKILL chaos', {
      kills,
      ...figures,
      sendRetries: failures.count,
      connectionsHanded: front.handed,
      seconds: Math.round((Date.now() - started) / 1000),
    });
    expect(kills).toBeGreaterThanOrEqual(20);
  }, 300_000);

  it('then an instance killed during a join, with several senders at once, costs the rejoining members nothing', async () => {
    // A frozen peer makes every join wait REQUESTS_TIMEOUT_MS for its presence answer, after the socket
    // entered the room: a window in which live messages reach the client before the join's history does.
    const [first, dying, frozen, survivor] = await Promise.all(
      Array.from({ length: 4 }, () =>
        startRelayProcess(h, relayEnv(redis), { listenTimeoutMs: START_TIMEOUT_MS }),
      ),
    );
    const front = await startFrontEnd(h, [first!.url]);
    const [owner, ...receivers] = users as [TestUser, ...TestUser[]];
    const members = receivers.map((user) => member(h, front.url, user, 3 * REQUESTS_TIMEOUT_MS));
    for (const m of members) await connected(m.client);
    await Promise.all(members.map((m) => m.client.join(chatId)));

    let sending = true;
    let sent = 0;
    const sender = async (name: string) => {
      for (let n = 0; sending; n += 1) {
        await h.send(owner, chatId, `${name}-${n}`);
        sent += 1;
        await sleep(PACE_MS);
      }
    };
    const senders = Promise.all(['s1', 's2', 's3'].map(sender));
    const stopSenders = () => {
      sending = false;
    };
    h.defer(stopSenders);
    await eventually(() => {
      for (const m of members) expect(m.delivered.length).toBeGreaterThan(3);
    }, 60_000);

    await frozen!.signal('SIGSTOP');
    front.routeTo([dying!.url]);
    const receivedBefore = members.map((m) => m.received.length);
    await first!.signal('SIGKILL');
    // A member holds a live message its join's history has not come with yet: the join is in flight.
    await eventually(
      () =>
        expect(
          members.some((m, i) => m.received.slice(receivedBefore[i]).some((id) => !m.delivered.includes(id))),
        ).toBe(true),
      60_000,
    );
    const holding = members.filter((m, i) =>
      m.received.slice(receivedBefore[i]).some((id) => !m.delivered.includes(id)),
    ).length;
    front.routeTo([survivor!.url]);
    await dying!.signal('SIGKILL');
    await frozen!.signal('SIGKILL');

    const beforeStop = sent;
    await eventually(() => expect(sent).toBeGreaterThan(beforeStop + 5), 60_000);
    stopSenders();
    await senders;
    const figures = expectExact(await settle(members));
    report('Killed during a join', { ...figures, membersHoldingWhenKilled: holding, kills: 2 });
  }, 240_000);
});
