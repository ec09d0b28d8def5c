import type { Auth } from 'firebase-admin/auth';
import { AppError, verifyIdToken, type VerifiedToken } from '@chat/core';

/** Who a socket belongs to, and until when its token is good. */
export type Session = VerifiedToken;

/** Verify the handshake's (or `auth:refresh`'s) token the way the REST API does. */
export async function verifySessionToken(auth: Auth, token: unknown): Promise<Session> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 8192) {
    throw AppError.unauthenticated(
      'Send a Firebase ID token as the handshake auth: io(url, { auth: { token } }).',
    );
  }
  return verifyIdToken(auth, token);
}
