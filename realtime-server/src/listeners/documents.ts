import type { DocumentSnapshot } from 'firebase-admin/firestore';
import {
  parseMessage,
  parseNotification,
  toMessage,
  toNotification,
  type RealtimeMessage,
  type RealtimeNotification,
} from '@chat/core';

/**
 * The documents the relay's listeners deliver, parsed with core's parsers, the ones the API reads them with,
 * so clients get exactly what the REST API returns. A document without the agreed shape gives null.
 */
function orNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export function toRealtimeMessage(chatId: string, doc: DocumentSnapshot): RealtimeMessage | null {
  return orNull(() => toMessage(parseMessage(chatId, doc.id, doc.data())));
}

export function toRealtimeNotification(doc: DocumentSnapshot): RealtimeNotification | null {
  return orNull(() => toNotification(parseNotification(doc.id, doc.data())));
}
