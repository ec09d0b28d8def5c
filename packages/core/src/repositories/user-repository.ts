import {
  FieldPath,
  FieldValue,
  Timestamp,
  type DocumentReference,
  type Firestore,
  type Query,
} from 'firebase-admin/firestore';
import { z } from 'zod';
import { AppError } from '../errors';
import type { AdminUser } from '../schemas/admin-api';
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
  /** Admin-only state, mirrored from Firebase Auth by the admin API; absent on profiles it never touched. */
  disabled: z.boolean().default(false),
  admin: z.boolean().default(false),
});
type UserDoc = z.infer<typeof UserDoc>;

/** Parses a stored `users/{uid}` document into the admin view. */
export function parseAdminUser(uid: string, data: unknown): AdminUser {
  const doc = UserDoc.parse(data);
  return { ...toProfile(uid, doc), disabled: doc.disabled, admin: doc.admin };
}

/** One page of an admin search, with the sort value and id of its last user for the next cursor. */
export interface UserSearchPage {
  users: AdminUser[];
  /** [sort value, uid] of the last user when more follow; null on the last page. */
  next: [string, string] | null;
}

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

  /** The document of `uid`; for repositories joining a transaction (`AdminTransaction`). */
  doc(uid: string): DocumentReference {
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

  /**
   * Admin search: users whose `by` field starts with `prefix` (every user when it is empty), in (field, uid)
   * order, from after `after` ([field value, uid] of the previous page's last user).
   */
  async search(
    by: 'email' | 'displayName' | 'uid',
    prefix: string,
    limit: number,
    after?: [string, string],
  ): Promise<UserSearchPage> {
    // One literal query per field, so the index check can read each of them.
    const users = this.db.collection('users');
    // Without a prefix, every user in uid order: emails may be null, and null values cannot be paged after.
    if (!prefix) by = 'uid';
    let query: Query;
    if (by === 'email') query = users.orderBy('email').orderBy(FieldPath.documentId());
    else if (by === 'displayName') query = users.orderBy('displayName').orderBy(FieldPath.documentId());
    else query = users.orderBy(FieldPath.documentId());
    const keys = (value: string, uid: string) => (by === 'uid' ? [uid] : [value, uid]);
    if (after) query = query.startAfter(...keys(after[0], after[1]));
    else if (prefix) query = query.startAt(prefix);
    // \uf8ff sorts after every character a prefix can be followed by.
    if (prefix) query = query.endAt(`${prefix}\uf8ff`);
    const snapshot = await query.limit(limit + 1).get();
    const page = snapshot.docs.slice(0, limit).map((doc) => parseAdminUser(doc.id, doc.data()));
    const last = page[page.length - 1];
    const valueOf = (user: AdminUser) =>
      by === 'email' ? (user.email ?? '') : by === 'displayName' ? user.displayName : user.uid;
    return { users: page, next: snapshot.docs.length > limit && last ? [valueOf(last), last.uid] : null };
  }

  async getAdminView(uid: string): Promise<AdminUser | null> {
    const snapshot = await this.doc(uid).get();
    return snapshot.exists ? parseAdminUser(uid, snapshot.data()) : null;
  }
}

export function profileNotFound(uid: string): AppError {
  return AppError.notFound(`No profile exists for user ${uid}.`);
}

export function toProfile(uid: string, doc: UserDoc): UserProfile {
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
