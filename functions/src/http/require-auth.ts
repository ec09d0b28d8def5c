import type { Request, RequestHandler } from 'express';
import type { Auth } from 'firebase-admin/auth';
import { AppError, type AuthContext } from '@chat/core';

/** Firebase Auth error codes that mean "this token does not identify a usable account". */
const rejections: Record<string, () => AppError> = {
  'auth/id-token-expired': () =>
    new AppError('token-expired', 'The ID token has expired. Refresh it and retry.'),
  'auth/id-token-revoked': () =>
    new AppError('token-revoked', 'The ID token has been revoked. Sign in again.'),
  'auth/user-disabled': () => new AppError('user-disabled', 'This account is disabled.'),
  'auth/user-not-found': () => AppError.unauthenticated('The ID token belongs to a deleted account.'),
  'auth/argument-error': () => AppError.unauthenticated('The ID token is malformed.'),
  'auth/invalid-id-token': () => AppError.unauthenticated('The ID token is invalid.'),
};

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
    try {
      const decoded = await auth.verifyIdToken(match[1], true);
      req.auth = { uid: decoded.uid, email: decoded.email ?? null, admin: decoded['admin'] === true };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const reject = typeof code === 'string' ? rejections[code] : undefined;
      if (reject) throw reject();
      throw error;
    }
    next();
  };
}

/** The caller of a route behind `requireAuth`. */
export function callerOf(req: Request): AuthContext {
  if (!req.auth) throw AppError.unauthenticated();
  return req.auth;
}
