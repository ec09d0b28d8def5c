import { FieldPath, type Firestore } from 'firebase-admin/firestore';
import { AppError, type RealtimeNotification } from '@chat/core';
import { cursorOf, type TailCursor } from '../listeners/collection-tail';
import { toRealtimeNotification } from './documents';

export interface InboxEntry {
  notification: RealtimeNotification;
  at: TailCursor;
}

/**
 * The one read the relay makes of an inbox itself: the caller's own notifications after one of them, in
 * (createdAt, id) order, for missed-notification recovery. (The core service lists newest first, by opaque
 * cursor; this is the relay's resume-by-id view of the same documents.)
 */
export async function notificationsAfter(
  db: Firestore,
  uid: string,
  afterId: string,
  limit: number,
): Promise<InboxEntry[]> {
  const inbox = db.collection('users').doc(uid).collection('notifications');
  const anchor = await inbox.doc(afterId).get();
  if (!anchor.exists) throw AppError.notFound(`No notification ${afterId} in your inbox.`);
  const snapshot = await inbox
    .orderBy('createdAt')
    .orderBy(FieldPath.documentId())
    .startAfter(anchor.get('createdAt'), anchor.id)
    .limit(limit)
    .get();
  return snapshot.docs.flatMap((doc) => {
    const notification = toRealtimeNotification(doc);
    return notification ? [{ notification, at: cursorOf(doc) }] : [];
  });
}
