import {
  FieldPath,
  FieldValue,
  type DocumentReference,
  type Firestore,
  type Query,
} from 'firebase-admin/firestore';
import { AppError } from '../errors';
import { z } from 'zod';
import type { PageCursor } from '../schemas/common';
import type { Notification } from '../schemas/notification';
import { settleAll } from '../settle-all';
import { FirestoreCode, isFirestoreError } from './firestore-errors';
import {
  newestPositionIn,
  positionOf,
  TimestampField,
  timestampOf,
  toIso,
  toIsoOrNull,
  type CreatedPosition,
} from './firestore-time';

/**
 * The rate a fan-out's notification writer starts at (writes per second; the writer's ceiling stays its
 * default 10,000). See `createMany`.
 */
const FAN_OUT_WRITES_PER_SECOND = 5_000;

export interface NewNotification {
  type: string;
  title: string;
  body: string;
  /** What the notification is about, e.g. `chats/abc`; null for account-level notices. */
  subject: string | null;
}

/** `users/{uid}/notifications/{id}` as stored. */
const NotificationDoc = z.object({
  type: z.string(),
  title: z.string(),
  body: z.string(),
  subject: z.string().nullable(),
  createdAt: TimestampField,
  readAt: TimestampField.nullable(),
});
export type NotificationRecord = z.infer<typeof NotificationDoc> & { id: string };

export function parseNotification(id: string, data: unknown): NotificationRecord {
  return { id, ...NotificationDoc.parse(data) };
}

/** One notification for one inbox, under a deterministic id. */
export interface NotificationDelivery {
  uid: string;
  id: string;
  notification: NewNotification;
}

/** Typed access to the inbox `users/{uid}/notifications/{id}`. */
export class NotificationRepository {
  constructor(private readonly db: Firestore) {}

  private inbox(uid: string) {
    return this.db.collection('users').doc(uid).collection('notifications');
  }

  /** One inbox entry; for repositories delivering in their own transaction (announcements). */
  ref(uid: string, id: string): DocumentReference {
    return this.inbox(uid).doc(id);
  }

  /**
   * Write a notification under a deterministic id. Returns false when it already exists, so a trigger that
   * is delivered twice writes it once.
   */
  async createOnce(uid: string, id: string, notification: NewNotification): Promise<boolean> {
    try {
      await this.inbox(uid)
        .doc(id)
        .create({ ...notification, createdAt: FieldValue.serverTimestamp(), readAt: null });
      return true;
    } catch (error) {
      if (isFirestoreError(error, FirestoreCode.alreadyExists)) return false;
      throw error;
    }
  }

  /**
   * Many notifications at once through a BulkWriter (fan-out to large chats), each with create(): ones that
   * already exist are skipped, transient failures are retried by the writer. Returns how many were new.
   *
   * The writer starts at `FAN_OUT_WRITES_PER_SECOND` instead of its default 500 (the ramp-up Firestore
   * advises for traffic to ONE new key range). Here every write goes to a different user's inbox, a
   * collection of its own, and the notification indexes are collection-scoped, so the writes are spread
   * over as many key ranges as recipients. The default ramp also restarts with every event (one writer
   * each), so it protected nothing across events; it did cost about a second per 1,000 recipients.
   */
  async createMany(deliveries: NotificationDelivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    const writer = this.db.bulkWriter({ throttling: { initialOpsPerSecond: FAN_OUT_WRITES_PER_SECOND } });
    writer.onWriteError((error) => error.code !== FirestoreCode.alreadyExists && error.failedAttempts < 5);
    let created = 0;
    const writes = deliveries.map((delivery) =>
      writer
        .create(this.inbox(delivery.uid).doc(delivery.id), {
          ...delivery.notification,
          createdAt: FieldValue.serverTimestamp(),
          readAt: null,
        })
        .then(
          () => {
            created += 1;
          },
          (error: unknown) => {
            if (!isFirestoreError(error, FirestoreCode.alreadyExists)) throw error;
          },
        ),
    );
    // Settled as they happen (as in markAllRead): a failure left pending while close() runs would be an
    // unhandled rejection.
    const settled = settleAll(writes);
    await writer.close();
    await settled;
    return created;
  }

  async get(uid: string, id: string): Promise<Notification | null> {
    const snapshot = await this.inbox(uid).doc(id).get();
    return snapshot.exists ? toNotification(parseNotification(id, snapshot.data())) : null;
  }

  /** Newest first, keyset-paginated on (createdAt, id); optionally only the unread ones. */
  async list(
    uid: string,
    options: { limit: number; cursor?: PageCursor; unreadOnly: boolean },
  ): Promise<{ notifications: Notification[]; next: PageCursor | null }> {
    let query = this.inbox(uid)
      .orderBy('createdAt', 'desc')
      .orderBy('__name__', 'desc')
      .limit(options.limit + 1);
    if (options.unreadOnly) query = query.where('readAt', '==', null);
    if (options.cursor) query = query.startAfter(timestampOf(options.cursor), options.cursor.id);
    const snapshot = await query.get();
    const records = snapshot.docs.slice(0, options.limit).map((doc) => parseNotification(doc.id, doc.data()));
    const last = records[records.length - 1];
    return {
      notifications: records.map(toNotification),
      next:
        snapshot.docs.length > options.limit && last
          ? { seconds: last.createdAt.seconds, nanos: last.createdAt.nanoseconds, id: last.id }
          : null,
    };
  }

  /** The inbox in (createdAt, id) order, oldest first: what the relay follows for new notifications. */
  inboxQuery(uid: string): Query {
    return this.inbox(uid).orderBy('createdAt').orderBy(FieldPath.documentId());
  }

  /** The newest notification's place in (createdAt, id) order, or null for an empty inbox. */
  async newestPosition(uid: string): Promise<CreatedPosition | null> {
    return newestPositionIn(this.inbox(uid));
  }

  /**
   * Up to `limit` notifications after the one with id `afterId`, in (createdAt, id) order: what a client
   * holding that one missed (the relay's missed-notification recovery). `not-found` when `afterId` is not
   * in the inbox. A document without the agreed shape is left out.
   */
  async inboxAfter(uid: string, afterId: string, limit: number): Promise<NotificationRecord[]> {
    const anchor = await this.inbox(uid).doc(afterId).get();
    if (!anchor.exists) throw AppError.notFound(`No notification ${afterId} in your inbox.`);
    const { createdAt, id } = positionOf(anchor);
    const snapshot = await this.inbox(uid)
      .orderBy('createdAt')
      .orderBy(FieldPath.documentId())
      .startAfter(createdAt, id)
      .limit(limit)
      .get();
    return snapshot.docs.flatMap((doc) => {
      const parsed = NotificationDoc.safeParse(doc.data());
      return parsed.success ? [{ id: doc.id, ...parsed.data }] : [];
    });
  }

  /** Sets readAt once (a second call keeps the first time). Null when there is no such notification. */
  async markRead(uid: string, id: string): Promise<Notification | null> {
    const ref = this.inbox(uid).doc(id);
    const found = await this.db.runTransaction(async (tx) => {
      const snapshot = await tx.get(ref);
      if (!snapshot.exists) return false;
      if (snapshot.get('readAt') === null) tx.update(ref, { readAt: FieldValue.serverTimestamp() });
      return true;
    });
    return found ? this.get(uid, id) : null;
  }

  /** Marks every unread notification read, in pages of 500 through a BulkWriter. Returns how many. */
  async markAllRead(uid: string): Promise<number> {
    let updated = 0;
    for (;;) {
      const snapshot = await this.inbox(uid).where('readAt', '==', null).select().limit(500).get();
      if (snapshot.empty) return updated;
      const writer = this.db.bulkWriter();
      // Transient failures are retried a few times; a notification deleted meanwhile (not-found) is not.
      writer.onWriteError((error) => error.code !== FirestoreCode.notFound && error.failedAttempts < 5);
      const now = FieldValue.serverTimestamp();
      // Each write's outcome is settled as it happens: a failure left pending while close() runs would
      // be an unhandled rejection.
      const writes = snapshot.docs.map((doc) =>
        writer.update(doc.ref, { readAt: now }).then(
          () => true,
          (error: unknown) => {
            if (isFirestoreError(error, FirestoreCode.notFound)) return false;
            throw error;
          },
        ),
      );
      const settled = settleAll(writes);
      await writer.close();
      updated += (await settled).filter(Boolean).length;
    }
  }
}

export function toNotification(record: NotificationRecord): Notification {
  return {
    id: record.id,
    type: record.type,
    title: record.title,
    body: record.body,
    subject: record.subject,
    createdAt: toIso(record.createdAt),
    readAt: toIsoOrNull(record.readAt),
  };
}
