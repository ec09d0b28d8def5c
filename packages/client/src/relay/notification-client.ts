import { io, type Socket } from 'socket.io-client';
import type {
  NotificationClientEvents,
  NotificationServerEvents,
  NotificationsSubscribed,
  RealtimeNotification,
} from '@chat/core/contract';
import { RESYNC_RETRY_MS, RelayError, call, catchUp, isAfter, type RelayClientOptions } from './shared';

export type NotificationSocket = Socket<NotificationServerEvents, NotificationClientEvents>;

/**
 * `/notifications` for a web app: subscribes on every (re)connect with the id of the newest notification it
 * holds, so the relay acks exactly what was missed; duplicates are dropped by id.
 */
export class RelayNotifications {
  readonly socket: NotificationSocket;
  private newest: RealtimeNotification | null = null;
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<(notification: RealtimeNotification) => void>();
  /** Live notifications that arrive while a subscribe is on its way, delivered after its history. */
  private held: RealtimeNotification[] | null = null;
  /** A subscribe succeeded on this connection: until then live notifications do not move `newest`. */
  private synced = false;
  private closed = false;
  private subscribed: Array<() => void> = [];

  constructor(private readonly options: RelayClientOptions) {
    this.socket = io(`${options.url.replace(/\/$/, '')}/notifications`, {
      transports: ['websocket'],
      ...options.socket,
      auth: (send) => {
        options.getToken(false).then(
          (token) => send({ token }),
          () => send({}),
        );
      },
    });
    this.socket.on('notification:new', (notification) => this.deliver(notification));
    this.socket.on('connect', () => void this.subscribe());
    this.socket.on('disconnect', () => {
      this.synced = false;
    });
  }

  /** Every notification once, from a subscribe ack or live. */
  onNotification(listener: (notification: RealtimeNotification) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the next subscription (on connect or reconnect) has been acknowledged. */
  whenSubscribed(): Promise<void> {
    return new Promise((resolve) => this.subscribed.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.socket.disconnect();
  }

  /**
   * Subscribe with the newest notification held, and again from the moved cursor while the answer says
   * `hasMore`. Only a subscribe whose whole history came delivers what was held meanwhile: after a failed one
   * (its instance died, the ack timed out, the relay refused) they may come after a gap, and taking them
   * would move `newest` past notifications never received. They are dropped, and the subscribe is tried
   * again shortly (or at the next connect) from the cursor, moved only by the pages that came.
   */
  private async subscribe(): Promise<void> {
    this.held = [];
    try {
      await catchUp(
        () => this.newest?.id,
        (after) =>
          call<NotificationsSubscribed>(
            this.socket,
            this.options.timeoutMs ?? 10_000,
            'notifications:subscribe',
            after ? { after } : {},
          ),
        (answer) => answer.notifications.forEach((notification) => this.deliver(notification, true)),
      );
    } catch (error) {
      // No answer in time, the connection went, or the relay refused.
      this.held = null;
      if (this.closed || !this.socket.connected) return; // the next connect subscribes again
      // The newest one held is gone from the inbox: there is nothing to resume from, so follow from now.
      if (error instanceof RelayError && error.code === 'not-found') this.newest = null;
      setTimeout(() => {
        if (!this.synced && !this.closed && this.socket.connected) void this.subscribe();
      }, RESYNC_RETRY_MS);
      return;
    }
    const held = this.held ?? [];
    this.held = null;
    this.synced = this.socket.connected;
    held.forEach((notification) => this.deliver(notification));
    this.subscribed.splice(0).forEach((resolve) => resolve());
  }

  private deliver(notification: RealtimeNotification, fromAck = false): void {
    if (!fromAck) {
      if (this.held) {
        this.held.push(notification);
        return;
      }
      if (!this.synced) return; // the next subscribe's history brings it
    }
    if (this.seen.has(notification.id)) return;
    this.seen.add(notification.id);
    if (!this.newest || isAfter(notification, this.newest)) this.newest = notification;
    this.listeners.forEach((listener) => listener(notification));
  }
}
