/**
 * Rate limits through the exact app, with the Firestore store on the emulator. Limits are set low here
 * (every other suite runs without them). Each test uses its own client IPs and users, so tests do not
 * share counters; the client IP is given the way Google's front end gives it: appended to X-Forwarded-For.
 */
import { randomInt } from 'node:crypto';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import request from 'supertest';
import { createApp } from '../src/app';
import { parseConfig, type AppConfig } from '../src/config';
import { counterOf, RATE_LIMIT_COLLECTION } from '../src/http/firestore-rate-limit-store';
import { createHarness, PROJECT_ID, PUBLIC_ROUTE, type Harness } from './support';
import { clientFor, newGroup, newPerson } from './chat-support';

function limited(limits: { perIp?: number; perUser?: number; sends?: number }): AppConfig {
  return parseConfig({
    APP_ENV: 'test',
    CORS_ORIGINS: ['http://localhost:5173'],
    RATE_LIMIT_WINDOW_SECONDS: 600,
    RATE_LIMIT_PER_IP: limits.perIp ?? 0,
    RATE_LIMIT_PER_USER: limits.perUser ?? 0,
    RATE_LIMIT_SENDS_PER_USER: limits.sends ?? 0,
  });
}

/** A client address no other test uses (from the benchmarking range, 198.18.0.0/15). */
const newIp = () => `198.${18 + randomInt(2)}.${randomInt(256)}.${randomInt(1, 255)}`;

interface Limited {
  status: number;
  body: { error?: { code: string; status: number; message: string } };
  headers: Record<string, string>;
}

function expectLimited(res: Limited, policy: string, windowSeconds = 600): void {
  expect(res.status).toBe(429);
  expect(res.body.error).toMatchObject({ status: 429, code: 'resource-exhausted' });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(res.headers['ratelimit']).toMatch(new RegExp(`"${policy}"; r=0; t=\\d+`));
  expect(res.headers['ratelimit-policy']).toMatch(new RegExp(`"${policy}"; q=\\d+; w=${windowSeconds}`));
}

describe('the per-IP limit', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness(limited({ perIp: 3 }));
  });
  afterAll(() => h.close());

  it('when one IP exceeds it, then 429 in the envelope with RateLimit headers and Retry-After; another IP is not limited', async () => {
    const [a, b] = [newIp(), newIp()];
    for (let i = 0; i < 3; i += 1) {
      const res = await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', a).expect(200);
      expect(res.headers['ratelimit']).toMatch(new RegExp(`"ip"; r=${2 - i}; t=\\d+`));
      expect(res.headers['ratelimit-policy']).toMatch(/"ip"; q=3; w=600/);
    }
    expectLimited(await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', a), 'ip');
    await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', b).expect(200);
  });

  it('when the limit is hit, then requests without a token are refused before auth is even tried', async () => {
    const a = newIp();
    for (let i = 0; i < 3; i += 1) {
      await request(h.app).get('/users/me').set('X-Forwarded-For', a).expect(401);
    }
    expectLimited(await request(h.app).get('/users/me').set('X-Forwarded-For', a), 'ip');
  });

  it('when a client forges X-Forwarded-For, then only the address the front end appended counts (req.ip is the client)', async () => {
    const [real, forged] = [newIp(), newIp()];
    for (let i = 0; i < 3; i += 1) {
      // The client wrote a different address each time; the front end appended the real one.
      await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', `${newIp()}, ${real}`).expect(200);
    }
    expectLimited(await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', `${forged}, ${real}`), 'ip');
    // The forged address itself was never counted.
    await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', forged).expect(200);
  });

  it('when two app instances serve one client, then they share the count', async () => {
    const second = initializeApp({ projectId: PROJECT_ID }, `rate-limit-${newIp()}`);
    try {
      const other = createApp({
        config: limited({ perIp: 3 }),
        db: getFirestore(second),
        auth: h.auth,
        log: () => undefined,
      });
      const a = newIp();
      await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', a).expect(200);
      await request(other).get(PUBLIC_ROUTE).set('X-Forwarded-For', a).expect(200);
      await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', a).expect(200);
      expectLimited(await request(other).get(PUBLIC_ROUTE).set('X-Forwarded-For', a), 'ip');
      expectLimited(await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', a), 'ip');
    } finally {
      await deleteApp(second);
    }
  });

  it('when a client floods past the limit, then the rest of the flood is refused without further Firestore writes', async () => {
    const a = newIp();
    const counter = h.db.collection(RATE_LIMIT_COLLECTION).doc(counterOf('ip:', a, 600_000).id);
    for (let i = 0; i < 3; i += 1)
      await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', a).expect(200);
    expect((await counter.get()).get('hits')).toBe(3);
    for (let i = 0; i < 5; i += 1) {
      expectLimited(await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', a), 'ip');
    }
    // The first refused request was counted in Firestore; this instance then knew, and counted locally.
    expect((await counter.get()).get('hits')).toBe(4);
  });

  it('when counters are stored, then the document holds no raw IP and expires after its window', async () => {
    const a = newIp();
    await request(h.app).get(PUBLIC_ROUTE).set('X-Forwarded-For', a).expect(200);
    const { id, resetTime } = counterOf('ip:', a, 600_000);
    const counter = await h.db.collection(RATE_LIMIT_COLLECTION).doc(id).get();
    expect(counter.data()).toEqual({ limiter: 'ip:', hits: 1, expireAt: expect.anything() });
    expect(id).not.toContain(a);
    // Kept one window past its end, then Firestore's TTL policy (firestore.indexes.json) deletes it.
    expect(counter.get('expireAt').toMillis()).toBe(resetTime.getTime() + 600_000);
  });
});

describe('the per-user limit', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness(limited({ perUser: 3 }));
  });
  afterAll(() => h.close());

  it('when one user exceeds it, then 429 for them, and another user on the same IP is not limited', async () => {
    const ip = newIp();
    const [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
    const as = (token: string) =>
      request(h.app).get('/users/me').set('X-Forwarded-For', ip).set('Authorization', `Bearer ${token}`);
    for (let i = 0; i < 3; i += 1) {
      const res = await as(alice.idToken);
      expect(res.status).toBe(404); // no profile yet: counted all the same
      expect(res.headers['ratelimit']).toMatch(new RegExp(`"user"; r=${2 - i}`));
    }
    expectLimited(await as(alice.idToken), 'user');
    expect((await as(bob.idToken)).status).toBe(404);
  });

  it('when a token is missing, then the request is refused as unauthenticated and counted for no user', async () => {
    const res = await request(h.app).get('/chats').set('X-Forwarded-For', newIp());
    expect(res.status).toBe(401);
    expect(res.headers['ratelimit']).toBeUndefined();
  });
});

describe('the message-send limit', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness(limited({ perUser: 50, sends: 2 }));
  });
  afterAll(() => h.close());

  it('when a user sends more than it allows, then 429 and nothing is stored, while reading and other senders go on', async () => {
    const [alice, bob] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(alice, [bob]);
    for (const text of ['one', 'two']) {
      const res = await alice.api.post(`/chats/${chatId}/messages`, { text });
      expect(res.status).toBe(201);
      expect(res.headers['ratelimit']).toContain('"send"');
      expect(res.headers['ratelimit']).toContain('"user"');
    }
    const refused = await alice.api.post(`/chats/${chatId}/messages`, { text: 'three' });
    expectLimited(refused, 'send');

    const page = await alice.api.get(`/chats/${chatId}/messages`);
    expect(page.status).toBe(200);
    expect(page.body.messages.map((m: { text: string }) => m.text)).toEqual(['one', 'two']);
    expect((await bob.api.post(`/chats/${chatId}/messages`, { text: 'bob' })).status).toBe(201);
    // Other writes of alice's are under the per-user limit only.
    expect((await clientFor(h, alice.idToken).patch(`/chats/${chatId}`, { title: 'Renamed' })).status).toBe(
      200,
    );
  });

  // Express matches routes whatever the letter case and with or without a trailing slash: each spelling is
  // the same send, so each must draw on the same budget.
  it.each(['/CHATS/{id}/MESSAGES', '/Chats/{id}/Messages/', '/chats/{id}/messages/'])(
    'when a user sends to %s, then the send limit holds as for the canonical path',
    async (spelling) => {
      const [alice, bob] = [await newPerson(h), await newPerson(h)];
      const chatId = await newGroup(alice, [bob]);
      const path = spelling.replace('{id}', chatId);
      for (const text of ['one', 'two']) {
        expect((await alice.api.post(path, { text })).status).toBe(201);
      }
      expectLimited(await alice.api.post(path, { text: 'three' }), 'send');
      const page = await alice.api.get(`/chats/${chatId}/messages`);
      expect(page.body.messages.map((m: { text: string }) => m.text)).toEqual(['one', 'two']);
    },
    30_000,
  );
});

describe('a failing store', () => {
  it('when Firestore cannot be reached for counting, then requests go through unlimited and the failure is logged', async () => {
    // An outage has no fast local stand-in (a dead address is retried for a minute), so this one test
    // hands the app a Firestore whose every call throws at once.
    const db = {
      collection: () => {
        throw new Error('Firestore is down');
      },
    } as unknown as Firestore;
    const logs: { severity: string; message: string; limiter?: string }[] = [];
    const h = createHarness();
    try {
      const app = createApp({
        config: limited({ perIp: 1 }),
        db,
        auth: h.auth,
        log: (entry) => logs.push(entry as (typeof logs)[number]),
      });
      const ip = newIp();
      for (let i = 0; i < 3; i += 1) {
        const res = await request(app).get('/openapi.json').set('X-Forwarded-For', ip);
        expect(res.status).toBe(200);
        expect(res.headers['ratelimit']).toBeUndefined();
      }
      expect(logs.filter((entry) => entry.severity === 'ERROR' && entry.limiter === 'ip')).toHaveLength(3);
    } finally {
      await h.close();
    }
  });
});
