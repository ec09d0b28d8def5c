import { Timestamp, type DocumentSnapshot } from 'firebase-admin/firestore';
import { z } from 'zod';
import { encodeCursor, type RealtimeChat, type RealtimeMessage, type RealtimeNotification } from '@chat/core';

/**
 * The Firestore documents the relay's listeners read, checked on every read so nothing untyped reaches a
 * client. Optional fields the writer may omit read as null.
 */
const Time = z.instanceof(Timestamp);
const OptionalTime = Time.nullable().optional();

const MessageDoc = z.object({
  senderId: z.string(),
  text: z.string().default(''),
  createdAt: Time,
  editedAt: OptionalTime,
  deletedAt: OptionalTime,
  replyToId: z.string().nullable().optional(),
  clientMessageId: z.string().nullable().optional(),
});

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

/** A message document as clients see it; null when it does not have the agreed shape. */
export function toRealtimeMessage(chatId: string, doc: DocumentSnapshot): RealtimeMessage | null {
  const parsed = MessageDoc.safeParse(doc.data());
  if (!parsed.success) return null;
  const m = parsed.data;
  return {
    id: doc.id,
    chatId,
    senderId: m.senderId,
    text: m.deletedAt ? '' : m.text,
    createdAt: m.createdAt.toDate().toISOString(),
    editedAt: iso(m.editedAt),
    deletedAt: iso(m.deletedAt),
    replyToId: m.replyToId ?? null,
    clientMessageId: m.clientMessageId ?? null,
    cursor: encodeCursor({ seconds: m.createdAt.seconds, nanos: m.createdAt.nanoseconds, id: doc.id }),
  };
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
