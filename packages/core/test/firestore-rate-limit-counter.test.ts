/**
 * The Firestore fixed-window counter behind the REST API's limits and the relay's send limit, against the
 * emulator started by `npm test`. Every test counts under its own random key, so tests share no counters.
 */
import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import {
  counterOf,
  FirestoreRateLimitCounter,
  RATE_LIMIT_COLLECTION,
  secondsUntil,
  tooManyRequests,
} from '../src';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set. Run the tests with \`npm test\`, which starts the emulators.`);
  return value;
}

const WINDOW_MS = 600_000;

describe('counterOf', () => {
  it('when asked twice within one window, then it names the same counter, holding no raw key', () => {
    const now = Date.now();
    const first = counterOf('send:', 'user-1', WINDOW_MS, now);
    expect(counterOf('send:', 'user-1', WINDOW_MS, first.resetTime.getTime() - 1)).toEqual(first);
    expect(first.id).toMatch(/^send_[A-Za-z0-9_-]{32}_\d+$/);
    expect(first.id).not.toContain('user-1');
    expect(first.resetTime.getTime()).toBeGreaterThan(now);
    expect(first.resetTime.getTime()).toBeLessThanOrEqual(now + WINDOW_MS);
  });

  it('when the window ends, then the next counter starts where it ended', () => {
    const now = Date.now();
    const current = counterOf('ip:', 'k', WINDOW_MS, now);
    const next = counterOf('ip:', 'k', WINDOW_MS, current.resetTime.getTime());
    expect(next.id).not.toBe(current.id);
    expect(next.resetTime.getTime()).toBe(current.resetTime.getTime() + WINDOW_MS);
  });

  it('when limiters or keys differ, then so do their counters', () => {
    const now = Date.now();
    const ids = new Set(
      ['ip:', 'user:', 'send:'].flatMap((prefix) =>
        ['a', 'b'].map((key) => counterOf(prefix, key, WINDOW_MS, now).id),
      ),
    );
    expect(ids.size).toBe(6);
  });
});

describe('FirestoreRateLimitCounter', () => {
  let app: App;
  let db: Firestore;
  beforeAll(() => {
    app = initializeApp({ projectId: requireEnv('GCLOUD_PROJECT') }, `rate-limit-${randomUUID()}`);
    requireEnv('FIRESTORE_EMULATOR_HOST');
    db = getFirestore(app);
  });
  afterAll(() => deleteApp(app));

  const counterDoc = (prefix: string, key: string) =>
    db.collection(RATE_LIMIT_COLLECTION).doc(counterOf(prefix, key, WINDOW_MS).id);

  it('when a key hits past its limit, then the hits beyond it are limited, and counted', async () => {
    const counter = new FirestoreRateLimitCounter(db, { prefix: 'send:', windowMs: WINDOW_MS, limit: 2 });
    const key = randomUUID();
    const hits = [];
    for (let i = 0; i < 3; i += 1) hits.push(await counter.hit(key));
    expect(hits.map((hit) => [hit.totalHits, hit.limited])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(hits[2]?.resetTime).toEqual(counterOf('send:', key, WINDOW_MS).resetTime);
    expect(await counter.get(key)).toEqual({ totalHits: 3, resetTime: hits[2]?.resetTime });
  });

  it('when a key is over its limit, then further hits are refused from memory, without Firestore', async () => {
    const counter = new FirestoreRateLimitCounter(db, { prefix: 'send:', windowMs: WINDOW_MS, limit: 1 });
    const key = randomUUID();
    await counter.hit(key);
    expect((await counter.hit(key)).limited).toBe(true);
    for (let i = 0; i < 3; i += 1)
      expect(await counter.hit(key)).toMatchObject({ totalHits: 3 + i, limited: true });
    expect((await counterDoc('send:', key).get()).get('hits')).toBe(2);
  });

  it('when two counters (two instances) count one key, then they share the count', async () => {
    const options = { prefix: 'send:', windowMs: WINDOW_MS, limit: 2 };
    const [one, other] = [
      new FirestoreRateLimitCounter(db, options),
      new FirestoreRateLimitCounter(db, options),
    ];
    const key = randomUUID();
    expect((await one.hit(key)).limited).toBe(false);
    expect((await other.hit(key)).limited).toBe(false);
    expect(await one.hit(key)).toMatchObject({ totalHits: 3, limited: true });
  });

  it('when a hit is stored, then the document names its limiter, holds the count and expires a window after its end', async () => {
    const counter = new FirestoreRateLimitCounter(db, { prefix: 'user:', windowMs: WINDOW_MS });
    const key = randomUUID();
    const { resetTime } = await counter.hit(key);
    const stored = await counterDoc('user:', key).get();
    expect(stored.data()).toEqual({ limiter: 'user:', hits: 1, expireAt: expect.anything() });
    expect(stored.get('expireAt').toMillis()).toBe(resetTime.getTime() + WINDOW_MS);
  });

  it('when a key is reset, then its count and its over-limit memory are gone', async () => {
    const counter = new FirestoreRateLimitCounter(db, { prefix: 'ip:', windowMs: WINDOW_MS, limit: 1 });
    const key = randomUUID();
    await counter.hit(key);
    expect((await counter.hit(key)).limited).toBe(true);
    await counter.reset(key);
    expect(await counter.get(key)).toBeUndefined();
    expect(await counter.hit(key)).toMatchObject({ totalHits: 1, limited: false });
  });
});

/**
 * With `slack`, the hot path is local and hits reach Firestore in batches; these are the guarantees the
 * README states: exact on one instance, at most `(N - 1) × slack` over the limit on N instances, 200
 * concurrent hits on one key without a failure, and closed once `slack` hits went unseen by Firestore.
 */
describe('FirestoreRateLimitCounter with slack (local counts, batched)', () => {
  // 200 concurrent requests against the emulator on a small shared machine.
  jest.setTimeout(60_000);
  let app: App;
  let db: Firestore;
  beforeAll(() => {
    app = initializeApp({ projectId: requireEnv('GCLOUD_PROJECT') }, `rate-limit-slack-${randomUUID()}`);
    db = getFirestore(app);
  });
  afterAll(() => deleteApp(app));

  const stored = async (key: string) =>
    (
      await db
        .collection(RATE_LIMIT_COLLECTION)
        .doc(counterOf('user:', key, WINDOW_MS).id)
        .get()
    ).get('hits');

  it('when 200 requests on one key hit one instance at once, then exactly the limit is admitted and stored', async () => {
    const counter = new FirestoreRateLimitCounter(db, {
      prefix: 'user:',
      windowMs: WINDOW_MS,
      limit: 50,
      slack: 5,
    });
    const key = randomUUID();
    const hits = await Promise.all(Array.from({ length: 200 }, () => counter.hit(key)));
    expect(hits.filter((hit) => !hit.limited)).toHaveLength(50);
    await counter.flush();
    expect(await stored(key)).toBe(50);
  });

  it('when 200 requests on one key are spread over 4 instances at once, then at most (4 - 1) × slack pass the limit', async () => {
    const [limit, slack, instances] = [100, 5, 4];
    const counters = Array.from(
      { length: instances },
      () => new FirestoreRateLimitCounter(db, { prefix: 'user:', windowMs: WINDOW_MS, limit, slack }),
    );
    const key = randomUUID();
    const hits = await Promise.all(Array.from({ length: 200 }, (_, i) => counters[i % instances]!.hit(key)));
    const admitted = hits.filter((hit) => !hit.limited).length;
    expect(admitted).toBeGreaterThanOrEqual(limit);
    expect(admitted).toBeLessThanOrEqual(limit + (instances - 1) * slack);
    await Promise.all(counters.map((counter) => counter.flush()));
    // Every admitted hit is in the shared count, and each instance now refuses from what it read.
    expect(await stored(key)).toBe(admitted);
    for (const counter of counters) expect((await counter.hit(key)).limited).toBe(true);
  });

  it('when hits come slower than the batches, then the document is written once per batch, not per hit', async () => {
    const counter = new FirestoreRateLimitCounter(db, {
      prefix: 'user:',
      windowMs: WINDOW_MS,
      limit: 1000,
      slack: 50,
      flushMs: 50,
    });
    const key = randomUUID();
    for (let i = 0; i < 10; i += 1) expect((await counter.hit(key)).limited).toBe(false);
    expect(await stored(key)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stored(key)).toBe(10);
  });

  it('when Firestore cannot be reached, then an instance admits its slack and then refuses, reporting why', async () => {
    // An outage has no fast local stand-in (a dead address is retried for a minute): every call throws.
    const down = {
      collection: () => db.collection(RATE_LIMIT_COLLECTION),
      batch: () => ({
        set: () => undefined,
        commit: () => Promise.reject(new Error('Firestore is down')),
      }),
    } as unknown as Firestore;
    const errors: unknown[] = [];
    const counter = new FirestoreRateLimitCounter(down, {
      prefix: 'user:',
      windowMs: WINDOW_MS,
      limit: 100,
      slack: 3,
      onError: (error) => errors.push(error),
    });
    const key = randomUUID();
    const hits = [];
    for (let i = 0; i < 5; i += 1) hits.push(await counter.hit(key));
    expect(hits.map((hit) => hit.limited)).toEqual([false, false, false, true, true]);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(String(errors[0])).toContain('Firestore is down');
  });

  it('when the exact mode (no slack) gets 200 requests on one key at once, then none fails and the limit is never passed', async () => {
    const counter = new FirestoreRateLimitCounter(db, { prefix: 'user:', windowMs: WINDOW_MS, limit: 50 });
    const key = randomUUID();
    const hits = await Promise.all(Array.from({ length: 200 }, () => counter.hit(key)));
    expect(hits.filter((hit) => !hit.limited).length).toBeLessThanOrEqual(50);
    expect(await stored(key)).toBe(200);
  });
});

describe('tooManyRequests', () => {
  it('when built, then it is resource-exhausted naming the limit and the seconds to wait', () => {
    const error = tooManyRequests('send', 3, 60, 42);
    expect(error.status).toBe(429);
    expect(error.code).toBe('resource-exhausted');
    expect(error.message).toBe('Too many requests (limit "send": 3 per 60 s). Retry after 42 s.');
  });

  it('when counting seconds until a reset, then it rounds up and never goes below 0', () => {
    const now = Date.now();
    expect(secondsUntil(new Date(now + 1_001), now)).toBe(2);
    expect(secondsUntil(new Date(now + 1_000), now)).toBe(1);
    expect(secondsUntil(new Date(now - 5_000), now)).toBe(0);
  });
});
