import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logs } from './logs';
import { settlesWithin } from './settles-within';
import type { RelayServer } from './sockets/socket-types';

const CONNECT_TIMEOUT_MS = 10_000;
/**
 * How long a question to every instance (presence queries, `fetchSockets()`) waits for answers. Redis counts
 * an instance that died without closing its connection until it notices, and each question waits this long
 * for that one's answer, so a join must not wait long.
 */
export const REQUESTS_TIMEOUT_MS = 2000;
/** How long closing waits for Redis to answer what was already sent before it drops the connections. */
export const CLOSE_TIMEOUT_MS = 2000;

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
  try {
    if (!(await settlesWithin(Promise.all([pub.connect(), sub.connect()]), CONNECT_TIMEOUT_MS))) {
      throw new Error(`Redis did not answer within ${CONNECT_TIMEOUT_MS} ms.`);
    }
  } catch (error) {
    pub.destroy();
    sub.destroy();
    throw error;
  }
  catchDroppedPromises(pub, sub, logs);
  io.adapter(createAdapter(pub, sub, { requestsTimeout: REQUESTS_TIMEOUT_MS }));
  return {
    ready: () => pub.isReady && sub.isReady,
    async close() {
      await Promise.allSettled([closeWithin(pub, CLOSE_TIMEOUT_MS), closeWithin(sub, CLOSE_TIMEOUT_MS)]);
    },
  };
}

/**
 * The adapter calls `publish()` for every broadcast, and `unsubscribe()`/`pUnsubscribe()` when it closes,
 * and drops their promises (its sibling, the Redis emitter, has the same open issue:
 * socketio/socket.io-redis-emitter#139). While Redis is away node-redis queues each command and rejects it
 * after its command timeout (5 s), and closing rejects whatever is still unanswered: every typing or
 * presence broadcast made then became an unhandled rejection. Each call now has a handler: the first failed
 * broadcast of an outage is logged, the rest are counted and reported when Redis is ready again; a failed
 * unsubscribe at close changes nothing. Callers that await one still see its error.
 */
function catchDroppedPromises(pub: Publisher, sub: Subscriber, logs: Logs): void {
  let lost = 0;
  pub.publish = caught(pub.publish.bind(pub), (error) => {
    if (lost === 0) logs.redisPublishFailed(error);
    lost += 1;
  });
  pub.on('ready', () => {
    if (lost > 0) logs.redisPublishesLost(lost);
    lost = 0;
  });
  const ignore = () => undefined;
  sub.unsubscribe = caught(sub.unsubscribe.bind(sub), ignore);
  sub.pUnsubscribe = caught(sub.pUnsubscribe.bind(sub), ignore);
}

/** The calls of node-redis' client wrapped here, whatever their exact overloads. */
type AnyCall = (...args: never[]) => Promise<unknown>;
interface Publisher {
  publish: AnyCall;
  on(event: 'ready', listener: () => void): unknown;
}
interface Subscriber {
  unsubscribe: AnyCall;
  pUnsubscribe: AnyCall;
}

/** `call`, with `onError` attached to every promise it returns; the promise itself is returned as it is. */
function caught<A extends unknown[], R>(
  call: (...args: A) => Promise<R>,
  onError: (error: unknown) => void,
): (...args: A) => Promise<R> {
  return (...args: A) => {
    const result = call(...args);
    result.catch(onError);
    return result;
  };
}

/**
 * node-redis's `close()` waits for the reply to every command already sent, and for a Redis that stopped
 * answering (frozen, or a connection that died unnoticed) that is forever: a shutdown hung on it. Past the
 * timeout the connection is dropped instead.
 */
async function closeWithin(client: { close(): Promise<void>; destroy(): void }, ms: number): Promise<void> {
  if (!(await settlesWithin(client.close(), ms))) client.destroy();
}
