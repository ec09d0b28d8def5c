import { Router, type Request, type RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Firestore } from 'firebase-admin/firestore';
import { AppError, limiterPrefix, MESSAGE_SEND_LIMITER, tooManyRequests } from '@chat/core';
import type { RateLimitConfig } from '../config';
import type { Logs } from '../logs';
import { FirestoreRateLimitStore } from './firestore-rate-limit-store';

/**
 * The API's rate limits, built on express-rate-limit with a Firestore store shared by every instance:
 * - `perIp`: every request, before authentication, keyed by the client IP (`req.ip`, which is the
 *   client's because app.ts trusts exactly one proxy hop: Google's front end);
 * - `perUser`: every authenticated request, keyed by uid;
 * - `sends`: `POST /chats/{chatId}/messages` only, keyed by uid, tighter. The relay counts its socket
 *   sends against the same counters, so REST and socket sends share one budget.
 *
 * A limited request gets 429 `resource-exhausted` in the error envelope, the IETF `RateLimit` and
 * `RateLimit-Policy` headers (draft 8, one named policy per limiter that saw the request) and
 * `Retry-After`. If Firestore fails, the request goes through and the failure is logged: the limits
 * protect the API, they should not take it down with them.
 */
export interface RateLimits {
  perIp: RequestHandler;
  perUser: RequestHandler;
  sends: RequestHandler;
}

export function createRateLimits(db: Firestore, config: RateLimitConfig, logs: Logs): RateLimits {
  const limiter = (
    name: string,
    limit: number,
    keyOf?: (req: Request) => string,
    appliesTo?: (req: Request) => boolean,
  ): RequestHandler => {
    if (limit <= 0) return (_req, _res, next) => next();
    return rateLimit({
      windowMs: config.windowSeconds * 1000,
      limit,
      identifier: name,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      store: new FirestoreRateLimitStore(db, limiterPrefix(name)),
      ...(keyOf ? { keyGenerator: keyOf } : {}),
      ...(appliesTo ? { skip: (req: Request) => !appliesTo(req) } : {}),
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
    sends: limiter(MESSAGE_SEND_LIMITER, config.sendsPerUser, uidOf, isMessageSend),
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

const MESSAGE_SEND = /^\/chats\/[^/]+\/messages\/?$/;

/** Whether the request sends a message; routers are mounted at `/`, so `req.path` is the full path. */
export function isMessageSend(req: Request): boolean {
  return req.method === 'POST' && MESSAGE_SEND.test(req.path);
}

/**
 * `requireAuth` followed by the per-user limits, as one handler: the route files take one
 * `requireAuth` handler, and every authenticated route is then limited per user without each route
 * knowing. A Router composes them, so async errors reach the error middleware as usual.
 */
export function authenticatedAndLimited(requireAuth: RequestHandler, limits: RateLimits): RequestHandler {
  return Router().use(requireAuth, limits.perUser, limits.sends);
}
