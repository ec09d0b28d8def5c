import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logs } from './logs';
import type { RelayServer } from './sockets/socket-types';

const CONNECT_TIMEOUT_MS = 10_000;
/**
 * How long a question to every instance (presence queries, `fetchSockets()`) waits for answers. Redis counts
 * an instance that died without closing its connection until it notices, and each question waits this long
 * for that one's answer, so a join must not wait long.
 */
export const REQUESTS_TIMEOUT_MS = 2000;

/** The Redis connections behind the adapter; `close()` ends both. */
export interface RedisLink {
  /** Both connections are up; false while node-redis reconnects. */
  ready(): boolean;
  close(): Promise<void>;
}

/**
 * Attach `@socket.io/redis-adapter`, so broadcasts (typing, forced disconnects), presence messages and
 * `fetchSockets()` reach every instance. Persistent events never need it: each instance has its own
 * Firestore listeners.
 */
export async function attachRedisAdapter(io: RelayServer, url: string, logs: Logs): Promise<RedisLink> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  pub.on('error', (error: unknown) => logs.redisError(error));
  sub.on('error', (error: unknown) => logs.redisError(error));
  // node-redis retries forever; at start-up an unreachable Redis must fail the boot, not hang it.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${CONNECT_TIMEOUT_MS} ms.`)),
      CONNECT_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([Promise.all([pub.connect(), sub.connect()]), timeout]);
  } catch (error) {
    pub.destroy();
    sub.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  catchDroppedPublishes(pub, logs);
  io.adapter(createAdapter(pub, sub, { requestsTimeout: REQUESTS_TIMEOUT_MS }));
  return {
    ready: () => pub.isReady && sub.isReady,
    async close() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}

/**
 * The adapter calls `publish()` for every broadcast and drops the promise (its sibling, the Redis emitter,
 * has the same open issue: socketio/socket.io-redis-emitter#139). While Redis is away node-redis queues each
 * command and rejects it after its command timeout (5 s), so every typing or presence broadcast made then
 * became an unhandled rejection. Each publish now has a handler: the first failure of an outage is logged,
 * the rest are counted and reported when Redis is ready again. Callers that await a publish still see its
 * error.
 */
function catchDroppedPublishes<A extends unknown[], R>(pub: Publisher<A, R>, logs: Logs): void {
  const publish = pub.publish.bind(pub);
  let lost = 0;
  pub.publish = (...args: A) => {
    const sent = publish(...args);
    sent.catch((error: unknown) => {
      if (lost === 0) logs.redisPublishFailed(error);
      lost += 1;
    });
    return sent;
  };
  pub.on('ready', () => {
    if (lost > 0) logs.redisPublishesLost(lost);
    lost = 0;
  });
}

interface Publisher<A extends unknown[], R> {
  publish: (...args: A) => Promise<R>;
  on(event: 'ready', listener: () => void): unknown;
}
