import type { ExtendedError, Socket } from 'socket.io';
import { AppError, toErrorEnvelope } from '@chat/core';
import type { Logs } from '../logs';
import type { SocketData } from './socket-types';

/**
 * At most `maxPerUser` sockets of one user in one namespace on this instance, so one token cannot open
 * thousands. Runs after the auth middleware. A socket counts from the moment it is let through until it
 * disconnects, or its connection closes before it ever connected, so handshakes racing each other cannot
 * overshoot the cap. A refusal reaches the client as `connect_error` with `data.code` `resource-exhausted`.
 */
export function socketCap(maxPerUser: number, logs: Logs) {
  const counts = new Map<string, number>();
  return (socket: Socket, next: (err?: ExtendedError) => void): void => {
    const uid = (socket.data as SocketData).session.auth.uid;
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
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (counts.get(uid) ?? 1) - 1;
      if (left > 0) counts.set(uid, left);
      else counts.delete(uid);
    };
    socket.once('disconnect', release);
    socket.conn.once('close', release);
    next();
  };
}
