import type { Firestore } from 'firebase-admin/firestore';
import type { RealtimeNotification } from '@chat/core';
import { toRealtimeNotification } from '../domain/documents';
import type { Logs } from '../logs';
import { CollectionTail } from './collection-tail';

/** The Firestore side of one user's notification room on this instance: a tail of their inbox. */
export class NotificationFeed {
  readonly ready: Promise<void>;
  private readonly inbox: CollectionTail;

  constructor(
    db: Firestore,
    uid: string,
    deliver: (uid: string, notification: RealtimeNotification) => void,
    logs: Logs,
    options: { checkMs: number },
  ) {
    this.inbox = new CollectionTail(
      db.collection('users').doc(uid).collection('notifications'),
      {
        added: (doc) => {
          const notification = toRealtimeNotification(doc);
          if (notification) deliver(uid, notification);
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

  close(): void {
    this.inbox.close();
  }
}
