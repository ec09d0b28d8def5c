import { Router, type Request, type RequestHandler, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Firestore } from 'firebase-admin/firestore';
import { AppError, limiterPrefix, tooManyRequests, type RateLimitQuota } from '@chat/core';
import type { RateLimitConfig } from '../config';
import type { Logs } from '../logs';
import { FirestoreRateLimitStore } from './firestore-rate-limit-store';

/**
 * The API's request limits, HTTP concerns built on express-rate-limit with a Firestore store shared by
 * every instance:
 * - `perIp`: every request, before authentication, keyed by the client IP (`req.ip`, which is the
 *   client's because app.ts trusts exactly one proxy hop: Google's front end);
 * - `perUser`: every authenticated request, keyed by uid.
 * The message-send limit is not here: it is a rule of the domain, applied by core's `MessageService` to
 * every send whatever its entry point (REST or the relay's sockets); `setRateLimitHeaders` reports it.
 *
 * A limited request gets 429 `resource-exhausted` in the error envelope, the IETF `RateLimit` and
 * `RateLimit-Policy` headers (draft 8, one named policy per limiter that saw the request) and
 * `Retry-After`. With `slackPercent` (deployed: 5) a request costs no Firestore round trip: each instance
 * counts locally and reconciles in batches, admitting at most that share of a limit per extra instance
 * beyond it, and fails closed once it has admitted that share without reaching Firestore. With 0, every
 * request is counted in Firestore first, and if Firestore fails the request goes through and the failure is
 * logged.
 */
export interface RateLimits {
  perIp: RequestHandler;
  perUser: RequestHandler;
}

export function createRateLimits(db: Firestore, config: RateLimitConfig, logs: Logs): RateLimits {
  const limiter = (name: string, limit: number, keyOf?: (req: Request) => string): RequestHandler => {
    if (limit <= 0) return (_req, _res, next) => next();
    return rateLimit({
      windowMs: config.windowSeconds * 1000,
      limit,
      identifier: name,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      store: new FirestoreRateLimitStore(db, limiterPrefix(name), {
        slackPercent: config.slackPercent,
        onError: (error) => logs.rateLimitStoreFailed(name, error),
      }),
      ...(keyOf ? { keyGenerator: keyOf } : {}),
      passOnStoreError: true,
      // The address checks are about the default key; ours handles a missing address itself.
      validate: { ip: false },
      logger: {
        error: (error) => logs.rateLimitStoreFailed(name, error),
        warn: (warning) => logs.rateLimitWarning(name, warning),
      },
      handler: (_req, res, next) => {
        next(tooManyRequests(name, limit, config.windowSeconds, Number(res.getHeader('Retry-After'))));
      },
    });
  };
  const uidOf = (req: Request) => {
    if (!req.auth) throw AppError.unauthenticated();
    return req.auth.uid;
  };
  return {
    perIp: limiter('ip', config.perIp, ipOf),
    perUser: limiter('user', config.perUser, uidOf),
  };
}

/**
 * The client IP (an IPv6 client by its /56, as one household or host gets a whole prefix). Deployed,
 * Google's front end always sets X-Forwarded-For; the Functions emulator talks to the function over a
 * local socket without it, so requests without an address share one counter rather than failing.
 */
function ipOf(req: Request): string {
  return req.ip ? ipKeyGenerator(req.ip, 56) : 'no-address';
}

/**
 * `requireAuth` followed by the per-user limit, as one handler: the route files take one
 * `requireAuth` handler, and every authenticated route is then limited per user without each route
 * knowing. A Router composes them, so async errors reach the error middleware as usual.
 */
export function authenticatedAndLimited(requireAuth: RequestHandler, limits: RateLimits): RequestHandler {
  return Router().use(requireAuth, limits.perUser);
}

/**
 * The IETF `RateLimit` and `RateLimit-Policy` headers (draft 8, as express-rate-limit writes them for the
 * other limiters, appended beside theirs) for a limit the domain applied, such as the send limit; and
 * `Retry-After` when it refused.
 */
export function setRateLimitHeaders(res: Response, quota: RateLimitQuota | undefined, refused = false): void {
  if (!quota || res.headersSent) return;
  res.append('RateLimit', `"${quota.policy}"; r=${quota.remaining}; t=${quota.resetSeconds}`);
  res.append('RateLimit-Policy', `"${quota.policy}"; q=${quota.limit}; w=${quota.windowSeconds}`);
  if (refused) res.set('Retry-After', String(quota.resetSeconds));
}
