import { AppError } from '../errors';
import type { RateLimitQuota } from './rate-limit-quota';

/**
 * The error a request or socket event over a rate limit gets, worded the same on REST and on the relay:
 * `resource-exhausted` (429), naming the limit and the seconds to wait. `quota`, when given, rides along
 * for the REST headers.
 */
export function tooManyRequests(
  limiter: string,
  limit: number,
  windowSeconds: number,
  retryAfterSeconds: number,
  quota?: RateLimitQuota,
): AppError {
  return new AppError(
    'resource-exhausted',
    `Too many requests (limit "${limiter}": ${limit} per ${windowSeconds} s). Retry after ${retryAfterSeconds} s.`,
    undefined,
    quota ? { rateLimit: quota } : undefined,
  );
}

/** Whole seconds until `resetTime`, rounded up and never negative: what `Retry-After` says. */
export function secondsUntil(resetTime: Date, now = Date.now()): number {
  return Math.max(0, Math.ceil((resetTime.getTime() - now) / 1000));
}
