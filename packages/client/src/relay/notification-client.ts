import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  NotificationClientEvents,
  NotificationServerEvents,
  NotificationsSubscribed,
  RealtimeNotification,
} from '@chat/core/contract';
import { isAfter, type RelayClientOptions } from './shared';

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
  private held: RealtimeNotification[] | null = null;
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
    this.socket.on('connect', () => void this.subscribe().catch(() => undefined));
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
    this.socket.disconnect();
  }

  private async subscribe(): Promise<void> {
    this.held = [];
    try {
      const answer = (await this.socket
        .timeout(this.options.timeoutMs ?? 10_000)
        .emitWithAck(
          'notifications:subscribe',
          this.newest ? { after: this.newest.id } : {},
        )) as unknown as Ack<NotificationsSubscribed>;
      if (answer.ok) answer.data.notifications.forEach((notification) => this.deliver(notification, true));
    } finally {
      const held = this.held ?? [];
      this.held = null;
      held.forEach((notification) => this.deliver(notification));
      this.subscribed.splice(0).forEach((resolve) => resolve());
    }
  }

  private deliver(notification: RealtimeNotification, fromAck = false): void {
    if (this.held && !fromAck) {
      this.held.push(notification);
      return;
    }
    if (this.seen.has(notification.id)) return;
    this.seen.add(notification.id);
    if (!this.newest || isAfter(notification, this.newest)) this.newest = notification;
    this.listeners.forEach((listener) => listener(notification));
  }
}
