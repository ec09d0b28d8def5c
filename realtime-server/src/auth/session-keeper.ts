import type { Auth, UserRecord } from 'firebase-admin/auth';
import { AppError, type Revocation, type RevocationRepository, type ServerGoodbye } from '@chat/core';
import { Backoff } from '../listeners/backoff';
import type { Logs } from '../logs';
import { failure } from '../sockets/event-handlers';
import { userRoom, type RelayNamespace, type RelaySocket } from '../sockets/socket-types';
import { verifySessionToken } from './verify-token';

export interface SessionKeeperOptions {
  /** How often every user with a socket here is checked for revoked tokens and a disabled account. */
  revocationCheckMs: number;
}

/**
 * Records are read from a little before this instance started: a socket verified by Auth just before a
 * revocation landed there must still hear of it, whatever the clocks say.
 */
const CLOCK_SKEW_MS = 60_000;

/** A goodbye for a session that is over; its code is also the error code of a refused event. */
type SessionOver = ServerGoodbye & { code: 'token-expired' | 'token-revoked' | 'user-disabled' };

/** What this instance knows of a user's revocation, from the records and from its own polls. */
interface Verdict {
  disabled: boolean;
  /** Sessions signed in before this (ms since the epoch) are revoked; 0 when none is. */
  validAfter: number;
}

/**
 * Keeps every socket's session honest after the handshake:
 * - a socket is disconnected when its token expires, unless `auth:refresh` swapped in a fresh one first
 *   (one timer for the instance, armed for the soonest expiry, rather than one per socket);
 * - revocations and disables made through the API arrive as records in Firestore (`RevocationRepository`):
 *   each instance listens to them with ONE listener and closes its own sockets of that user at once;
 * - every instance also checks its own users on a timer (one batched `getUsers` per 100 users), which
 *   catches changes made outside the API (the console, another Admin SDK). A disabled account is then
 *   broadcast through the adapter, so other instances act at once rather than at their next check;
 * - every client event is checked against what the instance knows before it runs, so nothing a socket
 *   sends is acted on once its session is known to be over.
 *
 * The listener and the timer start in the constructor and stop in `close()`.
 */
export class SessionKeeper {
  /** Armed for `expiryAt`, the soonest token expiry among the local sockets (when it was armed). */
  private expiryTimer: NodeJS.Timeout | undefined;
  private expiryAt = Infinity;
  private readonly timer: NodeJS.Timeout;
  /** Users of local sockets whose sessions are (partly) over; dropped when their last socket leaves. */
  private readonly verdicts = new Map<string, Verdict>();
  private readonly backoff = new Backoff();
  private readonly since = new Date(Date.now() - CLOCK_SKEW_MS);
  private unsubscribe: (() => void) | undefined;
  private retry: NodeJS.Timeout | undefined;
  private checking = false;
  private closed = false;

  constructor(
    private readonly auth: Auth,
    private readonly namespaces: RelayNamespace[],
    private readonly logs: Logs,
    options: SessionKeeperOptions,
    private readonly revocations: RevocationRepository,
  ) {
    this.timer = setInterval(() => void this.checkAll(), options.revocationCheckMs);
    this.timer.unref();
    this.listen();
  }

  /** Start watching a socket that passed the auth middleware; its namespace calls `untrack` at disconnect. */
  track(socket: RelaySocket): void {
    const uid = socket.data.session.auth.uid;
    void socket.join(userRoom(uid));
    this.expireAt(socket.data.session.expiresAt);
  }

  /**
   * Whether a client event of this socket may run; its namespace asks before every event. When the session is
   * known to be over, the event's ack (if any) gets the reason, the socket is ended, and the answer is no.
   */
  admit(socket: RelaySocket, args: unknown[]): boolean {
    const goodbye = this.verdictOn(socket);
    if (!goodbye) return true;
    const ack = args[args.length - 1];
    if (typeof ack === 'function') ack(failure(new AppError(goodbye.code, goodbye.message)));
    end(socket, goodbye);
    this.logs.sessionEnded(socket.data.session.auth.uid, goodbye.code);
    return false;
  }

  /** A tracked socket disconnected (it has left its rooms). */
  untrack(socket: RelaySocket): void {
    const uid = socket.data.session.auth.uid;
    if (this.localSockets(uid).length === 0) this.verdicts.delete(uid);
  }

  /** Swap in a fresh token for the same user; returns its expiry. */
  async refresh(socket: RelaySocket, token: string): Promise<{ expiresAt: string }> {
    const session = await verifySessionToken(this.auth, token);
    if (session.auth.uid !== socket.data.session.auth.uid) {
      throw AppError.permissionDenied('The new token belongs to another user: reconnect instead.');
    }
    socket.data.session = session;
    this.expireAt(session.expiresAt);
    return { expiresAt: new Date(session.expiresAt).toISOString() };
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    clearTimeout(this.retry);
    clearInterval(this.timer);
    clearTimeout(this.expiryTimer);
  }

  /** Make sure the expiry timer fires by `expiresAt` (a later expiry is found when it fires). */
  private expireAt(expiresAt: number): void {
    if (this.closed || expiresAt >= this.expiryAt) return;
    clearTimeout(this.expiryTimer);
    this.expiryAt = expiresAt;
    this.expiryTimer = setTimeout(() => this.endExpired(), Math.max(0, expiresAt - Date.now()));
    this.expiryTimer.unref();
  }

  /**
   * End every local socket whose token has expired, and arm the timer for the soonest expiry left. One pass
   * over the sockets per expiry, instead of a timer (and its bookkeeping) held by every socket.
   */
  private endExpired(): void {
    this.expiryTimer = undefined;
    this.expiryAt = Infinity;
    const now = Date.now();
    let soonest = Infinity;
    for (const nsp of this.namespaces) {
      for (const socket of nsp.sockets.values()) {
        const { expiresAt, auth } = socket.data.session;
        if (expiresAt > now) {
          soonest = Math.min(soonest, expiresAt);
        } else if (!socket.disconnected) {
          end(socket, expiredGoodbye);
          this.logs.sessionEnded(auth.uid, expiredGoodbye.code);
        }
      }
    }
    if (soonest < Infinity) this.expireAt(soonest);
  }

  /** One listener on the revocation records for the whole instance; reopened with backoff if it breaks. */
  private listen(): void {
    if (this.closed) return;
    this.unsubscribe = this.revocations.watch(this.since, {
      onChange: (revocation) => {
        this.backoff.reset();
        this.apply(revocation);
      },
      onMalformed: ({ path }) => this.logs.documentSkipped(path),
      onError: (error) => {
        this.unsubscribe = undefined;
        if (this.closed) return;
        const delay = this.backoff.next();
        this.logs.listenerBroken('revocations', '*', error.message, delay);
        this.retry = setTimeout(() => this.listen(), delay);
        this.retry.unref();
      },
    });
  }

  /** A record from the API: close this instance's sockets it covers, now. */
  private apply(revocation: Revocation): void {
    const sockets = this.localSockets(revocation.uid);
    if (sockets.length === 0) return;
    this.verdicts.set(revocation.uid, {
      disabled: revocation.disabled,
      validAfter: revocation.tokensValidAfter ?? 0,
    });
    this.endCovered(revocation.uid, sockets);
  }

  /** Why this socket's session is over, if it is, from what this instance knows now. */
  private verdictOn(socket: RelaySocket): SessionOver | undefined {
    const { session } = socket.data;
    if (session.expiresAt <= Date.now()) return expiredGoodbye;
    const verdict = this.verdicts.get(session.auth.uid);
    if (verdict?.disabled) return disabledGoodbye;
    if (verdict && session.authTime < verdict.validAfter) return revokedGoodbye;
    return undefined;
  }

  /** End each of these sockets whose session the current verdict covers. */
  private endCovered(uid: string, sockets: RelaySocket[]): void {
    for (const socket of sockets) {
      const goodbye = this.verdictOn(socket);
      if (!goodbye || socket.disconnected) continue;
      end(socket, goodbye);
      this.logs.sessionEnded(uid, goodbye.code);
    }
  }

  private localSockets(uid: string): RelaySocket[] {
    const found: RelaySocket[] = [];
    for (const nsp of this.namespaces) {
      for (const id of nsp.adapter.rooms.get(userRoom(uid)) ?? []) {
        const socket = nsp.sockets.get(id);
        if (socket) found.push(socket);
      }
    }
    return found;
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
      this.verdicts.set(uid, { disabled: true, validAfter: 0 });
      // Every instance's sockets of this user, now: the adapter carries it.
      for (const nsp of this.namespaces) {
        nsp.to(userRoom(uid)).emit('server:goodbye', disabledGoodbye);
        nsp.in(userRoom(uid)).disconnectSockets(true);
      }
      this.logs.sessionEnded(uid, disabledGoodbye.code);
      return;
    }
    const validAfter = user.tokensValidAfterTime ? Date.parse(user.tokensValidAfterTime) : 0;
    if (sockets.some((socket) => socket.data.session.authTime < validAfter)) {
      this.verdicts.set(uid, { disabled: false, validAfter });
      this.endCovered(uid, sockets);
    }
  }
}

const expiredGoodbye: SessionOver = {
  code: 'token-expired',
  message: 'Your ID token expired. Reconnect with a fresh one.',
  reconnect: true,
};
const revokedGoodbye: SessionOver = {
  code: 'token-revoked',
  message: 'Your session was revoked. Sign in again.',
  reconnect: false,
};
const disabledGoodbye: SessionOver = {
  code: 'user-disabled',
  message: 'This account is disabled.',
  reconnect: false,
};

/** Tell the client why, then leave the namespace (the goodbye is written before the disconnect packet). */
function end(socket: RelaySocket, goodbye: ServerGoodbye): void {
  if (socket.disconnected) return;
  socket.emit('server:goodbye', goodbye);
  socket.disconnect();
}
