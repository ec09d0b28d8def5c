import {
  FieldPath,
  FieldValue,
  type DocumentReference,
  type Timestamp,
  type Firestore,
  type Transaction,
} from 'firebase-admin/firestore';
import { z } from 'zod';
import { AppError } from '../errors';
import type { Chat, ChatType } from '../schemas/chat';
import type { PageCursor } from '../schemas/common';
import type { Member, Role } from '../schemas/member';
import type { ChatEvent } from '../schemas/message';
import { FirestoreCode, isFirestoreError } from './firestore-errors';
import {
  newMessageData,
  parseMessage,
  systemMessageData,
  type MessageRecord,
  type NewMessage,
} from './message-repository';
import { compareTimes, TimestampField, timestampOf, toIso, toIsoOrNull } from './firestore-time';

/** `chats/{chatId}` as stored; see `schemas/chat.ts`. Checked on every read. */
const ChatDoc = z.object({
  type: z.enum(['direct', 'group']),
  title: z.string().nullable(),
  memberIds: z.array(z.string()),
  createdBy: z.string(),
  createdAt: TimestampField,
  updatedAt: TimestampField,
  lastActivityAt: TimestampField,
  lastMessage: z
    .object({ id: z.string(), senderId: z.string(), text: z.string(), createdAt: TimestampField })
    .nullable(),
});
export type ChatRecord = z.infer<typeof ChatDoc> & { id: string };

/** `chats/{chatId}/members/{uid}` as stored; see `schemas/member.ts`. */
const MemberDoc = z.object({
  role: z.enum(['owner', 'admin', 'member']),
  joinedAt: TimestampField,
  addedBy: z.string().nullable(),
  lastReadMessageId: z.string().nullable(),
  lastReadAt: TimestampField.nullable(),
  unreadCount: z.number().int().min(0),
  muted: z.boolean(),
  /** Set when this member deleted a direct chat for themselves: they see nothing from before it. */
  clearedAt: TimestampField.nullable().default(null),
});
export type MemberRecord = z.infer<typeof MemberDoc> & { uid: string };

export interface NewMember {
  uid: string;
  role: Role;
  addedBy: string | null;
}

export interface NewChat {
  type: ChatType;
  title: string | null;
  createdBy: string;
  members: NewMember[];
}

export interface ChatRecordPage {
  chats: ChatRecord[];
  next: PageCursor | null;
}

export function parseChat(id: string, data: unknown): ChatRecord {
  return { id, ...ChatDoc.parse(data) };
}

export function parseMember(uid: string, data: unknown): MemberRecord {
  return { uid, ...MemberDoc.parse(data) };
}

/** Typed access to `chats/{chatId}` and its `members` subcollection. */
export class ChatRepository {
  constructor(readonly db: Firestore) {}

  chatRef(chatId: string): DocumentReference {
    return this.db.collection('chats').doc(chatId);
  }

  memberRef(chatId: string, uid: string): DocumentReference {
    return this.chatRef(chatId).collection('members').doc(uid);
  }

  /**
   * `chatDeletions/{chatId}`: `{ requestedBy, requestedAt }`, the job of deleting what is left under a chat
   * whose document is gone. Created in the transaction that deletes the chat; the `chatDeletionRequested`
   * trigger does the work and deletes the job last, so while it exists the chat's id is not reused.
   */
  deletionRef(chatId: string): DocumentReference {
    return this.db.collection('chatDeletions').doc(chatId);
  }

  /** A fresh random id for a group chat. */
  newChatId(): string {
    return this.db.collection('chats').doc().id;
  }

  async get(chatId: string): Promise<ChatRecord | null> {
    const snapshot = await this.chatRef(chatId).get();
    return snapshot.exists ? parseChat(chatId, snapshot.data()) : null;
  }

  async getMember(chatId: string, uid: string): Promise<MemberRecord | null> {
    const snapshot = await this.memberRef(chatId, uid).get();
    return snapshot.exists ? parseMember(uid, snapshot.data()) : null;
  }

  /** The chat and `uid`'s member record in it, read in one call (either null when missing). */
  async getWithMember(
    chatId: string,
    uid: string,
  ): Promise<{ chat: ChatRecord | null; member: MemberRecord | null }> {
    const [chat, member] = await this.db.getAll(this.chatRef(chatId), this.memberRef(chatId, uid));
    return {
      chat: chat?.exists ? parseChat(chatId, chat.data()) : null,
      member: member?.exists ? parseMember(uid, member.data()) : null,
    };
  }

  /** Whether the chat's deletion job is still to finish. */
  async deletionPending(chatId: string): Promise<boolean> {
    return (await this.deletionRef(chatId).get()).exists;
  }

  /** The member record of `uid` in each chat, in the order given (null where it is missing). */
  async getMemberships(uid: string, chatIds: string[]): Promise<(MemberRecord | null)[]> {
    if (chatIds.length === 0) return [];
    const snapshots = await this.db.getAll(...chatIds.map((chatId) => this.memberRef(chatId, uid)));
    return snapshots.map((snapshot) => (snapshot.exists ? parseMember(uid, snapshot.data()) : null));
  }

  /**
   * Creates the chat and its members in one batch. The chat is written with create(), so an existing id
   * (a direct chat opened twice) fails as a whole with `already-exists` and writes nothing.
   */
  async create(chatId: string, chat: NewChat): Promise<ChatRecord> {
    const batch = this.db.batch();
    const now = FieldValue.serverTimestamp();
    const memberIds = chat.members.map((member) => member.uid);
    batch.create(this.chatRef(chatId), {
      type: chat.type,
      title: chat.title,
      memberIds,
      createdBy: chat.createdBy,
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
      lastMessage: null,
    });
    for (const member of chat.members)
      batch.create(this.memberRef(chatId, member.uid), newMemberData(member));
    try {
      await batch.commit();
    } catch (error) {
      if (isFirestoreError(error, FirestoreCode.alreadyExists)) {
        throw AppError.alreadyExists(`Chat ${chatId} already exists.`);
      }
      throw error;
    }
    // Server timestamps are the request time, not the write time, and lastActivityAt orders the chat
    // list: return exactly what is stored.
    const stored = await this.get(chatId);
    if (!stored) throw new Error(`Chat ${chatId} vanished right after its create.`);
    return stored;
  }

  /** The caller's chats, most recent activity first, keyset-paginated on (lastActivityAt, id). */
  async listForMember(uid: string, limit: number, cursor?: PageCursor): Promise<ChatRecordPage> {
    let query = this.db
      .collection('chats')
      .where('memberIds', 'array-contains', uid)
      .orderBy('lastActivityAt', 'desc')
      .orderBy(FieldPath.documentId(), 'desc')
      .limit(limit + 1);
    if (cursor) query = query.startAfter(timestampOf(cursor), cursor.id);
    const snapshot = await query.get();
    const chats = snapshot.docs.slice(0, limit).map((doc) => parseChat(doc.id, doc.data()));
    const last = chats[chats.length - 1];
    return {
      chats,
      next:
        snapshot.docs.length > limit && last
          ? { seconds: last.lastActivityAt.seconds, nanos: last.lastActivityAt.nanoseconds, id: last.id }
          : null,
    };
  }

  /** Ids of every chat `uid` belongs to (ids only, no document bodies). */
  async chatIdsOf(uid: string, max: number): Promise<string[]> {
    const snapshot = await this.db
      .collection('chats')
      .where('memberIds', 'array-contains', uid)
      .select()
      .limit(max)
      .get();
    return snapshot.docs.map((doc) => doc.id);
  }

  /** Members in uid order, from after `cursorUid`. */
  async listMembers(
    chatId: string,
    limit: number,
    cursorUid?: string,
  ): Promise<{ members: MemberRecord[]; next: string | null }> {
    let query = this.chatRef(chatId)
      .collection('members')
      .orderBy(FieldPath.documentId())
      .limit(limit + 1);
    if (cursorUid) query = query.startAfter(cursorUid);
    const snapshot = await query.get();
    const members = snapshot.docs.slice(0, limit).map((doc) => parseMember(doc.id, doc.data()));
    return {
      members,
      next: snapshot.docs.length > limit ? (members[members.length - 1]?.uid ?? null) : null,
    };
  }

  /** Every member of a chat; for the trigger fan-out (tested with 1,000 members). */
  async allMembers(chatId: string): Promise<MemberRecord[]> {
    const snapshot = await this.chatRef(chatId).collection('members').get();
    return snapshot.docs.map((doc) => parseMember(doc.id, doc.data()));
  }

  /**
   * Deletes up to `pageSize` of the documents left under a chat whose document is gone (members, messages,
   * fan-out markers: whatever subcollections it has), in one batch. Returns how many; 0 when none is left.
   * Deleting an absent document is not an error, so two runs at once, or a run again, are harmless.
   */
  async deleteContentsPage(chatId: string, pageSize: number): Promise<number> {
    const batch = this.db.batch();
    let count = 0;
    for (const collection of await this.chatRef(chatId).listCollections()) {
      if (count >= pageSize) break;
      const snapshot = await collection
        .select()
        .limit(pageSize - count)
        .get();
      for (const doc of snapshot.docs) batch.delete(doc.ref);
      count += snapshot.size;
    }
    if (count > 0) await batch.commit();
    return count;
  }

  /** Ends a chat's deletion: its job goes, and the chat's id (a direct chat's) may be used again. */
  async completeDeletion(chatId: string): Promise<void> {
    await this.deletionRef(chatId).delete();
  }

  /**
   * Every chat for admins, most recent activity first, or those `member` belongs to, keyset-paginated on
   * (lastActivityAt, id).
   */
  async listAll(limit: number, options: { member?: string; cursor?: PageCursor }): Promise<ChatRecordPage> {
    const chats = this.db.collection('chats');
    let query = chats.orderBy('lastActivityAt', 'desc').orderBy(FieldPath.documentId(), 'desc');
    if (options.member) {
      query = chats
        .where('memberIds', 'array-contains', options.member)
        .orderBy('lastActivityAt', 'desc')
        .orderBy(FieldPath.documentId(), 'desc');
    }
    if (options.cursor) query = query.startAfter(timestampOf(options.cursor), options.cursor.id);
    const snapshot = await query.limit(limit + 1).get();
    const records = snapshot.docs.slice(0, limit).map((doc) => parseChat(doc.id, doc.data()));
    const last = records[records.length - 1];
    return {
      chats: records,
      next:
        snapshot.docs.length > limit && last
          ? { seconds: last.lastActivityAt.seconds, nanos: last.lastActivityAt.nanoseconds, id: last.id }
          : null,
    };
  }

  /** Group chats whose title starts with `prefix`, in (title, id) order, from after `after`. */
  async searchByTitle(
    prefix: string,
    limit: number,
    after?: [string, string],
  ): Promise<{ chats: ChatRecord[]; next: [string, string] | null }> {
    let query = this.db.collection('chats').orderBy('title').orderBy(FieldPath.documentId());
    query = after ? query.startAfter(after[0], after[1]) : query.startAt(prefix);
    const snapshot = await query
      .endAt(`${prefix}\uf8ff`)
      .limit(limit + 1)
      .get();
    const records = snapshot.docs.slice(0, limit).map((doc) => parseChat(doc.id, doc.data()));
    const last = records[records.length - 1];
    return {
      chats: records,
      next: snapshot.docs.length > limit && last ? [last.title ?? '', last.id] : null,
    };
  }

  /** Runs `work` in a transaction with typed reads and writes on chats and members. */
  transaction<T>(work: (tx: ChatTransaction) => Promise<T>): Promise<T> {
    return this.db.runTransaction((tx) => work(new ChatTransaction(this, tx)), { maxAttempts: 25 });
  }
}

/**
 * Typed reads and writes on a chat, its members and its messages inside one Firestore transaction: what the
 * services need, so they never touch the raw transaction or a document path. Every change a chat's members
 * must hear of (a member added or removed, a rename) also appends its system message, in the same
 * transaction: see `schemas/message.ts`.
 */
export class ChatTransaction {
  constructor(
    private readonly repo: ChatRepository,
    /** The raw transaction, for other repositories joining it (`FanOutRepository.countedAfter`); not for services. */
    readonly tx: Transaction,
  ) {}

  async message(chatId: string, messageId: string): Promise<MessageRecord | null> {
    const snapshot = await this.tx.get(this.messageRef(chatId, messageId));
    return snapshot.exists ? parseMessage(chatId, messageId, snapshot.data()) : null;
  }

  /**
   * Creates a text message with `messageId`; the caller has checked, in this transaction, that the sender
   * is a member and that the id is free. Committing fails if either changed meanwhile, and the transaction
   * runs again.
   */
  createMessage(chatId: string, messageId: string, message: NewMessage): void {
    this.tx.create(this.messageRef(chatId, messageId), newMessageData(message, null));
  }

  /** Applies an edit; the caller has checked who may edit, in this transaction. */
  editMessage(chatId: string, messageId: string, text: string): void {
    this.tx.update(this.messageRef(chatId, messageId), {
      text,
      editedAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
  }

  /** Turns the message into a tombstone: empty text, deletedAt set; it keeps its place in the history. */
  tombstoneMessage(chatId: string, messageId: string): void {
    this.tx.update(this.messageRef(chatId, messageId), {
      text: '',
      deletedAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
  }

  /** A tombstone left by moderation: like `tombstoneMessage`, and marked `moderated` for every reader. */
  moderateMessage(chatId: string, messageId: string): void {
    this.tx.update(this.messageRef(chatId, messageId), {
      text: '',
      moderated: true,
      deletedAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
  }

  /**
   * Deletes the chat: its document goes, its `chat-deleted` system message is appended (whoever follows
   * the chat's messages, the relay, hears it in the same commit) and its deletion job is created. Readers
   * treat a chat without its document as gone at once; the job (`chatDeletionRequested`) deletes the
   * history and the members afterwards, in pages, since a transaction cannot hold a whole history. A job
   * still pending for this id fails the commit with `already-exists`.
   */
  deleteChat(chatId: string, actor: string): void {
    this.record(chatId, actor, { event: 'chat-deleted' });
    this.tx.delete(this.repo.chatRef(chatId));
    this.tx.create(this.repo.deletionRef(chatId), {
      requestedBy: actor,
      requestedAt: FieldValue.serverTimestamp(),
    });
  }

  /**
   * Hides the chat's history from `uid` only (a direct chat "deleted" by one side): they see nothing from
   * before now, their unread count is cleared, and the other member keeps everything.
   */
  clearHistoryFor(chatId: string, uid: string): void {
    this.tx.update(this.repo.memberRef(chatId, uid), {
      clearedAt: FieldValue.serverTimestamp(),
      unreadCount: 0,
    });
  }

  /** Moves `uid`'s read position to `message`, with the unread count recounted from there. */
  setReadPosition(chatId: string, uid: string, message: MessageRecord, unreadCount: number): void {
    this.tx.update(this.repo.memberRef(chatId, uid), {
      lastReadMessageId: message.id,
      lastReadAt: message.createdAt,
      unreadCount,
    });
  }

  async chat(chatId: string): Promise<ChatRecord | null> {
    const snapshot = await this.tx.get(this.repo.chatRef(chatId));
    return snapshot.exists ? parseChat(chatId, snapshot.data()) : null;
  }

  async member(chatId: string, uid: string): Promise<MemberRecord | null> {
    const snapshot = await this.tx.get(this.repo.memberRef(chatId, uid));
    return snapshot.exists ? parseMember(uid, snapshot.data()) : null;
  }

  /**
   * The chat and `uid`'s member record in it, and the messages `messageIds` of it (null where there is
   * none), read together in this transaction: one round trip.
   */
  async withMember(
    chatId: string,
    uid: string,
    messageIds: string[] = [],
  ): Promise<{ chat: ChatRecord | null; member: MemberRecord | null; messages: (MessageRecord | null)[] }> {
    const [chat, member, ...messages] = await this.tx.getAll(
      this.repo.chatRef(chatId),
      this.repo.memberRef(chatId, uid),
      ...messageIds.map((id) => this.messageRef(chatId, id)),
    );
    return {
      chat: chat?.exists ? parseChat(chatId, chat.data()) : null,
      member: member?.exists ? parseMember(uid, member.data()) : null,
      messages: messages.map((m, i) =>
        m.exists ? parseMessage(chatId, messageIds[i] as string, m.data()) : null,
      ),
    };
  }

  rename(chatId: string, title: string, actor: string): void {
    this.tx.update(this.repo.chatRef(chatId), { title, updatedAt: FieldValue.serverTimestamp() });
    this.record(chatId, actor, { event: 'renamed', title });
  }

  /** Adds `member`, added by `actor`. */
  addMember(chatId: string, member: NewMember, actor: string): void {
    this.tx.create(this.repo.memberRef(chatId, member.uid), newMemberData(member));
    this.tx.update(this.repo.chatRef(chatId), {
      memberIds: FieldValue.arrayUnion(member.uid),
      updatedAt: FieldValue.serverTimestamp(),
    });
    this.record(chatId, actor, { event: 'member-added', uid: member.uid });
  }

  /** Removes `uid`: `member-left` when `actor` is `uid`, `member-removed` otherwise. */
  removeMember(chatId: string, uid: string, actor: string): void {
    this.tx.delete(this.repo.memberRef(chatId, uid));
    this.tx.update(this.repo.chatRef(chatId), {
      memberIds: FieldValue.arrayRemove(uid),
      updatedAt: FieldValue.serverTimestamp(),
    });
    this.record(chatId, actor, { event: actor === uid ? 'member-left' : 'member-removed', uid });
  }

  private record(chatId: string, actor: string, event: ChatEvent): void {
    this.tx.create(this.repo.chatRef(chatId).collection('messages').doc(), systemMessageData(actor, event));
  }

  private messageRef(chatId: string, messageId: string): DocumentReference {
    return this.repo.chatRef(chatId).collection('messages').doc(messageId);
  }

  setRole(chatId: string, uid: string, role: Role): void {
    this.tx.update(this.repo.memberRef(chatId, uid), { role });
  }

  /** Keeps the chat's `lastMessage` in step when that message is edited or deleted. */
  setLastMessageText(chatId: string, text: string): void {
    this.tx.update(this.repo.chatRef(chatId), { 'lastMessage.text': text });
  }

  setMuted(chatId: string, uid: string, muted: boolean): void {
    this.tx.update(this.repo.memberRef(chatId, uid), { muted });
  }
}

function newMemberData(member: NewMember) {
  return {
    role: member.role,
    joinedAt: FieldValue.serverTimestamp(),
    addedBy: member.addedBy,
    lastReadMessageId: null,
    lastReadAt: null,
    unreadCount: 0,
    muted: false,
    clearedAt: null,
  };
}

export function toMember(record: MemberRecord): Member {
  return {
    uid: record.uid,
    role: record.role,
    joinedAt: toIso(record.joinedAt),
    addedBy: record.addedBy,
    lastReadMessageId: record.lastReadMessageId,
    lastReadAt: toIsoOrNull(record.lastReadAt),
    unreadCount: record.unreadCount,
    muted: record.muted,
  };
}

/** Whether `member` cleared the chat's history at or after `time`: what they no longer see. */
export function clearedBefore(member: MemberRecord | null, time: Timestamp): boolean {
  return member?.clearedAt != null && compareTimes(time, member.clearedAt) <= 0;
}

export function toChat(record: ChatRecord, membership: MemberRecord | null): Chat {
  return {
    id: record.id,
    type: record.type,
    title: record.title,
    memberIds: record.memberIds,
    createdBy: record.createdBy,
    createdAt: toIso(record.createdAt),
    updatedAt: toIso(record.updatedAt),
    lastActivityAt: toIso(record.lastActivityAt),
    // A member who cleared the chat's history does not see its last message from before.
    lastMessage:
      record.lastMessage && !clearedBefore(membership, record.lastMessage.createdAt)
        ? {
            id: record.lastMessage.id,
            senderId: record.lastMessage.senderId,
            text: record.lastMessage.text,
            createdAt: toIso(record.lastMessage.createdAt),
          }
        : null,
    membership: membership ? toMember(membership) : null,
  };
}
