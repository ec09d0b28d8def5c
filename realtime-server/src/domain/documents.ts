import type { DocumentSnapshot } from 'firebase-admin/firestore';
import {
  parseChat,
  parseMessage,
  parseNotification,
  toChat,
  toMessage,
  toNotification,
  realtimeChatOf,
  type RealtimeChat,
  type RealtimeMessage,
  type RealtimeNotification,
} from '@chat/core';

/**
 * The Firestore documents the relay's listeners read, parsed with the same schemas the API reads them with,
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

export function toRealtimeChat(doc: DocumentSnapshot): RealtimeChat | null {
  return orNull(() => realtimeChatOf(toChat(parseChat(doc.id, doc.data()), null)));
}

export function toRealtimeNotification(doc: DocumentSnapshot): RealtimeNotification | null {
  return orNull(() => toNotification(parseNotification(doc.id, doc.data())));
}
