import { FieldValue, type DocumentReference, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { Announcement } from '../schemas/admin-api';
import { TimestampField, toIso } from './firestore-time';
import type { NotificationRepository } from './notification-repository';

/**
 * Announcements: `announcements/{id}`: `{ title, body, to: uid|null, createdBy, createdAt }`, written by the
 * admin API with its audit record; the announcement trigger delivers it to inboxes as
 * `users/{uid}/notifications/ann_{id}` (type `announcement`). Delivery markers:
 * `announcements/{id}/fanouts/{bucket}`: `{ uids }`, created in the same transaction as that bucket's
 * notifications, so a replayed event finds them and writes nothing twice.
 */
export interface NewAnnouncement {
  title: string;
  body: string;
  to: string | null;
  createdBy: string;
}

const AnnouncementDoc = z.object({
  title: z.string(),
  body: z.string(),
  to: z.string().nullable(),
  createdBy: z.string(),
  createdAt: TimestampField,
});

export class AnnouncementRepository {
  constructor(
    private readonly db: Firestore,
    private readonly notifications: NotificationRepository,
  ) {}

  ref(id: string): DocumentReference {
    return this.db.collection('announcements').doc(id);
  }

  newId(): string {
    return this.db.collection('announcements').doc().id;
  }

  newData(announcement: NewAnnouncement) {
    return { ...announcement, createdAt: FieldValue.serverTimestamp() };
  }

  async get(id: string): Promise<Announcement | null> {
    const snapshot = await this.ref(id).get();
    if (!snapshot.exists) return null;
    const doc = AnnouncementDoc.parse(snapshot.data());
    return { id, ...doc, createdAt: toIso(doc.createdAt) };
  }

  /** The uids of every profile, ids only, in pages: the audience of an announcement to everyone. */
  async allUids(): Promise<string[]> {
    const uids: string[] = [];
    let after: string | undefined;
    for (;;) {
      let query = this.db.collection('users').orderBy('__name__').select().limit(1000);
      if (after) query = query.startAfter(after);
      const snapshot = await query.get();
      uids.push(...snapshot.docs.map((doc) => doc.id));
      if (snapshot.docs.length < 1000) return uids;
      after = snapshot.docs[snapshot.docs.length - 1]?.id;
    }
  }

  /**
   * Delivers the announcement to `uids` (one bucket), once: the bucket's marker and its notifications are
   * created in one transaction, and a replay that finds the marker stops. Returns how many were delivered,
   * or null when the bucket was already done.
   */
  deliverBucket(announcement: Announcement, bucket: string, uids: string[]): Promise<number | null> {
    const marker = this.ref(announcement.id).collection('fanouts').doc(bucket);
    const notificationId = `ann_${announcement.id}`;
    return this.db.runTransaction(async (tx) => {
      const [markerSnap, ...existing] = await tx.getAll(
        marker,
        ...uids.map((uid) => this.notifications.ref(uid, notificationId)),
      );
      if (markerSnap?.exists) return null;
      let delivered = 0;
      for (const snapshot of existing) {
        if (snapshot.exists) continue;
        tx.create(snapshot.ref, {
          type: 'announcement',
          title: announcement.title,
          body: announcement.body,
          subject: `announcements/${announcement.id}`,
          createdAt: FieldValue.serverTimestamp(),
          readAt: null,
        });
        delivered += 1;
      }
      tx.create(marker, { uids, createdAt: FieldValue.serverTimestamp() });
      return delivered;
    });
  }
}
