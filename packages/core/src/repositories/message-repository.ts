import {
  FieldPath,
  FieldValue,
  type DocumentReference,
  type Firestore,
  type Query,
  type Timestamp,
} from 'firebase-admin/firestore';
import { z } from 'zod';
import type { PageCursor } from '../schemas/common';
import { ChatEvent, MessageType, type Message } from '../schemas/message';
import {
  cursorOf,
  newestPositionIn,
  TimestampField,
  timestampOf,
  toIso,
  toIsoOrNull,
  type CreatedPosition,
} from './firestore-time';

/** `chats/{chatId}/messages/{messageId}` as stored; see `schemas/message.ts`. */
const MessageDoc = z.object({
  /** Absent on messages written before system messages existed: those are all text. */
  type: MessageType.default('text'),
  system: ChatEvent.nullable().default(null),
  senderId: z.string(),
  text: z.string(),
  createdAt: TimestampField,
  editedAt: TimestampField.nullable(),
  deletedAt: TimestampField.nullable(),
  /** Deleted by an app admin (moderation) rather than by its sender; absent on older messages. */
  moderated: z.boolean().default(false),
  /** Absent on messages written before it was introduced; see `schemas/message.ts`. */
  updatedAt: TimestampField.optional(),
  replyToId: z.string().nullable(),
  clientMessageId: z.string().nullable(),
});
export type MessageRecord = z.infer<typeof MessageDoc> & { id: string; chatId: string };

export function parseMessage(chatId: string, id: string, data: unknown): MessageRecord {
  return { id, chatId, ...MessageDoc.parse(data) };
}

export interface NewMessage {
  senderId: string;
  text: string;
  replyToId: string | null;
  clientMessageId: string | null;
}

export interface MessageRecordPage {
  /** Oldest first. */
  messages: MessageRecord[];
  /** Whether more messages lie beyond the page in the direction it was read. */
  more: boolean;
}

/** Typed access to `chats/{chatId}/messages`. */
export class MessageRepository {
  constructor(readonly db: Firestore) {}

  private messages(chatId: string) {
    return this.db.collection('chats').doc(chatId).collection('messages');
  }

  ref(chatId: string, messageId: string): DocumentReference {
    return this.messages(chatId).doc(messageId);
  }

  newId(chatId: string): string {
    return this.messages(chatId).doc().id;
  }

  /**
   * Every version of the chat's messages in (updatedAt, id) order: new messages, edits and deletions of any
   * message, however old, and (as system messages) the chat's own changes. What the relay listens to.
   */
  changesQuery(chatId: string): Query {
    return this.messages(chatId).orderBy('updatedAt').orderBy(FieldPath.documentId());
  }

  /** The newest message's place in (createdAt, id) order, or null for an empty chat. */
  async newestPosition(chatId: string): Promise<CreatedPosition | null> {
    return newestPositionIn(this.messages(chatId));
  }

  async get(chatId: string, messageId: string): Promise<MessageRecord | null> {
    const snapshot = await this.ref(chatId, messageId).get();
    return snapshot.exists ? parseMessage(chatId, messageId, snapshot.data()) : null;
  }

  /**
   * One page in (createdAt, id) order: the latest messages, those just before `before`, or those just
   * after `after`; only those created after `since` when it is given (a member who cleared the history).
   * Reads one extra document to know whether more lie beyond.
   */
  async page(
    chatId: string,
    limit: number,
    cursor: { before?: PageCursor; after?: PageCursor; since?: Timestamp | null },
  ): Promise<MessageRecordPage> {
    const messages = this.db.collection('chats').doc(chatId).collection('messages');
    const forward = cursor.after !== undefined;
    const direction = forward ? 'asc' : 'desc';
    const from = cursor.since ? messages.where('createdAt', '>', cursor.since) : messages;
    let query = from
      .orderBy('createdAt', direction)
      .orderBy(FieldPath.documentId(), direction)
      .limit(limit + 1);
    const position = cursor.after ?? cursor.before;
    if (position) query = query.startAfter(timestampOf(position), position.id);
    const snapshot = await query.get();
    const records = snapshot.docs.slice(0, limit).map((doc) => parseMessage(chatId, doc.id, doc.data()));
    if (!forward) records.reverse();
    return { messages: records, more: snapshot.docs.length > limit };
  }
}

/**
 * A new message document: a text message (`system` null) or a system message recording `system`. A system
 * message is written by the transaction that makes the change (see `ChatTransaction`), so the change and its
 * message commit together or not at all.
 */
export function newMessageData(message: NewMessage, system: ChatEvent | null) {
  return {
    ...message,
    type: system ? 'system' : 'text',
    system,
    createdAt: FieldValue.serverTimestamp(),
    // The same server timestamp as createdAt: one write, one request time.
    updatedAt: FieldValue.serverTimestamp(),
    editedAt: null,
    deletedAt: null,
    moderated: false,
  };
}

/** The document of a system message: `event`, made by `actor`. */
export function systemMessageData(actor: string, event: ChatEvent) {
  return newMessageData({ senderId: actor, text: '', replyToId: null, clientMessageId: null }, event);
}

export function toMessage(record: MessageRecord): Message {
  return {
    id: record.id,
    chatId: record.chatId,
    type: record.type,
    senderId: record.senderId,
    text: record.text,
    system: record.system,
    createdAt: toIso(record.createdAt),
    editedAt: toIsoOrNull(record.editedAt),
    deletedAt: toIsoOrNull(record.deletedAt),
    moderated: record.moderated,
    replyToId: record.replyToId,
    clientMessageId: record.clientMessageId,
    cursor: messageCursor(record),
  };
}

export function messageCursor(record: MessageRecord): string {
  return cursorOf(record.createdAt, record.id);
}
