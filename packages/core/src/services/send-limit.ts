import type { SendLimitConfig } from '../config-schemas';
import type { LogSink } from '../log-entry';
import type { RateLimitQuota } from '../rate-limit/rate-limit-quota';
import { secondsUntil, tooManyRequests } from '../rate-limit/too-many-requests';
import type { FirestoreRateLimitCounter } from '../repositories/rate-limit-counter';

/** The limiter on message sends: the prefix of its Firestore counters (`send:`) and the policy name clients see. */
export const MESSAGE_SEND_LIMITER = 'send';

/**
 * The per-user message-send limit, a rule of the domain: `MessageService` applies it to every send,
 * whatever the entry point (`POST /chats/{chatId}/messages` however spelled, `message:send`,
 * `message:private`). It counts in Firestore counters keyed by uid, shared by every function and relay
 * instance, so a user's REST and socket sends draw on one budget. A send over the limit is refused with
 * `resource-exhausted` before anything is written. When the counter cannot reach Firestore the send goes
 * through and the failure is logged: the limit protects the backend, it should not take sending down with it.
 */
export class SendLimit {
  constructor(
    /** Undefined when the limit is off (no config, or a budget of 0). */
    private readonly counter: FirestoreRateLimitCounter | undefined,
    private readonly config: SendLimitConfig,
    private readonly log: LogSink,
  ) {}

  /**
   * Counts one send by `uid`. Returns where they stand (null when the limit is off or could not be counted);
   * throws `resource-exhausted`, carrying the same, when this send is over the limit.
   */
  async admit(uid: string): Promise<RateLimitQuota | null> {
    if (!this.counter) return null;
    const { sendsPerUser: limit, windowSeconds } = this.config;
    let hit;
    try {
      hit = await this.counter.hit(uid);
    } catch (error) {
      this.log({
        severity: 'ERROR',
        message: `Rate limit "${MESSAGE_SEND_LIMITER}" not applied: ${error instanceof Error ? error.message : String(error)}`,
        limiter: MESSAGE_SEND_LIMITER,
        uid,
      });
      return null;
    }
    const quota: RateLimitQuota = {
      policy: MESSAGE_SEND_LIMITER,
      limit,
      remaining: Math.max(0, limit - hit.totalHits),
      windowSeconds,
      resetSeconds: secondsUntil(hit.resetTime),
    };
    if (hit.limited) {
      throw tooManyRequests(MESSAGE_SEND_LIMITER, limit, windowSeconds, quota.resetSeconds, quota);
    }
    return quota;
  }
}
