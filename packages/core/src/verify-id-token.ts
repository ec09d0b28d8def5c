import type { Auth, DecodedIdToken } from 'firebase-admin/auth';
import type { AuthContext } from './auth';
import { AppError } from './errors';

/** A verified Firebase ID token: who it names, and the times that bound its use. */
export interface VerifiedToken {
  auth: AuthContext;
  /** Token expiry, ms since the epoch. */
  expiresAt: number;
  /** When the user signed in (`auth_time`), ms since the epoch: compared with `tokensValidAfterTime`. */
  authTime: number;
}

/** Revocation and disabled-account refusals, as `verifyIdToken(token, true)` gives them. */
export const revoked = {
  token: () => new AppError('token-revoked', 'The ID token has been revoked. Sign in again.'),
  disabled: () => new AppError('user-disabled', 'This account is disabled.'),
};

/** Firebase Auth error codes that mean "this token does not identify a usable account". */
const rejections: Record<string, () => AppError> = {
  'auth/id-token-expired': () =>
    new AppError('token-expired', 'The ID token has expired. Refresh it and retry.'),
  'auth/id-token-revoked': () => revoked.token(),
  'auth/user-disabled': () => revoked.disabled(),
  'auth/user-not-found': () => AppError.unauthenticated('The ID token belongs to a deleted account.'),
  'auth/argument-error': () => AppError.unauthenticated('The ID token is malformed.'),
  'auth/invalid-id-token': () => AppError.unauthenticated('The ID token is invalid.'),
};

/**
 * Verify a Firebase ID token with the Admin SDK, checking revocation and disabled accounts, for the REST
 * API and the relay alike. Roles come from custom claims (`admin: true`). A token Firebase rejects becomes
 * an AppError with a stable code; any other failure (Auth unreachable) is `unavailable`.
 */
export async function verifyIdToken(auth: Auth, token: string): Promise<VerifiedToken> {
  let decoded: DecodedIdToken;
  try {
    decoded = await auth.verifyIdToken(token, true);
  } catch (error) {
    throw toAuthError(error);
  }
  return toVerifiedToken(decoded);
}

/** A Firebase Auth failure as an AppError: a rejection with its stable code, anything else `unavailable`. */
export function toAuthError(error: unknown): AppError {
  const code = (error as { code?: unknown } | null)?.code;
  const reject = typeof code === 'string' ? rejections[code] : undefined;
  if (reject) return reject();
  return AppError.unavailable('Could not verify the ID token right now. Retry shortly.', error);
}

/** What a decoded token says, in our terms. */
export function toVerifiedToken(decoded: DecodedIdToken): VerifiedToken {
  return {
    auth: { uid: decoded.uid, email: decoded.email ?? null, admin: decoded['admin'] === true },
    expiresAt: decoded.exp * 1000,
    authTime: decoded.auth_time * 1000,
  };
}
