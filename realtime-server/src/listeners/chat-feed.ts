import { Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import { decodeCursor, type RealtimeChat, type RealtimeMessage } from '@chat/core';
import { toRealtimeChat, toRealtimeMessage } from '../domain/documents';
import type { Logs } from '../logs';
import { ChangedSince } from './changed-since';
import { CollectionTail, type TailCursor } from './collection-tail';
import { DocWatch } from './doc-watch';
import { EmissionLog } from './emission-log';

/** What a chat's Firestore changes become; the chat namespace emits them to the chat's room. */
export interface ChatFeedEvents {
  messageNew(message: RealtimeMessage): void;
  messageUpdated(message: RealtimeMessage): void;
  messageDeleted(message: RealtimeMessage): void;
  chatUpdated(chat: RealtimeChat): void;
  memberJoined(chatId: string, uid: string): void;
  memberLeft(chatId: string, uid: string): void;
  /** The chat document is gone (or unreadable): nobody may stay in its room. */
  chatGone(chatId: string): void;
}

/** Edits and deletions are followed from this long before the feed opened, to cover clock skew. */
const CHANGES_MARGIN_MS = 5000;

/**
 * The Firestore side of one active chat room on this instance, shared by every socket in the room:
 * - a tail of its new messages (message:new, never lost, never twice);
 * - listeners on `editedAt` and `deletedAt` since the feed opened, so an edit or deletion of any message,
 *   however old, reaches the room (message:updated / message:deleted, once per version);
 * - a watch on the chat document (title, members).
 * All open in the constructor; `ready` settles when the tail and the chat watch have delivered their first
 * snapshot.
 */
export class ChatFeed {
  readonly ready: Promise<void>;
  private readonly messages: CollectionTail;
  private readonly edits: ChangedSince;
  private readonly deletions: ChangedSince;
  private readonly chat: DocWatch;
  /** The last version of each changed message emitted (`e:<editedAt>` or `d`), so replays are dropped. */
  private readonly versions = new Map<string, string>();
  private memberIds: Set<string> | undefined;
  /** The chat's own state (not its activity), to tell a real change from a new message's bookkeeping. */
  private signature = '';
  private readonly emissions = new EmissionLog();

  constructor(
    db: Firestore,
    readonly chatId: string,
    events: ChatFeedEvents,
    logs: Logs,
    options: { checkMs: number },
  ) {
    const chatRef = db.collection('chats').doc(chatId);
    this.messages = new CollectionTail(
      chatRef.collection('messages'),
      {
        added: (doc) => {
          const message = toRealtimeMessage(chatId, doc);
          if (!message) return;
          this.emissions.record(message.id);
          events.messageNew(message);
        },
        modified: (doc) => this.changed(doc, events),
      },
      logs,
      `chats/${chatId}/messages`,
      options,
    );
    const since = Timestamp.fromMillis(Date.now() - CHANGES_MARGIN_MS);
    const messagesRef = chatRef.collection('messages');
    const onChange = (doc: DocumentSnapshot) => this.changed(doc, events);
    this.edits = new ChangedSince(messagesRef, 'editedAt', since, onChange, logs, `chats/${chatId} edits`);
    this.deletions = new ChangedSince(
      messagesRef,
      'deletedAt',
      since,
      onChange,
      logs,
      `chats/${chatId} deletions`,
    );
    this.chat = new DocWatch(
      chatRef,
      (snapshot, initial) => {
        const chat = snapshot.exists ? toRealtimeChat(snapshot) : null;
        if (!chat) {
          this.memberIds = new Set();
          if (!initial) events.chatGone(chatId);
          return;
        }
        const before = this.memberIds;
        const previous = this.signature;
        this.memberIds = new Set(chat.memberIds);
        this.signature = signatureOf(chat);
        if (initial || !before) return;
        // The message trigger moves lastActivityAt on every message; message:new already says so.
        if (this.signature !== previous) events.chatUpdated(chat);
        for (const uid of chat.memberIds) if (!before.has(uid)) events.memberJoined(chatId, uid);
        for (const uid of before) if (!this.memberIds.has(uid)) events.memberLeft(chatId, uid);
      },
      logs,
      options,
    );
    this.ready = Promise.all([this.messages.ready, this.chat.ready]).then(() => undefined);
  }

  /** The newest message already emitted to the room: a joining socket's history must stop here. */
  get cursor(): TailCursor | null {
    return this.messages.cursor;
  }

  /** A mark in the feed's emission order, taken just before a socket joins the room. */
  get position(): number {
    return this.emissions.position;
  }

  /** Whether a message read from Firestore (by its exact cursor) reached the room at or before `position`. */
  emittedBefore(message: RealtimeMessage, position: number): boolean {
    const at = decodeCursor(message.cursor);
    if (!at) return false;
    const cursor = { createdAt: new Timestamp(at.seconds, at.nanos), id: at.id };
    return this.emissions.emittedBefore(cursor, position, this.messages.cursor);
  }

  /** Whether `uid` is a member as of the last chat snapshot (undefined before the first). */
  isMember(uid: string): boolean | undefined {
    return this.memberIds?.has(uid);
  }

  close(): void {
    this.messages.close();
    this.edits.close();
    this.deletions.close();
    this.chat.close();
  }

  private changed(doc: DocumentSnapshot, events: ChatFeedEvents): void {
    const message = toRealtimeMessage(this.chatId, doc);
    if (!message || (!message.editedAt && !message.deletedAt)) return;
    const version = message.deletedAt ? 'd' : `e:${message.editedAt}`;
    if (this.versions.get(message.id) === version) return;
    this.versions.set(message.id, version);
    if (this.versions.size > 5000) {
      const oldest = this.versions.keys().next().value;
      if (oldest !== undefined) this.versions.delete(oldest);
    }
    if (message.deletedAt) events.messageDeleted(message);
    else events.messageUpdated(message);
  }
}

function signatureOf(chat: RealtimeChat): string {
  return JSON.stringify([chat.type, chat.title, chat.memberIds, chat.updatedAt]);
}
