import { Timestamp, type DocumentSnapshot } from 'firebase-admin/firestore';
import { z } from 'zod';
import {
  parseMessage,
  toMessage,
  type RealtimeChat,
  type RealtimeMessage,
  type RealtimeNotification,
} from '@chat/core';

/**
 * The Firestore documents the relay's listeners read, checked on every read so nothing untyped reaches a
 * client. Optional fields the writer may omit read as null.
 */
const Time = z.instanceof(Timestamp);
const OptionalTime = Time.nullable().optional();

const ChatDoc = z.object({
  type: z.enum(['direct', 'group']),
  title: z.string().nullable().optional(),
  memberIds: z.array(z.string()),
  updatedAt: OptionalTime,
  lastActivityAt: OptionalTime,
});

const NotificationDoc = z.object({
  type: z.string(),
  title: z.string(),
  body: z.string(),
  subject: z.string().nullable().optional(),
  createdAt: Time,
  readAt: OptionalTime,
});

const iso = (time: Timestamp | null | undefined) => (time ? time.toDate().toISOString() : null);

/** A message document as clients see it (exactly as the REST API returns it); null when malformed. */
export function toRealtimeMessage(chatId: string, doc: DocumentSnapshot): RealtimeMessage | null {
  try {
    return toMessage(parseMessage(chatId, doc.id, doc.data()));
  } catch {
    return null;
  }
}

export function toRealtimeChat(doc: DocumentSnapshot): RealtimeChat | null {
  const parsed = ChatDoc.safeParse(doc.data());
  if (!parsed.success) return null;
  const c = parsed.data;
  return {
    id: doc.id,
    type: c.type,
    title: c.title ?? null,
    memberIds: c.memberIds,
    updatedAt: iso(c.updatedAt),
    lastActivityAt: iso(c.lastActivityAt),
  };
}

export function toRealtimeNotification(doc: DocumentSnapshot): RealtimeNotification | null {
  const parsed = NotificationDoc.safeParse(doc.data());
  if (!parsed.success) return null;
  const n = parsed.data;
  return {
    id: doc.id,
    type: n.type,
    title: n.title,
    body: n.body,
    subject: n.subject ?? null,
    createdAt: n.createdAt.toDate().toISOString(),
    readAt: iso(n.readAt),
  };
}
