import {
  FieldPath,
  Timestamp,
  type CollectionReference,
  type DocumentSnapshot,
} from 'firebase-admin/firestore';
import { z } from 'zod';
import { encodeCursor, type PageCursor } from '../schemas/common';

/** A Firestore Timestamp field, checked on read. */
export const TimestampField = z.instanceof(Timestamp);

export function toIso(time: Timestamp): string {
  return time.toDate().toISOString();
}

export function toIsoOrNull(time: Timestamp | null): string | null {
  return time ? toIso(time) : null;
}

/** The opaque cursor of an item ordered by (time, id). */
export function cursorOf(time: Timestamp, id: string): string {
  return encodeCursor({ seconds: time.seconds, nanos: time.nanoseconds, id });
}

export function timestampOf(cursor: PageCursor): Timestamp {
  return new Timestamp(cursor.seconds, cursor.nanos);
}

/** Orders two instants to the nanosecond: negative when `a` is earlier. */
export function compareTimes(a: Timestamp, b: Timestamp): number {
  return a.seconds !== b.seconds ? a.seconds - b.seconds : a.nanoseconds - b.nanoseconds;
}

/** A place in a (time, id) order: a message's (createdAt, id), a read position. */
export interface Position {
  time: Timestamp;
  id: string;
}

/** Orders two (time, id) positions: negative when `a` comes first. */
export function comparePositions(a: Position, b: Position): number {
  const byTime = compareTimes(a.time, b.time);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A document's place in a collection ordered by (createdAt, document id). */
export interface CreatedPosition {
  createdAt: Timestamp;
  id: string;
}

/** Where a document sits in (createdAt, id) order; one without a `createdAt` sorts first. */
export function positionOf(doc: DocumentSnapshot): CreatedPosition {
  const createdAt = doc.get('createdAt') as unknown;
  return { createdAt: createdAt instanceof Timestamp ? createdAt : new Timestamp(0, 0), id: doc.id };
}

/** The newest document's place in (createdAt, id) order, or null for an empty collection. */
export async function newestPositionIn(collection: CollectionReference): Promise<CreatedPosition | null> {
  const snapshot = await collection
    .orderBy('createdAt', 'desc')
    .orderBy(FieldPath.documentId(), 'desc')
    .limit(1)
    .get();
  const doc = snapshot.docs[0];
  return doc ? positionOf(doc) : null;
}
