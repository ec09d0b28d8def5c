import {
  FieldValue,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
} from 'firebase-admin/firestore';
import {
  parseChat,
  parseMember,
  type ChatRecord,
  type ChatRepository,
  type ChatTransaction,
  type MemberRecord,
} from './chat-repository';
import { comparePositions, compareTimes, timestampOf, type Position } from './firestore-time';
import { parseMessage, type MessageRecord, type MessageRepository } from './message-repository';
import type { PageCursor } from '../schemas/common';
import { FirestoreCode, isFirestoreError } from './firestore-errors';

/** The suffix of the marker of a finished fan-out, beside the bucket markers (`0`…`f`). */
const DONE = 'done';

/**
 * The trigger side of messages: moving the chat's last message forward and counting unread messages per
 * member, each step claimed in a transaction so a replayed or reordered event changes nothing twice.
 * Markers live in `chats/{chatId}/fanouts/{messageId}_{bucket}` (see `schemas/message.ts`).
 */
export class FanOutRepository {
  constructor(
    private readonly db: Firestore,
    private readonly chats: ChatRepository,
    private readonly messages: MessageRepository,
  ) {}

  private markers(chatId: string) {
    return this.chats.chatRef(chatId).collection('fanouts');
  }

  /** `{messageId}_done`: written once every step of a message's fan-out has succeeded. */
  private doneMarker(chatId: string, messageId: string) {
    return this.markers(chatId).doc(`${messageId}_${DONE}`);
  }

  /**
   * Sets the chat's `lastMessage` and `lastActivityAt` to this message, unless a later one (in
   * (createdAt, id) order) is already there. Reads the message as it is now, so a message deleted before
   * its trigger ran shows as deleted. Returns the message, or null when the chat or message is gone;
   * `done` when the message's whole fan-out already finished (`markDone`), in which case nothing is written.
   */
  async advanceLastMessage(
    chatId: string,
    messageId: string,
  ): Promise<{ message: MessageRecord | null; done: boolean }> {
    // A plain read first, with the done marker: a replay of a finished fan-out costs this one read; late,
    // older messages (the other common redelivery) need no transaction, which keeps them off the chat
    // document, the busiest one of a chat.
    const [doneSnap, ...seenSnaps] = await this.db.getAll(
      this.doneMarker(chatId, messageId),
      this.chats.chatRef(chatId),
      this.messages.ref(chatId, messageId),
    );
    if (doneSnap?.exists) return { message: null, done: true };
    const seen = await this.readChatAndMessage(chatId, messageId, () => Promise.resolve(seenSnaps));
    if (!seen || !isNewer(seen.message, seen.chat)) return { message: seen?.message ?? null, done: false };
    return { message: await this.moveLastMessage(chatId, messageId), done: false };
  }

  /**
   * Records that every step of `messageId`'s fan-out succeeded, so a replay stops at its first read.
   * Written last: a fan-out that failed half-way has no marker, and its retry redoes the (claimed) steps.
   */
  async markDone(chatId: string, messageId: string): Promise<void> {
    try {
      await this.doneMarker(chatId, messageId).create({ messageId, doneAt: FieldValue.serverTimestamp() });
    } catch (error) {
      // Two deliveries finishing together: the other one wrote it.
      if (!isFirestoreError(error, FirestoreCode.alreadyExists)) throw error;
    }
  }

  private moveLastMessage(chatId: string, messageId: string): Promise<MessageRecord | null> {
    return this.chats.transaction(async ({ tx }) => {
      const now = await this.readChatAndMessage(chatId, messageId, (refs) => tx.getAll(...refs));
      if (!now) return null;
      const { chat, message } = now;
      if (!isNewer(message, chat)) return message;
      tx.update(this.chats.chatRef(chatId), {
        lastMessage: {
          id: message.id,
          senderId: message.senderId,
          text: message.text,
          createdAt: message.createdAt,
        },
        // Only messages count as activity (renames do not), and activity never moves back.
        lastActivityAt:
          compareTimes(message.createdAt, chat.lastActivityAt) > 0 ? message.createdAt : chat.lastActivityAt,
      });
      return message;
    });
  }

  private async readChatAndMessage(
    chatId: string,
    messageId: string,
    read: (refs: DocumentReference[]) => Promise<DocumentSnapshot[]>,
  ): Promise<{ chat: ChatRecord; message: MessageRecord } | null> {
    const [chatSnap, messageSnap] = await read([
      this.chats.chatRef(chatId),
      this.messages.ref(chatId, messageId),
    ]);
    if (!chatSnap?.exists || !messageSnap?.exists) return null;
    return {
      chat: parseChat(chatId, chatSnap.data()),
      message: parseMessage(chatId, messageId, messageSnap.data()),
    };
  }

  /**
   * Counts the message as unread for the given members (one hash bucket of the chat), once: the marker
   * `{messageId}_{bucket}` is created in the same transaction as the increments, so a replay finds it and
   * stops. Only members who joined before the message and have not read past it are counted. Returns the
   * uids counted, or null when the bucket had already been done.
   */
  countUnread(message: MessageRecord, bucket: string, uids: string[]): Promise<string[] | null> {
    const { chatId } = message;
    const marker = this.markers(chatId).doc(`${message.id}_${bucket}`);
    return this.chats.transaction(async ({ tx }) => {
      const [markerSnap, ...memberSnaps] = await tx.getAll(
        marker,
        ...uids.map((uid) => this.chats.memberRef(chatId, uid)),
      );
      if (markerSnap?.exists) return null;
      const position = { time: message.createdAt, id: message.id };
      const counted: string[] = [];
      for (const snapshot of memberSnaps) {
        if (!snapshot.exists) continue;
        const member = parseMember(snapshot.id, snapshot.data());
        if (!shouldCount(member, message.senderId, position)) continue;
        tx.update(snapshot.ref, { unreadCount: FieldValue.increment(1) });
        counted.push(member.uid);
      }
      tx.create(marker, { messageId: message.id, createdAt: message.createdAt, uids: counted });
      return counted;
    });
  }

  /**
   * Inside a mark-read transaction: how many messages counted as unread for `uid` lie after `position`.
   * This is exactly what `unreadCount` must become when the read position moves there.
   */
  async countedAfter(
    { tx }: ChatTransaction,
    chatId: string,
    uid: string,
    position: PageCursor,
  ): Promise<number> {
    const query = this.markers(chatId)
      .where('uids', 'array-contains', uid)
      .orderBy('createdAt')
      .orderBy('messageId')
      .startAfter(timestampOf(position), position.id)
      .count();
    const snapshot = await tx.get(query);
    return snapshot.data().count;
  }
}

/** Whether `message` comes after the chat's current last message. */
/** Whether `message` should become the chat's last message: a text message later than the current one. */
function isNewer(message: MessageRecord, chat: ChatRecord): boolean {
  if (message.type === 'system') return false;
  if (!chat.lastMessage) return true;
  const current = { time: chat.lastMessage.createdAt, id: chat.lastMessage.id };
  return comparePositions({ time: message.createdAt, id: message.id }, current) > 0;
}

function shouldCount(member: MemberRecord, senderId: string, message: Position): boolean {
  if (member.uid === senderId) return false;
  if (compareTimes(member.joinedAt, message.time) > 0) return false;
  if (!member.lastReadAt || !member.lastReadMessageId) return true;
  return comparePositions(message, { time: member.lastReadAt, id: member.lastReadMessageId }) > 0;
}
