import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { AppError } from '../errors';
import type { UserPage, UserProfile } from '../schemas/user';
import { isFirestoreError, FirestoreCode } from './firestore-errors';

/** The shape of `users/{uid}` in Firestore. Checked on every read, so nothing untyped leaves this file. */
const UserDoc = z.object({
  displayName: z.string(),
  email: z.string().nullable(),
  photoURL: z.string().nullable(),
  bio: z.string(),
  createdAt: z.instanceof(Timestamp),
  updatedAt: z.instanceof(Timestamp),
});
type UserDoc = z.infer<typeof UserDoc>;

export interface NewUser {
  displayName: string;
  email: string | null;
  photoURL: string | null;
  bio: string;
}

export type UserPatch = Partial<Pick<NewUser, 'displayName' | 'photoURL' | 'bio'>>;

/** Typed access to `users/{uid}`. Returns plain API-shaped objects. */
export class UserRepository {
  constructor(private readonly db: Firestore) {}

  private doc(uid: string) {
    return this.db.collection('users').doc(uid);
  }

  async get(uid: string): Promise<UserProfile | null> {
    const snapshot = await this.doc(uid).get();
    return snapshot.exists ? toProfile(uid, UserDoc.parse(snapshot.data())) : null;
  }

  /** Which of these uids have a profile. */
  async existing(uids: string[]): Promise<Set<string>> {
    if (uids.length === 0) return new Set();
    const snapshots = await this.db.getAll(...uids.map((uid) => this.doc(uid)));
    return new Set(snapshots.filter((snapshot) => snapshot.exists).map((snapshot) => snapshot.id));
  }

  /** Creates the profile; a second create for the same uid is refused with `already-exists`. */
  async create(uid: string, user: NewUser): Promise<UserProfile> {
    try {
      await this.doc(uid).create({
        ...user,
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      });
    } catch (error) {
      if (isFirestoreError(error, FirestoreCode.alreadyExists)) {
        throw AppError.alreadyExists(`A profile for user ${uid} already exists.`);
      }
      throw error;
    }
    // Server timestamps are the request time, not the write time, so the stored values are read back.
    const created = await this.get(uid);
    if (!created) throw profileNotFound(uid);
    return created;
  }

  /** Applies a partial change; `not-found` if the profile does not exist. */
  async update(uid: string, patch: UserPatch): Promise<UserProfile> {
    try {
      await this.doc(uid).update({ ...patch, updatedAt: FieldValue.serverTimestamp() });
    } catch (error) {
      if (isFirestoreError(error, FirestoreCode.notFound)) throw profileNotFound(uid);
      throw error;
    }
    const updated = await this.get(uid);
    if (!updated) throw profileNotFound(uid);
    return updated;
  }

  /** Pages through every profile in uid order. */
  async list(limit: number, cursor?: string): Promise<UserPage> {
    let query = this.db
      .collection('users')
      .orderBy('__name__')
      .limit(limit + 1);
    if (cursor) query = query.startAfter(cursor);
    const snapshot = await query.get();
    const docs = snapshot.docs.slice(0, limit);
    return {
      users: docs.map((doc) => toProfile(doc.id, UserDoc.parse(doc.data()))),
      nextCursor: snapshot.docs.length > limit ? (docs[docs.length - 1]?.id ?? null) : null,
    };
  }
}

export function profileNotFound(uid: string): AppError {
  return AppError.notFound(`No profile exists for user ${uid}.`);
}

function toProfile(uid: string, doc: UserDoc): UserProfile {
  return {
    uid,
    displayName: doc.displayName,
    email: doc.email,
    photoURL: doc.photoURL,
    bio: doc.bio,
    createdAt: doc.createdAt.toDate().toISOString(),
    updatedAt: doc.updatedAt.toDate().toISOString(),
  };
}
