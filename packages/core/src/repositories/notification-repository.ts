import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { FirestoreCode, isFirestoreError } from './firestore-errors';

export interface NewNotification {
  type: string;
  title: string;
  body: string;
  /** What the notification is about, e.g. `chats/abc`; null for account-level notices. */
  subject: string | null;
}

/** Typed access to the inbox `users/{uid}/notifications/{id}`. */
export class NotificationRepository {
  constructor(private readonly db: Firestore) {}

  /**
   * Write a notification under a deterministic id. Returns false when it already exists, so a trigger that
   * is delivered twice writes it once.
   */
  async createOnce(uid: string, id: string, notification: NewNotification): Promise<boolean> {
    try {
      await this.db
        .collection('users')
        .doc(uid)
        .collection('notifications')
        .doc(id)
        .create({ ...notification, createdAt: FieldValue.serverTimestamp(), readAt: null });
      return true;
    } catch (error) {
      if (isFirestoreError(error, FirestoreCode.alreadyExists)) return false;
      throw error;
    }
  }
}
