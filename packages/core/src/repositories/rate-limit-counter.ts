import { createHash } from 'node:crypto';
import { FieldValue, Timestamp, type DocumentReference, type Firestore } from 'firebase-admin/firestore';

/** Where the counters live. A TTL policy on `expireAt` (firestore.indexes.json) deletes old windows. */
export const RATE_LIMIT_COLLECTION = 'rateLimits';

/** The counter-id prefix of a named limiter (`ip` → `ip:`). */
export function limiterPrefix(limiter: string): string {
  return `${limiter}:`;
}

export interface RateLimitCounterOptions {
  /** Tells the limiters apart (`ip:`, `user:`, `send:`); part of every counter's id. */
  prefix: string;
  /** Length of one fixed window. */
  windowMs: number;
  /** Hits a key may make per window; a hit beyond it is `limited`. @default Infinity */
  limit?: number;
}

/** One key's count in its current window, this hit included. */
export interface RateLimitHit {
  totalHits: number;
  /** When the window ends and the count starts again. */
  resetTime: Date;
  /** Whether this hit was over the limit. */
  limited: boolean;
}

/**
 * Fixed-window counters in Firestore, so every instance of the functions and of the relay counts against
 * the same numbers. The REST API's express-rate-limit stores (per IP, per user) and core's send limit
 * (`SendLimit`) are all this class.
 *
 * Why Firestore: the backend already depends on it, it needs no VPC connector (Memorystore/Redis would, and
 * would add a service to run and pay for), it works the same in the emulators, and a counter is one
 * document per key and window. Each hit is a `set(merge)` with `FieldValue.increment(1)` (no transaction,
 * so a burst on one key does not contend and retry) followed by a read. The read can see a few hits that
 * arrived after ours, so a burst is counted high, never low: the limit is never exceeded.
 *
 * The document id is `{prefix}_{hash(key)}_{windowStart}` (see `counterOf`): deterministic, so every
 * instance finds the same counter, and the raw key (an IP address or a uid) is not stored. Each key's
 * windows are shifted by a hash-derived offset, so not every client's window resets in the same second.
 *
 * A key over its limit stays over it until its window ends (counts only go up), so each instance
 * remembers that locally and refuses the rest of a flood without touching Firestore: a client hammering
 * the API costs one write and one read per instance, not two per request.
 */
export class FirestoreRateLimitCounter {
  readonly prefix: string;
  readonly windowMs: number;
  readonly limit: number;
  /** Keys known to be over the limit in their current window: the hits seen, and when the window ends. */
  private readonly overLimit = new Map<string, { hits: number; resetTime: Date }>();

  constructor(
    private readonly db: Firestore,
    options: RateLimitCounterOptions,
  ) {
    this.prefix = options.prefix;
    this.windowMs = options.windowMs;
    this.limit = options.limit ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Count `weight` hits of `key` at once (one operation that stands for several, such as a group created
   * with its members). Throws when Firestore fails; the caller decides whether to let it through.
   */
  async hit(key: string, weight = 1): Promise<RateLimitHit> {
    const known = this.overLimit.get(key);
    if (known && known.resetTime.getTime() > Date.now()) {
      known.hits += weight;
      return { totalHits: known.hits, resetTime: known.resetTime, limited: true };
    }
    const { ref, resetTime } = this.window(key);
    await ref.set(
      {
        limiter: this.prefix,
        hits: FieldValue.increment(weight),
        expireAt: Timestamp.fromMillis(resetTime.getTime() + this.windowMs),
      },
      { merge: true },
    );
    const read = (await ref.get()).get('hits');
    // Our own increment is in what we read; anything else would be a store bug, counted as our hits alone.
    const hits = typeof read === 'number' && read >= weight ? read : weight;
    const limited = hits > this.limit;
    if (limited) this.rememberOverLimit(key, hits, resetTime);
    return { totalHits: hits, resetTime, limited };
  }

  /** The current window's count of `key`, without counting; undefined when it has none. */
  async get(key: string): Promise<{ totalHits: number; resetTime: Date } | undefined> {
    const { ref, resetTime } = this.window(key);
    const hits = (await ref.get()).get('hits');
    return typeof hits === 'number' ? { totalHits: hits, resetTime } : undefined;
  }

  /** Take back one hit of `key` (a request that should not have counted after all). */
  async decrement(key: string): Promise<void> {
    await this.window(key).ref.set({ hits: FieldValue.increment(-1) }, { merge: true });
  }

  /** Forget `key`'s current window, here and in Firestore. */
  async reset(key: string): Promise<void> {
    this.overLimit.delete(key);
    await this.window(key).ref.delete();
  }

  private rememberOverLimit(key: string, hits: number, resetTime: Date): void {
    if (this.overLimit.size >= 10_000) {
      const now = Date.now();
      for (const [known, entry] of this.overLimit)
        if (entry.resetTime.getTime() <= now) this.overLimit.delete(known);
      if (this.overLimit.size >= 10_000) this.overLimit.clear();
    }
    this.overLimit.set(key, { hits, resetTime });
  }

  private window(key: string): { ref: DocumentReference; resetTime: Date } {
    const { id, resetTime } = counterOf(this.prefix, key, this.windowMs);
    return { ref: this.db.collection(RATE_LIMIT_COLLECTION).doc(id), resetTime };
  }
}

/** The id of the counter of `key` for the window that holds `now`, and when that window ends. */
export function counterOf(
  prefix: string,
  key: string,
  windowMs: number,
  now = Date.now(),
): { id: string; resetTime: Date } {
  const digest = createHash('sha256').update(`${prefix}${key}`).digest();
  const offset = digest.readUInt32BE(0) % windowMs;
  const start = Math.floor((now - offset) / windowMs) * windowMs + offset;
  const id = `${prefix.replace(/[^A-Za-z0-9_-]/g, '')}_${digest.toString('base64url').slice(0, 32)}_${start}`;
  return { id, resetTime: new Date(start + windowMs) };
}
