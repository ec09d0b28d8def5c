import type { LogSink } from '../log-entry';
import type { RateLimitQuota } from '../rate-limit/rate-limit-quota';
import { secondsUntil, tooManyRequests } from '../rate-limit/too-many-requests';
import type { FirestoreRateLimitCounter } from '../repositories/rate-limit-counter';

/**
 * A per-user budget on one kind of operation, a rule of the domain: the services apply it whatever the entry
 * point (REST, the relay). It counts in Firestore counters keyed by uid, shared by every function and relay
 * instance. An operation over the budget is refused with `resource-exhausted` (429, with the seconds to
 * wait) before anything is written. When the counter cannot reach Firestore the operation goes through and
 * the failure is logged: a limit protects the backend, it should not take the operation down with it.
 */
export class UserLimit {
  constructor(
    /** The limiter's name: its counters' prefix and the policy name clients see (`send`, `chat-create`). */
    readonly name: string,
    /** Undefined when the limit is off (no config, or a budget of 0). */
    private readonly counter: FirestoreRateLimitCounter | undefined,
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly log: LogSink,
  ) {}

  /**
   * Counts `weight` operations by `uid` (a group created with 5 members is 5 adds). Returns where they stand
   * (null when the limit is off or could not be counted); throws `resource-exhausted`, carrying the same,
   * when this goes over the budget.
   */
  async admit(uid: string, weight = 1): Promise<RateLimitQuota | null> {
    if (!this.counter || weight <= 0) return null;
    const { limit, windowSeconds, name } = this;
    let hit;
    try {
      hit = await this.counter.hit(uid, weight);
    } catch (error) {
      this.log({
        severity: 'ERROR',
        message: `Rate limit "${name}" not applied: ${error instanceof Error ? error.message : String(error)}`,
        limiter: name,
        uid,
      });
      return null;
    }
    const quota: RateLimitQuota = {
      policy: name,
      limit,
      remaining: Math.max(0, limit - hit.totalHits),
      windowSeconds,
      resetSeconds: secondsUntil(hit.resetTime),
    };
    if (hit.limited) throw tooManyRequests(name, limit, windowSeconds, quota.resetSeconds, quota);
    return quota;
  }
}
