import type { Firestore } from 'firebase-admin/firestore';
import { AuthRefreshPayload, type NotificationClientEvents, type RealtimeNotification } from '@chat/core';
import type { SessionKeeper } from '../auth/session-keeper';
import type { RelayConfig } from '../config';
import { NotificationFeed } from '../listeners/notification-feed';
import { RefCounted } from '../listeners/ref-counted';
import type { Logs } from '../logs';
import { bindEvents } from '../sockets/event-handlers';
import {
  userRoom,
  type NotificationNamespace,
  type NotificationSocket,
  type RelaySocket,
} from '../sockets/socket-types';

export interface NotificationNamespaceDeps {
  nsp: NotificationNamespace;
  db: Firestore;
  sessions: SessionKeeper;
  logs: Logs;
  config: RelayConfig;
}

/**
 * `/notifications`: one room per user, joined on connect, fed by one tail of the user's inbox per instance
 * (however many tabs the user has open here). `notification:new` is emitted with `local`, since every
 * instance with a socket of the user has its own tail.
 */
export class NotificationRooms {
  private readonly feeds: RefCounted<NotificationFeed>;

  constructor(private readonly deps: NotificationNamespaceDeps) {
    const deliver = (uid: string, notification: RealtimeNotification) =>
      deps.nsp.local.to(userRoom(uid)).emit('notification:new', notification);
    this.feeds = new RefCounted(
      (uid) =>
        new NotificationFeed(deps.db, uid, deliver, deps.logs, { checkMs: deps.config.listenerCheckMs }),
    );
    deps.nsp.on('connection', (socket) => void this.connected(socket));
  }

  get activeFeeds(): number {
    return this.feeds.size;
  }

  close(): void {
    this.feeds.closeAll();
  }

  private async connected(socket: NotificationSocket): Promise<void> {
    const { logs, sessions, config } = this.deps;
    const uid = socket.data.session.auth.uid;
    sessions.track(socket as unknown as RelaySocket);
    logs.connected('/notifications', uid, socket.id);
    bindEvents<NotificationClientEvents>(
      socket,
      uid,
      {
        'auth:refresh': {
          schema: AuthRefreshPayload,
          run: ({ token }) => sessions.refresh(socket as unknown as RelaySocket, token),
        },
      },
      logs,
      config.eventsPerSecond,
    );
    const feed = this.feeds.acquire(uid);
    socket.on('disconnect', (reason) => {
      logs.disconnected('/notifications', uid, socket.id, reason);
      this.feeds.release(uid);
    });
    await feed.ready;
  }
}
