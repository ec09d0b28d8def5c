import { Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import { decodeCursor, type RealtimeChat, type RealtimeMessage } from '@chat/core';
import { toRealtimeChat, toRealtimeMessage } from '../domain/documents';
import type { Logs } from '../logs';
import { compare, cursorOf, type TailCursor } from './collection-tail';
import { DocWatch } from './doc-watch';
import { EmissionLog } from './emission-log';
import { MessageChanges } from './message-changes';

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

/**
 * The Firestore side of one active chat room on this instance, shared by every socket in the room. Two
 * snapshot listeners, whatever the number of sockets:
 * - one on the chat's messages ordered by `updatedAt` (`MessageChanges`): a message newer than any the feed
 *   has emitted is message:new (never lost, never twice); an edit or deletion of any message, however old,
 *   is message:updated / message:deleted, once per version;
 * - one on the chat document (title, members): chat:updated, member:joined, member:left, and eviction.
 *   Firestore cannot listen to a document and a subcollection with one query, and the chat document stays
 *   the one source of truth for membership, so it keeps its own listener.
 * Both open in the constructor; `ready` settles when each has delivered its first snapshot.
 */
export class ChatFeed {
  readonly ready: Promise<void>;
  private readonly messages: MessageChanges;
  private readonly chat: DocWatch;
  /** The newest message emitted as new (or existing when the feed opened), in (createdAt, id) order. */
  private newest: TailCursor | null = null;
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
    this.messages = new MessageChanges(
      chatRef.collection('messages'),
      {
        started: (newest) => (this.newest = newest),
        changed: (docs) => this.deliver(docs, events),
      },
      logs,
      `chats/${chatId}/messages`,
      options,
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
    return this.newest;
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
    return this.emissions.emittedBefore(cursor, position, this.newest);
  }

  /** Whether `uid` is a member as of the last chat snapshot (undefined before the first). */
  isMember(uid: string): boolean | undefined {
    return this.memberIds?.has(uid);
  }

  close(): void {
    this.messages.close();
    this.chat.close();
  }

  /**
   * One snapshot's message versions, in (createdAt, id) order so that new messages advance `newest` in
   * order even when one of them was edited before the listener first saw it.
   */
  private deliver(docs: DocumentSnapshot[], events: ChatFeedEvents): void {
    const ordered = docs.map((doc) => ({ doc, at: cursorOf(doc) })).sort((a, b) => compare(a.at, b.at));
    for (const { doc, at } of ordered) {
      const message = toRealtimeMessage(this.chatId, doc);
      if (!message) continue;
      // A message at or before `newest` was emitted already, or existed before the feed opened.
      if (!this.newest || compare(at, this.newest) > 0) {
        this.newest = at;
        this.emissions.record(message.id);
        events.messageNew(message);
      }
      this.changed(doc, events);
    }
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
