import type { Auth, DecodedIdToken } from 'firebase-admin/auth';
import { AppError, type AuthContext } from '@chat/core';

/** Who a socket belongs to, and until when its token is good. */
export interface Session {
  auth: AuthContext;
  /** Token expiry, ms since the epoch. */
  expiresAt: number;
  /** When the user signed in (token `auth_time`), ms since the epoch: compared with `tokensValidAfterTime`. */
  authTime: number;
}

/** Firebase Auth error codes that mean "this token does not identify a usable account" (as in the REST API). */
const rejections: Record<string, () => AppError> = {
  'auth/id-token-expired': () =>
    new AppError('token-expired', 'The ID token has expired. Refresh it and reconnect.'),
  'auth/id-token-revoked': () =>
    new AppError('token-revoked', 'The ID token has been revoked. Sign in again.'),
  'auth/user-disabled': () => new AppError('user-disabled', 'This account is disabled.'),
  'auth/user-not-found': () => AppError.unauthenticated('The ID token belongs to a deleted account.'),
  'auth/argument-error': () => AppError.unauthenticated('The ID token is malformed.'),
  'auth/invalid-id-token': () => AppError.unauthenticated('The ID token is invalid.'),
};

/**
 * Verify a Firebase ID token with the Admin SDK, checking revocation and disabled accounts. Rejections
 * become AppErrors with the API's codes; anything else (Auth unreachable) is `unavailable`.
 */
export async function verifySessionToken(auth: Auth, token: unknown): Promise<Session> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 8192) {
    throw AppError.unauthenticated(
      'Send a Firebase ID token as the handshake auth: io(url, { auth: { token } }).',
    );
  }
  let decoded: DecodedIdToken;
  try {
    decoded = await auth.verifyIdToken(token, true);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reject = typeof code === 'string' ? rejections[code] : undefined;
    if (reject) throw reject();
    throw AppError.unavailable('Could not verify the ID token right now. Retry shortly.', error);
  }
  return {
    auth: { uid: decoded.uid, email: decoded.email ?? null, admin: decoded['admin'] === true },
    expiresAt: decoded.exp * 1000,
    authTime: decoded.auth_time * 1000,
  };
}
