/** The notification inbox: `GET /notifications` once, then live from the relay's `/notifications`. */
import type { Notification } from '@chat/client';
import { describeError } from './api';
import type { Session } from './session';
import { Store } from './store';

interface InboxState {
  notifications: Notification[];
  error: string | null;
}

export class InboxStore extends Store<InboxState> {
  private readonly byId = new Map<string, Notification>();
  constructor(private readonly session: Session) {
    super({ notifications: [], error: null });
  }

  /** Follow `/notifications` and load the inbox; the returned function stops following. */
  start(): () => void {
    const stop = this.session.notifications.onNotification((n) => this.put(n));
    void this.load();
    return stop;
  }

  private async load(): Promise<void> {
    try {
      (await this.session.api.listNotifications()).forEach((n) => this.put(n));
    } catch (error) {
      this.update({ error: describeError(error) });
    }
  }

  async markRead(id: string): Promise<void> {
    await this.session.api.markNotificationRead(id);
    const n = this.byId.get(id);
    if (n) this.put({ ...n, readAt: n.readAt ?? new Date().toISOString() });
  }

  async markAllRead(): Promise<void> {
    await this.session.api.markAllNotificationsRead();
    [...this.byId.values()].forEach((n) => this.byId.set(n.id, { ...n, readAt: n.readAt ?? new Date().toISOString() }));
    this.publish();
  }

  private put(notification: Notification): void {
    this.byId.set(notification.id, notification);
    this.publish();
  }

  private publish(): void {
    const notifications = [...this.byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    this.update({ notifications });
  }
}
