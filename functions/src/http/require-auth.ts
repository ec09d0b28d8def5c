import type { Request, RequestHandler } from 'express';
import { AppError, type AuthContext, type CachedTokenVerifier } from '@chat/core';

/**
 * Verify `Authorization: Bearer <Firebase ID token>` with the Admin SDK, checking revocation and disabled
 * accounts (through the instance's cache of both, see `CachedTokenVerifier`), and put the caller on
 * `req.auth`. Roles come from custom claims (`admin: true`).
 */
export function requireAuth(tokens: CachedTokenVerifier): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1])
      throw AppError.unauthenticated('Send a Firebase ID token as "Authorization: Bearer <token>".');
    req.auth = (await tokens.verify(match[1])).auth;
    next();
  };
}

/** The caller of a route behind `requireAuth`. */
export function callerOf(req: Request): AuthContext {
  if (!req.auth) throw AppError.unauthenticated();
  return req.auth;
}
