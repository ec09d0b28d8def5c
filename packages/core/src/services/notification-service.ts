import type { AuthContext } from '../auth';
import { AppError } from '../errors';
import type { NotificationRepository } from '../repositories/notification-repository';
import type {
  ListNotificationsQuery,
  MarkAllReadResult,
  Notification,
  NotificationPage,
} from '../schemas/notification';
import { encodeCursor } from '../schemas/common';

/**
 * The caller's inbox, and the notices the triggers write. Every write a trigger makes is safe to run twice
 * for the same event: ids are deterministic and written with create().
 */
export class NotificationService {
  constructor(private readonly notifications: NotificationRepository) {}

  /** Greets a user once, when their profile is first created. */
  welcome(uid: string, displayName: string): Promise<boolean> {
    return this.notifications.createOnce(uid, 'welcome', {
      type: 'welcome',
      title: `Welcome, ${displayName}!`,
      body: 'Your profile is ready. Start a chat to say hello.',
      subject: null,
    });
  }

  /** The caller's notifications, newest first. */
  async list(auth: AuthContext, query: ListNotificationsQuery): Promise<NotificationPage> {
    const page = await this.notifications.list(auth.uid, {
      limit: query.limit,
      cursor: query.cursor,
      unreadOnly: query.unread ?? false,
    });
    return { notifications: page.notifications, nextCursor: page.next ? encodeCursor(page.next) : null };
  }

  /** Marks one of the caller's notifications read (again: keeps the first time). */
  async markRead(auth: AuthContext, notificationId: string): Promise<Notification> {
    const notification = await this.notifications.markRead(auth.uid, notificationId);
    if (!notification) throw AppError.notFound(`No notification ${notificationId}.`);
    return notification;
  }

  /** Marks every unread notification of the caller read. */
  async markAllRead(auth: AuthContext): Promise<MarkAllReadResult> {
    return { updated: await this.notifications.markAllRead(auth.uid) };
  }
}
