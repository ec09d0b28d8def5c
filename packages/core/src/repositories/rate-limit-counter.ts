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
  /**
   * Hits of a key this instance may admit past what it last read from Firestore, counting them locally
   * and writing them in batches (see the class). 0: every hit is counted in Firestore before it is answered.
   * @default 0
   */
  slack?: number;
  /** How often locally counted hits are written, with every key's count read back. @default 200 */
  flushMs?: number;
  /** Hears a batch write or read that failed (with `slack`); the hits it held are kept for the next one. */
  onError?: (error: unknown) => void;
}

/** One key's window as this instance knows it, with `slack`. */
interface LocalWindow {
  ref: DocumentReference;
  resetTime: Date;
  /** The count last read from Firestore: every instance's hits written before that read. */
  known: number;
  /** Hits admitted here and not yet sent to Firestore. */
  unwritten: number;
  /** Hits being written or written to Firestore, not yet counted by a read. */
  written: number;
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
 *
 * With `slack` > 0 the hot path has no round trip: a hit is admitted from what this instance knows (the
 * count it last read, plus its own hits since) as long as its hits not yet seen in a read stay under
 * `slack`; every `flushMs` one batch writes every key's new hits and one `getAll` reads their counts back.
 * Only when a key's unseen hits reach `slack` before the next batch does a request wait for it. Worst case:
 * for each key and window, at most `limit + (N - 1) × slack` hits are admitted in all, N being the number of
 * instances that admitted some (each instance's hits after its last read are at most `slack`, and the
 * instance that read last saw everything else); with one instance the limit is exact. Each counter
 * document gets at most one write per instance per `flushMs`, whatever the request rate, so a hot key does
 * not contend. If Firestore cannot be reached, each instance admits at most `slack` more hits per key and
 * then refuses (fails closed), reporting the failure to `onError`.
 */
export class FirestoreRateLimitCounter {
  readonly prefix: string;
  readonly windowMs: number;
  readonly limit: number;
  /** Keys known to be over the limit in their current window: the hits seen, and when the window ends. */
  private readonly overLimit = new Map<string, { hits: number; resetTime: Date }>();
  readonly slack: number;
  private readonly flushMs: number;
  private readonly onError: (error: unknown) => void;
  /** With `slack`: each key's current window; and the windows holding hits Firestore has not seen. */
  private readonly windows = new Map<string, LocalWindow>();
  private readonly unseen = new Set<LocalWindow>();
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Firestore,
    options: RateLimitCounterOptions,
  ) {
    this.prefix = options.prefix;
    this.windowMs = options.windowMs;
    this.limit = options.limit ?? Number.POSITIVE_INFINITY;
    this.slack = options.slack ?? 0;
    this.flushMs = options.flushMs ?? 200;
    this.onError = options.onError ?? (() => undefined);
  }

  /**
   * Count `weight` hits of `key` at once (one operation that stands for several, such as a group created
   * with its members). Throws when Firestore fails; the caller decides whether to let it through. With
   * `slack`, single hits are counted locally (see the class); a weighted one is counted in Firestore first.
   */
  async hit(key: string, weight = 1): Promise<RateLimitHit> {
    if (this.slack > 0 && weight === 1) return this.hitLocally(key);
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

  /**
   * With `slack`: admit from what this instance knows, waiting for a batch only when the key's unseen hits
   * have reached `slack`. A hit that is refused is not counted (it changes nobody's admission).
   */
  private async hitLocally(key: string): Promise<RateLimitHit> {
    for (;;) {
      const window = this.localWindow(key);
      const unseen = window.unwritten + window.written;
      const total = window.known + unseen;
      if (total >= this.limit) return { totalHits: total + 1, resetTime: window.resetTime, limited: true };
      if (unseen < this.slack) {
        window.unwritten += 1;
        this.unseen.add(window);
        this.scheduleFlush();
        return { totalHits: total + 1, resetTime: window.resetTime, limited: false };
      }
      try {
        await this.flush();
      } catch (error) {
        // Fail closed: this instance has admitted its `slack` for the key without Firestore's word.
        this.onError(error);
        return { totalHits: total + 1, resetTime: window.resetTime, limited: true };
      }
    }
  }

  /**
   * With `slack`: write every key's hits not yet written (one batch) and read their counts back (one
   * `getAll`). Calls made while one runs share it. Throws when Firestore fails; the hits stay to be sent.
   */
  flush(): Promise<void> {
    this.flushing ??= this.writeAndRead().finally(() => {
      this.flushing = undefined;
      if (this.unseen.size > 0) this.scheduleFlush();
    });
    return this.flushing;
  }

  private async writeAndRead(): Promise<void> {
    const windows = [...this.unseen];
    if (windows.length === 0) return;
    const sent = windows.map((window) => window.unwritten);
    const batch = this.db.batch();
    windows.forEach((window, i) => {
      const hits = sent[i] ?? 0;
      if (hits === 0) return;
      // Still unseen while the batch is on its way: a hit is unseen until a read has counted it.
      window.unwritten -= hits;
      window.written += hits;
      batch.set(
        window.ref,
        {
          limiter: this.prefix,
          hits: FieldValue.increment(hits),
          expireAt: Timestamp.fromMillis(window.resetTime.getTime() + this.windowMs),
        },
        { merge: true },
      );
    });
    try {
      if (sent.some((hits) => hits > 0)) await batch.commit();
    } catch (error) {
      windows.forEach((window, i) => {
        window.written -= sent[i] ?? 0;
        window.unwritten += sent[i] ?? 0;
      });
      throw error;
    }
    const snapshots = await this.db.getAll(...windows.map((window) => window.ref));
    windows.forEach((window, i) => {
      const hits = snapshots[i]?.get('hits');
      // Counts only go up: a read never lowers what is known.
      if (typeof hits === 'number') window.known = Math.max(window.known, hits);
      window.written = 0;
      if (window.unwritten === 0) this.unseen.delete(window);
    });
  }

  private scheduleFlush(): void {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(this.onError);
    }, this.flushMs);
    // Never the reason a process stays up; hits not yet written when it stops are the slack it had.
    this.timer.unref();
  }

  /** The window of `key` that holds now, as this instance knows it (a new window starts from 0). */
  private localWindow(key: string): LocalWindow {
    const current = this.windows.get(key);
    if (current && current.resetTime.getTime() > Date.now()) return current;
    if (this.windows.size >= 10_000) {
      const now = Date.now();
      for (const [known, window] of this.windows)
        if (window.resetTime.getTime() <= now) this.windows.delete(known);
      // Past that, forgetting a live window only forgets what was read: its unseen hits are still sent.
      if (this.windows.size >= 10_000) this.windows.clear();
    }
    const { ref, resetTime } = this.window(key);
    const window: LocalWindow = { ref, resetTime, known: 0, unwritten: 0, written: 0 };
    this.windows.set(key, window);
    return window;
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
    this.windows.delete(key);
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
