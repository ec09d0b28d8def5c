/**
 * Where one caller stands against one rate limit right after a hit: what the IETF `RateLimit` and
 * `RateLimit-Policy` headers say, and `Retry-After` on a refusal.
 */
export interface RateLimitQuota {
  /** The limiter's name (`send`), the policy name in the headers. */
  policy: string;
  /** Hits allowed per window. */
  limit: number;
  /** Hits left in this window (0 once refused). */
  remaining: number;
  windowSeconds: number;
  /** Whole seconds until the window ends and the count starts again. */
  resetSeconds: number;
}
