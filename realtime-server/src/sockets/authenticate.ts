import type { Auth } from 'firebase-admin/auth';
import type { ExtendedError, Socket } from 'socket.io';
import { AppError, HandshakeAuth, isAppError, toErrorEnvelope } from '@chat/core';
import { verifySessionToken } from '../auth/verify-token';
import type { Logs } from '../logs';
import type { SocketData } from './socket-types';

/**
 * The handshake auth middleware of every namespace: `io(url, { auth: { token } })` with a Firebase ID token,
 * verified with revocation checks. A refusal reaches the client as `connect_error` whose `data` is the REST
 * error envelope's `error` object, so `err.data.code` is one of the API's codes (unauthenticated,
 * token-expired, token-revoked, user-disabled, unavailable).
 */
export function authenticate(auth: Auth, logs: Logs) {
  return async (socket: Socket, next: (err?: ExtendedError) => void): Promise<void> => {
    try {
      const handshake = HandshakeAuth.safeParse(socket.handshake.auth);
      const data = socket.data as Partial<SocketData>;
      data.session = await verifySessionToken(auth, handshake.success ? handshake.data.token : undefined);
      // Verified once: the session holds what the relay needs. Socket.IO would otherwise keep the token (about
      // 1 KB) for the socket's whole life, and the Redis adapter would ship it with `fetchSockets()`.
      const { token: _verified, ...rest } = socket.handshake.auth as Record<string, unknown>;
      socket.handshake.auth = rest;
      next();
    } catch (error) {
      const appError = isAppError(error)
        ? error
        : AppError.unavailable('Could not verify the ID token.', error);
      logs.connectionRefused(socket.nsp.name, appError);
      const refusal: ExtendedError = new Error(appError.message);
      refusal.data = toErrorEnvelope(appError).error;
      next(refusal);
    }
  };
}
