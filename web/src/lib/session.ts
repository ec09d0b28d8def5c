/**
 * One signed-in user's live connection: the relay's `/chat` and `/notifications` clients (from the
 * project's client package), the REST API, and the connection state the views show. The browser's own
 * online/offline events drive the sockets, so a lost network is noticed at once rather than after the
 * relay's ping timeout, and a relay that closes the socket on purpose (a restart) is reconnected to.
 */
import { RelayClient, RelayNotifications, type ServerGoodbye } from '@chat/client';
import type { User } from 'firebase/auth';
import type { ChatApi } from './api';
import { Store } from './store';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface SessionOptions {
  relayUrl: string;
  user: User;
  api: ChatApi;
}

/** Codes that end a session for good: the user must sign in again (or cannot, when disabled). */
const SESSION_OVER = new Set<string>(['user-disabled', 'token-revoked', 'unauthenticated']);

export interface SessionState {
  connection: ConnectionState;
  /** Set when the relay ended the session for good (account disabled, sessions revoked): sign out. */
  ended: ServerGoodbye | null;
}

export class Session extends Store<SessionState> {
  readonly uid: string;
  readonly api: ChatApi;
  readonly relay: RelayClient;
  readonly notifications: RelayNotifications;
  private closed = false;
  private readonly cleanups: Array<() => void> = [];

  constructor(options: SessionOptions) {
    super({ connection: 'connecting', ended: null });
    this.uid = options.user.uid;
    this.api = options.api;
    const getToken = (force: boolean) => options.user.getIdToken(force);
    // Short reconnection delays: the local stack and Cloud Run both come back within seconds.
    const socket = { reconnectionDelay: 300, reconnectionDelayMax: 3000 };
    this.relay = new RelayClient({ url: options.relayUrl, getToken, socket });
    this.notifications = new RelayNotifications({ url: options.relayUrl, getToken, socket });

    const sockets = [this.relay.socket, this.notifications.socket];
    this.relay.socket.on('connect', () => this.update({ connection: 'online' }));
    this.relay.socket.on('disconnect', () => this.update({ connection: navigator.onLine ? 'connecting' : 'offline' }));
    for (const s of sockets) {
      // "io server disconnect": the relay closed the socket itself (shutdown or restart); socket.io-client
      // does not retry that on its own.
      s.on('disconnect', (reason) => {
        if (reason === 'io server disconnect' && !this.closed && navigator.onLine) {
          setTimeout(() => !this.closed && s.connect(), 500);
        }
      });
      // An admin disabled the account or revoked its sessions: the relay says so, then closes the socket.
      s.on('server:goodbye', (goodbye) => {
        if (!goodbye.reconnect && SESSION_OVER.has(goodbye.code)) this.end(goodbye);
      });
      // The same, learnt at a (re)connection: the handshake is refused with the API's code.
      s.on('connect_error', (error) => {
        const refusal = (error as { data?: { code?: string; message?: string } }).data;
        if (refusal?.code && SESSION_OVER.has(refusal.code)) {
          this.end({ code: refusal.code as ServerGoodbye['code'], message: refusal.message ?? error.message, reconnect: false });
        }
      });
    }
    const offline = () => {
      sockets.forEach((s) => s.disconnect());
      this.update({ connection: 'offline' });
    };
    const online = () => {
      this.update({ connection: 'connecting' });
      sockets.forEach((s) => s.connect());
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.cleanups.push(() => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    });
  }

  get online(): boolean {
    return this.getSnapshot().connection === 'online';
  }

  /** Resolves at the next (re)connection of `/chat`. */
  whenOnline(): Promise<void> {
    if (this.relay.socket.connected) return Promise.resolve();
    return new Promise((resolve) => this.relay.socket.once('connect', () => resolve()));
  }

  /** The session is over for good: stop every socket (no reconnection) and tell the views. */
  private end(goodbye: ServerGoodbye): void {
    if (this.getSnapshot().ended) return;
    this.close();
    this.update({ ended: goodbye, connection: 'offline' });
  }

  close(): void {
    this.closed = true;
    this.cleanups.forEach((cleanup) => cleanup());
    this.relay.close();
    this.notifications.close();
  }
}
