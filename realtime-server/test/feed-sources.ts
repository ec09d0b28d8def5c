import { FieldPath, type CollectionReference } from 'firebase-admin/firestore';
import { newestPositionIn } from '@chat/core';
import type { FeedSource } from '../src/listeners/collection-tail';

/**
 * Feed sources over a scratch collection, as the repositories build them over real ones
 * (`NotificationRepository.inboxQuery`, `MessageRepository.changesQuery`): the listener tests follow
 * collections of their own, wrapped in fault injection.
 */
function newest(collection: CollectionReference): FeedSource['newest'] {
  return () => newestPositionIn(collection);
}

/** New documents in (createdAt, id) order, for a CollectionTail. */
export function tailSource(collection: CollectionReference): FeedSource {
  return {
    ordered: collection.orderBy('createdAt').orderBy(FieldPath.documentId()),
    newest: newest(collection),
  };
}

/** Every version in (updatedAt, id) order, for MessageChanges. */
export function changesSource(collection: CollectionReference): FeedSource {
  return {
    ordered: collection.orderBy('updatedAt').orderBy(FieldPath.documentId()),
    newest: newest(collection),
  };
}
