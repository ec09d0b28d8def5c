import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import type { Firestore } from 'firebase-admin/firestore';
import { FirestoreRateLimitCounter, slackOf } from '@chat/core';

/**
 * How long one store call may wait for Firestore. A Firestore that accepted the call and went silent would
 * otherwise hold the request for minutes (the client's own deadline); past this the call fails, and the
 * limiter lets the request through and logs it, as it does when Firestore refuses outright.
 */
export const RATE_LIMIT_STORE_TIMEOUT_MS = 2000;

/** Where a counter lives, for readers (the tests) that look at the documents themselves. */
export { counterOf, RATE_LIMIT_COLLECTION } from '@chat/core';

/**
 * An express-rate-limit store over core's `FirestoreRateLimitCounter`: fixed-window counters in Firestore,
 * shared by every function instance.
 * The counting, the document layout and the local over-limit memory are the counter's; this only adapts
 * it to express-rate-limit's Store interface.
 */
export class FirestoreRateLimitStore implements Store {
  /** The counts are shared, not local to this process. */
  readonly localKeys = false;
  /** Built in `init`, which express-rate-limit calls with the window and limit before any request. */
  private counted: FirestoreRateLimitCounter | undefined;

  constructor(
    private readonly db: Firestore,
    /** Tells the limiters apart (`ip:`, `user:`); each limiter needs its own store. */
    readonly prefix: string,
    /** The counter's `slack` for this limit, and where its background failures go. */
    private readonly local: { slackPercent?: number; onError?: (error: unknown) => void } = {},
  ) {}

  private get counter(): FirestoreRateLimitCounter {
    if (!this.counted) throw new Error(`Rate-limit store "${this.prefix}" used before init().`);
    return this.counted;
  }

  init(options: Options): void {
    const limit = typeof options.limit === 'number' ? options.limit : undefined;
    this.counted = new FirestoreRateLimitCounter(this.db, {
      prefix: this.prefix,
      windowMs: options.windowMs,
      ...(limit === undefined ? {} : { limit, slack: slackOf(limit, this.local.slackPercent) }),
      ...(this.local.onError ? { onError: this.local.onError } : {}),
    });
  }

  get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return bounded(this.counter.get(key));
  }

  async increment(key: string): Promise<IncrementResponse> {
    const { totalHits, resetTime } = await bounded(this.counter.hit(key));
    return { totalHits, resetTime };
  }

  decrement(key: string): Promise<void> {
    return bounded(this.counter.decrement(key));
  }

  resetKey(key: string): Promise<void> {
    return bounded(this.counter.reset(key));
  }
}

/** `work`, or a rejection once RATE_LIMIT_STORE_TIMEOUT_MS has passed without it settling. */
function bounded<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Firestore gave no answer within ${RATE_LIMIT_STORE_TIMEOUT_MS} ms`)),
      RATE_LIMIT_STORE_TIMEOUT_MS,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
