/**
 * The REST API's per-user send limit on the relay's sends: `message:send` and `message:private` count in
 * the same Firestore counters as `POST /chats/{chatId}/messages` (limiter `send`, keyed by uid).
 */
import type { Firestore } from 'firebase-admin/firestore';
import { counterOf, directChatId, RATE_LIMIT_COLLECTION, type Message } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { Harness, call, ok, sleep } from './support';

/** The REST API as deployed (the functions emulator), which scripts/stack.ts starts and names in API_URL. */
const API_URL = process.env.API_URL;
// Without the functions emulator there is no REST API to share a budget with; the socket-only tests still run.
const itWithApi = API_URL ? it : it.skip;

const refusal = (limit: number, windowSeconds: number) => ({
  ok: false,
  error: {
    status: 429,
    code: 'resource-exhausted',
    message: expect.stringMatching(
      new RegExp(
        `^Too many requests \\(limit "send": ${limit} per ${windowSeconds} s\\)\\. Retry after \\d+ s\\.$`,
      ),
    ),
  },
});

describe('The send limit on the relay', () => {
  let h: Harness;
  let alice: TestUser;
  let bob: TestUser;

  beforeEach(async () => {
    h = new Harness();
    [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
  });
  afterEach(() => h.cleanup());

  const texts = async (user: TestUser, chatId: string) =>
    (await h.services.messages.list(h.as(user), chatId, { limit: 50 })).messages.map((m) => m.text);

  it('when a user sends past it on sockets, then the ack is resource-exhausted, nothing is written, and other users still send', async () => {
    const running = await h.startRelay({ RATE_LIMIT_WINDOW_SECONDS: '600', RATE_LIMIT_SENDS_PER_USER: '2' });
    const chatId = await h.groupChat(alice, [bob]);
    const [a, b] = await Promise.all([alice, bob].map((u) => h.chat(running.relay, u.idToken)));
    const send = (text: string) => call<Message>(a, 'message:send', { chatId, text, clientMessageId: text });

    await ok(a, 'message:send', { chatId, text: 'one', clientMessageId: 'one' });
    await ok(a, 'message:send', { chatId, text: 'two', clientMessageId: 'two' });
    const refused = await send('three');
    expect(refused).toEqual(refusal(2, 600));
    const retryAfter = Number(/Retry after (\d+) s/.exec(refused.ok ? '' : refused.error.message)?.[1]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // A private message is a send too: refused, and nothing is stored in the direct chat.
    const refusedPrivate = await call(a, 'message:private', {
      to: bob.uid,
      text: 'psst',
      clientMessageId: 'dm',
    });
    expect(refusedPrivate).toEqual(refusal(2, 600));

    expect(await texts(alice, chatId)).toEqual(['one', 'two']);
    // The limit is applied before the direct chat is opened: a refused private message leaves no empty chat.
    await expect(texts(alice, directChatId(alice.uid, bob.uid))).rejects.toMatchObject({ code: 'not-found' });
    await ok(b, 'message:send', { chatId, text: 'bob', clientMessageId: 'bob' });
    expect(await texts(alice, chatId)).toEqual(['one', 'two', 'bob']);
    // The refused sends were counted in Firestore once; the relay then knew, and refused from memory.
    const counter = h.db.collection(RATE_LIMIT_COLLECTION).doc(counterOf('send:', alice.uid, 600_000).id);
    expect((await counter.get()).get('hits')).toBe(3);
  });

  itWithApi('when a user sends over REST and over sockets, then both draw on one budget', async () => {
    // The functions emulator counts REST sends per 60 s window (functions/.env.local); the relay must use
    // the same window to find the same counters.
    const running = await h.startRelay({ RATE_LIMIT_WINDOW_SECONDS: '60', RATE_LIMIT_SENDS_PER_USER: '3' });
    const chatId = await h.groupChat(alice, [bob]);
    const a = await h.chat(running.relay, alice.idToken);
    await notNearWindowEnd(alice.uid, 60_000);

    for (const text of ['rest 1', 'rest 2']) {
      const res = await fetch(`${API_URL}/chats/${chatId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.idToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      expect(res.status).toBe(201);
    }
    await ok(a, 'message:send', { chatId, text: 'socket 1', clientMessageId: 'socket-1' });
    expect(await call(a, 'message:send', { chatId, text: 'socket 2', clientMessageId: 'socket-2' })).toEqual(
      refusal(3, 60),
    );
    expect(await texts(alice, chatId)).toEqual(['rest 1', 'rest 2', 'socket 1']);
  });

  it('when the counters cannot be reached, then sends go through and the failure is logged', async () => {
    const running = await h.startRelay({ RATE_LIMIT_SENDS_PER_USER: '1' }, withoutRateLimits(h.db));
    const chatId = await h.groupChat(alice, [bob]);
    const a = await h.chat(running.relay, alice.idToken);
    for (const text of ['one', 'two', 'three'])
      await ok(a, 'message:send', { chatId, text, clientMessageId: text });
    expect(await texts(alice, chatId)).toEqual(['one', 'two', 'three']);
    const failures = running.logs.filter(
      (entry) => entry.severity === 'ERROR' && entry['limiter'] === 'send',
    );
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatchObject({ uid: alice.uid, message: expect.stringContaining('not applied') });
  });
});

/** Wait for the next window of `uid`'s send counter if this one ends too soon for a test to fit in it. */
async function notNearWindowEnd(uid: string, windowMs: number, marginMs = 10_000): Promise<void> {
  const left = counterOf('send:', uid, windowMs).resetTime.getTime() - Date.now();
  if (left < marginMs) await sleep(left + 100);
}

/**
 * The real Firestore, except that the rate-limit collection throws at once: an outage of the counters
 * alone (a dead address would be retried for a minute), while the sends themselves still reach Firestore.
 */
function withoutRateLimits(db: Firestore): Firestore {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'collection')
        return (path: string) => {
          if (path === RATE_LIMIT_COLLECTION) throw new Error('Firestore is down');
          return target.collection(path);
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
