import {
  AppError,
  toNotification,
  AuthRefreshPayload,
  NotificationsSubscribePayload,
  type NotificationClientEvents,
  type NotificationRepository,
  type NotificationsSubscribed,
  type RealtimeNotification,
} from '@chat/core';
import type { SessionKeeper } from '../auth/session-keeper';
import { historyPageSize, type RelayConfig } from '../config';
import { NotificationFeed } from '../listeners/notification-feed';
import { RefCounted } from '../listeners/ref-counted';
import type { Logs } from '../logs';
import { bindEvents, type EventBinding } from '../sockets/event-handlers';
import {
  perSocket,
  type NotificationNamespace,
  type NotificationSocket,
  type RelaySocket,
} from '../sockets/socket-types';

export interface NotificationNamespaceDeps {
  nsp: NotificationNamespace;
  /** Where the inbox feeds and missed-notification recovery get their queries. */
  notifications: NotificationRepository;
  sessions: SessionKeeper;
  logs: Logs;
  config: RelayConfig;
}

/** The room a user's sockets join with `notifications:subscribe`. */
export const inboxRoom = (uid: string) => `inbox:${uid}`;

/**
 * `/notifications`: one inbox room per user, fed by one tail of the user's inbox per instance (however many
 * tabs the user has open here). A socket joins it with `notifications:subscribe`, optionally with the id
 * of the newest notification it holds, and gets exactly what it missed in the ack. `notification:new` is
 * emitted with `local`, since every instance with a socket of the user has its own tail.
 */
export class NotificationRooms {
  private readonly feeds: RefCounted<NotificationFeed>;
  /** One table for every socket of the namespace (see `bindEvents`). */
  private readonly events: EventBinding<NotificationClientEvents, NotificationSocket>;

  constructor(private readonly deps: NotificationNamespaceDeps) {
    const deliver = (uid: string, notification: RealtimeNotification) =>
      deps.nsp.local.to(inboxRoom(uid)).emit('notification:new', notification);
    this.feeds = new RefCounted(
      (uid) =>
        new NotificationFeed(deps.notifications, uid, deliver, deps.logs, {
          checkMs: deps.config.listenerCheckMs,
        }),
    );
    this.events = {
      handlers: {
        'notifications:subscribe': {
          schema: NotificationsSubscribePayload,
          run: (socket, payload) => this.subscribe(socket, payload),
        },
        'auth:refresh': {
          schema: AuthRefreshPayload,
          run: (socket, { token }) => deps.sessions.refresh(socket as unknown as RelaySocket, token),
        },
      },
      admit: (socket, args) => deps.sessions.admit(socket as unknown as RelaySocket, args),
      logs: deps.logs,
      eventsPerSecond: deps.config.eventsPerSecond,
    };
    deps.nsp.on('connection', (socket) => this.connected(socket));
  }

  get activeFeeds(): number {
    return this.feeds.size;
  }

  close(): void {
    this.feeds.closeAll();
  }

  private connected(socket: NotificationSocket): void {
    const { logs, sessions } = this.deps;
    const uid = socket.data.session.auth.uid;
    sessions.track(socket as unknown as RelaySocket);
    logs.connected('/notifications', uid, socket.id);
    // Opened at connect, so it is usually ready by the time the client subscribes.
    this.feeds.acquire(uid);
    bindEvents(socket, uid, this.events);
    socket.on('disconnect', this.disconnected);
  }

  private readonly disconnected = perSocket((socket: NotificationSocket, reason: string) => {
    const uid = socket.data.session.auth.uid;
    this.deps.sessions.untrack(socket as unknown as RelaySocket);
    this.deps.logs.disconnected('/notifications', uid, socket.id, reason);
    this.feeds.release(uid);
  });

  /** Same contract as `chat:join`: join at a known point of the feed, ack exactly what came before it. */
  private async subscribe(
    socket: NotificationSocket,
    payload: NotificationsSubscribePayload,
  ): Promise<NotificationsSubscribed> {
    const uid = socket.data.session.auth.uid;
    // Acquired at connect and released at disconnect, so it is there while the socket is.
    const feed = this.feeds.get(uid);
    if (!feed) throw AppError.unauthenticated('The socket closed.');
    await feed.ready;
    if (socket.disconnected) throw AppError.unauthenticated('The socket closed.');
    const position = feed.position;
    await socket.join(inboxRoom(uid));
    if (!payload.after) return { notifications: [], hasMore: false };
    const limit = historyPageSize(this.deps.config, payload.limit);
    const records = await this.deps.notifications.inboxAfter(uid, payload.after, limit + 1);
    return {
      notifications: records
        .slice(0, limit)
        .filter((record) => feed.emittedBefore({ createdAt: record.createdAt, id: record.id }, position))
        .map(toNotification),
      hasMore: records.length > limit,
    };
  }
}
