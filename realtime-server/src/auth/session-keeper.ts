import type { Auth, UserRecord } from 'firebase-admin/auth';
import { AppError, type ServerGoodbye } from '@chat/core';
import type { Logs } from '../logs';
import { userRoom, type RelayNamespace, type RelaySocket } from '../sockets/socket-types';
import { verifySessionToken } from './verify-token';

export interface SessionKeeperOptions {
  /** How often every user with a socket here is checked for revoked tokens and a disabled account. */
  revocationCheckMs: number;
}

/**
 * Keeps every socket's session honest after the handshake:
 * - a socket is disconnected when its token expires, unless `auth:refresh` swapped in a fresh one first;
 * - every instance checks its own users on a timer (one batched `getUsers` per 100 users), so revoking a
 *   user's tokens or disabling the account closes their sockets on every instance. A disabled account is
 *   also broadcast through the adapter, so other instances act at once rather than at their next check.
 *
 * The check timer starts in the constructor and stops in `close()`.
 */
export class SessionKeeper {
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  private readonly timer: NodeJS.Timeout;
  private checking = false;
  private closed = false;

  constructor(
    private readonly auth: Auth,
    private readonly namespaces: RelayNamespace[],
    private readonly logs: Logs,
    options: SessionKeeperOptions,
  ) {
    this.timer = setInterval(() => void this.checkAll(), options.revocationCheckMs);
    this.timer.unref();
  }

  /** Start watching a socket that passed the auth middleware. */
  track(socket: RelaySocket): void {
    void socket.join(userRoom(socket.data.session.auth.uid));
    this.scheduleExpiry(socket);
    socket.once('disconnect', () => {
      clearTimeout(this.expiryTimers.get(socket.id));
      this.expiryTimers.delete(socket.id);
    });
  }

  /** Swap in a fresh token for the same user; returns its expiry. */
  async refresh(socket: RelaySocket, token: string): Promise<{ expiresAt: string }> {
    const session = await verifySessionToken(this.auth, token);
    if (session.auth.uid !== socket.data.session.auth.uid) {
      throw AppError.permissionDenied('The new token belongs to another user: reconnect instead.');
    }
    socket.data.session = session;
    this.scheduleExpiry(socket);
    return { expiresAt: new Date(session.expiresAt).toISOString() };
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    this.expiryTimers.forEach((timer) => clearTimeout(timer));
    this.expiryTimers.clear();
  }

  private scheduleExpiry(socket: RelaySocket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    const delay = Math.max(0, socket.data.session.expiresAt - Date.now());
    const timer = setTimeout(() => {
      end(socket, {
        code: 'token-expired',
        message: 'Your ID token expired. Reconnect with a fresh one.',
        reconnect: true,
      });
      this.logs.sessionEnded(socket.data.session.auth.uid, 'token-expired');
    }, delay);
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
  }

  /** One pass over every socket on this instance. */
  async checkAll(): Promise<void> {
    if (this.checking || this.closed) return;
    this.checking = true;
    try {
      const byUid = new Map<string, RelaySocket[]>();
      for (const nsp of this.namespaces) {
        for (const socket of nsp.sockets.values()) {
          const uid = socket.data.session.auth.uid;
          byUid.set(uid, [...(byUid.get(uid) ?? []), socket]);
        }
      }
      const uids = [...byUid.keys()];
      for (let i = 0; i < uids.length; i += 100) {
        const batch = uids.slice(i, i + 100);
        const result = await this.auth.getUsers(batch.map((uid) => ({ uid })));
        // Closed meanwhile: the adapter may be gone, and every socket is being told to reconnect anyway.
        if (this.closed) return;
        const found = new Map(result.users.map((user) => [user.uid, user]));
        for (const uid of batch) this.judge(uid, found.get(uid), byUid.get(uid) ?? []);
      }
    } catch (error) {
      this.logs.revocationCheckFailed(error);
    } finally {
      this.checking = false;
    }
  }

  private judge(uid: string, user: UserRecord | undefined, sockets: RelaySocket[]): void {
    if (!user) {
      const goodbye: ServerGoodbye = {
        code: 'unauthenticated',
        message: 'This account no longer exists.',
        reconnect: false,
      };
      sockets.forEach((socket) => end(socket, goodbye));
      this.logs.sessionEnded(uid, goodbye.code);
      return;
    }
    if (user.disabled) {
      const goodbye: ServerGoodbye = {
        code: 'user-disabled',
        message: 'This account is disabled.',
        reconnect: false,
      };
      // Every instance's sockets of this user, now: the adapter carries it.
      for (const nsp of this.namespaces) {
        nsp.to(userRoom(uid)).emit('server:goodbye', goodbye);
        nsp.in(userRoom(uid)).disconnectSockets(true);
      }
      this.logs.sessionEnded(uid, goodbye.code);
      return;
    }
    const validAfter = user.tokensValidAfterTime ? Date.parse(user.tokensValidAfterTime) : 0;
    for (const socket of sockets) {
      if (socket.data.session.authTime < validAfter) {
        end(socket, {
          code: 'token-revoked',
          message: 'Your session was revoked. Sign in again.',
          reconnect: false,
        });
        this.logs.sessionEnded(uid, 'token-revoked');
      }
    }
  }
}

/** Tell the client why, then leave the namespace (the goodbye is written before the disconnect packet). */
function end(socket: RelaySocket, goodbye: ServerGoodbye): void {
  if (socket.disconnected) return;
  socket.emit('server:goodbye', goodbye);
  socket.disconnect();
}
