import type { NotificationRepository } from '../repositories/notification-repository';

/** Notifications that the triggers fan out. Every method is safe to run twice for the same event. */
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
}
