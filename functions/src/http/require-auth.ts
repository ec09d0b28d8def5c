import type { Request, RequestHandler } from 'express';
import type { Auth } from 'firebase-admin/auth';
import { AppError, verifyIdToken, type AuthContext } from '@chat/core';

/**
 * Verify `Authorization: Bearer <Firebase ID token>` with the Admin SDK, checking revocation and disabled
 * accounts, and put the caller on `req.auth`. Roles come from custom claims (`admin: true`).
 */
export function requireAuth(auth: Auth): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1])
      throw AppError.unauthenticated('Send a Firebase ID token as "Authorization: Bearer <token>".');
    req.auth = (await verifyIdToken(auth, match[1])).auth;
    next();
  };
}

/** The caller of a route behind `requireAuth`. */
export function callerOf(req: Request): AuthContext {
  if (!req.auth) throw AppError.unauthenticated();
  return req.auth;
}
