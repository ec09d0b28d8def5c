import type { NotificationRepository, RealtimeNotification } from '@chat/core';
import { toRealtimeNotification } from './documents';
import type { Logs } from '../logs';
import { CollectionTail, type TailCursor } from './collection-tail';
import { EmissionLog } from './emission-log';

/** The Firestore side of one user's inbox room on this instance: a tail of their notifications. */
export class NotificationFeed {
  readonly ready: Promise<void>;
  private readonly inbox: CollectionTail;
  private readonly emissions = new EmissionLog();

  constructor(
    notifications: NotificationRepository,
    uid: string,
    deliver: (uid: string, notification: RealtimeNotification) => void,
    logs: Logs,
    options: { checkMs: number },
  ) {
    this.inbox = new CollectionTail(
      { ordered: notifications.inboxQuery(uid), newest: () => notifications.newestPosition(uid) },
      {
        added: (doc) => {
          const notification = toRealtimeNotification(doc);
          if (!notification) return;
          this.emissions.record(notification.id);
          deliver(uid, notification);
        },
        // A notification marked read changes; clients learn that through the REST API.
        modified: () => undefined,
      },
      logs,
      `users/${uid}/notifications`,
      options,
    );
    this.ready = this.inbox.ready;
  }

  /** A mark in the feed's emission order, taken just before a socket joins the inbox room. */
  get position(): number {
    return this.emissions.position;
  }

  /** Whether a notification at `at` reached the inbox room at or before `position`. */
  emittedBefore(at: TailCursor, position: number): boolean {
    return this.emissions.emittedBefore(at, position, this.inbox.cursor);
  }

  close(): void {
    this.inbox.close();
  }
}
