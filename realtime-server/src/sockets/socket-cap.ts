import type { ExtendedError, Socket } from 'socket.io';
import { AppError, toErrorEnvelope } from '@chat/core';
import type { Logs } from '../logs';
import { perSocket, type SocketData } from './socket-types';

/**
 * At most `maxPerUser` sockets of one user in one namespace on this instance, so one token cannot open
 * thousands. Runs after the auth middleware, and must be the namespace's last middleware. A socket counts
 * from the moment it is let through until it disconnects, or until it turns out never to have connected (its
 * connection closed while the handshake finished), so handshakes racing each other cannot overshoot the
 * cap. A refusal reaches the client as `connect_error` with `data.code` `resource-exhausted`.
 */
export function socketCap(maxPerUser: number, logs: Logs) {
  const counts = new Map<string, number>();
  const uidOf = (socket: Socket) => (socket.data as SocketData).session.auth.uid;
  const release = (uid: string) => {
    const left = (counts.get(uid) ?? 1) - 1;
    if (left > 0) counts.set(uid, left);
    else counts.delete(uid);
  };
  const released = perSocket((socket: Socket) => release(uidOf(socket)));

  return (socket: Socket, next: (err?: ExtendedError) => void): void => {
    const uid = uidOf(socket);
    const held = counts.get(uid) ?? 0;
    if (held >= maxPerUser) {
      const error = new AppError(
        'resource-exhausted',
        `At most ${maxPerUser} sockets per user per namespace on one relay instance; close one first.`,
      );
      logs.connectionRefused(socket.nsp.name, error);
      const refusal: ExtendedError = new Error(error.message);
      refusal.data = toErrorEnvelope(error).error;
      return next(refusal);
    }
    counts.set(uid, held + 1);
    next();
    // As the last middleware, `next()` has Socket.IO connect the socket on the next tick, unless its connection
    // closed meanwhile; this tick comes right after that one. A connected socket is released when it
    // disconnects (once: Socket.IO emits it once); one that is not (it never connected, or has already
    // disconnected) is released now.
    process.nextTick(() => {
      if (socket.connected) socket.on('disconnect', released);
      else release(uid);
    });
  };
}
