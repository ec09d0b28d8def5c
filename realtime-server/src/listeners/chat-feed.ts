import { Timestamp, type DocumentSnapshot } from 'firebase-admin/firestore';
import {
  decodeCursor,
  realtimeChatOf,
  toChat,
  type ChatEvent,
  type FeedRepositories,
  type RealtimeChat,
  type RealtimeMessage,
} from '@chat/core';
import { toRealtimeMessage } from './documents';
import type { Logs } from '../logs';
import { compare, cursorOf, type TailCursor } from './collection-tail';
import { EmissionLog } from './emission-log';
import { MessageChanges } from './message-changes';

/** What a chat's Firestore changes become; the chat namespace emits them to the chat's room. */
export interface ChatFeedEvents {
  messageNew(message: RealtimeMessage): void;
  messageUpdated(message: RealtimeMessage): void;
  messageDeleted(message: RealtimeMessage): void;
  chatUpdated(chat: RealtimeChat): void;
  memberJoined(chatId: string, uid: string): void;
  /** Called before the system message that says so is emitted: the member must be out of the room first. */
  memberLeft(chatId: string, uid: string): void;
  /** The chat is being deleted: nobody may stay in its room. */
  chatGone(chatId: string): void;
}

/**
 * The Firestore side of one active chat room on this instance, shared by every socket in the room: ONE
 * snapshot listener, whatever the number of sockets, on the chat's messages ordered by `updatedAt`
 * (`MessageChanges`).
 * - A message the feed has not emitted is message:new (never lost, never twice), in commit order, even when
 *   its createdAt sorts before one already emitted; an edit or deletion of any message, however old, is
 *   message:updated / message:deleted, once per version.
 * - Every change to the chat itself (members added or removed, a rename, deletion) is a system message in
 *   that same stream, committed with the change (`schemas/message.ts`). So the room hears of them in commit
 *   order with the messages: a member removed before a message was committed is out of the room before
 *   that message is emitted. chat:updated carries the chat as read right after its system message.
 *
 * The listener opens in the constructor; `ready` settles when it has delivered its first snapshot.
 */
export class ChatFeed {
  readonly ready: Promise<void>;
  private readonly messages: MessageChanges;
  /** The newest message emitted as new (or existing when the feed opened), in (createdAt, id) order. */
  private newest: TailCursor | null = null;
  /** The newest message when the feed opened: those at or before it existed already. */
  private opened: TailCursor | null = null;
  /** The last version of each changed message emitted (`e:<editedAt>` or `d`), so replays are dropped. */
  private readonly versions = new Map<string, string>();
  private readonly emissions = new EmissionLog();
  /** For each member removed while the feed was open: the emission position of their removal. */
  private readonly removals = new Map<string, number>();
  /** chat:updated reads the chat after each change; one read at a time, so they are emitted in order. */
  private chatReads: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly repositories: FeedRepositories,
    readonly chatId: string,
    private readonly events: ChatFeedEvents,
    private readonly logs: Logs,
    options: { checkMs: number },
  ) {
    const { messages } = repositories;
    this.messages = new MessageChanges(
      { ordered: messages.changesQuery(chatId), newest: () => messages.newestPosition(chatId) },
      {
        started: (newest) => {
          this.newest = newest;
          this.opened = newest;
        },
        changed: (docs) => this.deliver(docs),
      },
      logs,
      `chats/${chatId}/messages`,
      options,
    );
    this.ready = this.messages.ready;
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

  /**
   * Whether the feed emitted the removal of `uid` after `position`. A join reads membership after taking a
   * position: a removal committed after that read can only be emitted after the position, so checking
   * this right before the socket enters the room closes the gap between the read and the join.
   */
  removedSince(uid: string, position: number): boolean {
    return (this.removals.get(uid) ?? -1) > position;
  }

  close(): void {
    this.closed = true;
    this.messages.close();
  }

  /**
   * One snapshot's message versions, in (createdAt, id) order so that new messages advance `newest` in
   * order even when one of them was edited before the listener first saw it.
   */
  private deliver(docs: DocumentSnapshot[]): void {
    const ordered = docs.map((doc) => ({ doc, at: cursorOf(doc) })).sort((a, b) => compare(a.at, b.at));
    for (const { doc, at } of ordered) {
      const message = toRealtimeMessage(this.chatId, doc);
      if (!message) {
        this.logs.documentSkipped(doc.ref.path);
        continue;
      }
      if (this.isNew(message, at)) {
        if (!this.newest || compare(at, this.newest) > 0) this.newest = at;
        if (message.system) this.before(message.system);
        this.emissions.record(message.id);
        this.events.messageNew(message);
        if (message.system) this.after(message.system);
      }
      this.changed(message);
    }
  }

  /**
   * Whether a delivered version is a message the room has not had. The listener delivers in commit order
   * (updatedAt), and createdAt need not follow it: a message committed after one already emitted may sort
   * before it. So "sorts after the newest emitted" is not the test, or such a message (or a removal) would
   * never be pushed. New is: not emitted yet, and either sorting after everything emitted (even if edited
   * before the feed saw it) or, sorting earlier, a first version (no edit or deletion yet) of a message
   * that did not exist when the feed opened.
   */
  private isNew(message: RealtimeMessage, at: TailCursor): boolean {
    if (this.emissions.has(message.id)) return false;
    if (!this.newest || compare(at, this.newest) > 0) return true;
    const untouched = !message.editedAt && !message.deletedAt;
    return untouched && (!this.opened || compare(at, this.opened) > 0);
  }

  /** A chat change that must happen before its system message reaches the room. */
  private before(event: ChatEvent): void {
    if (event.event === 'member-removed' || event.event === 'member-left') {
      this.removals.set(event.uid, this.emissions.position + 1);
      this.events.memberLeft(this.chatId, event.uid);
    } else if (event.event === 'chat-deleted') {
      this.events.chatGone(this.chatId);
    }
  }

  /** A chat change announced after its system message. */
  private after(event: ChatEvent): void {
    if (event.event === 'chat-deleted') return;
    if (event.event === 'member-added') {
      this.removals.delete(event.uid);
      this.events.memberJoined(this.chatId, event.uid);
    }
    this.chatReads = this.chatReads.then(() => this.announceChat());
  }

  private async announceChat(): Promise<void> {
    if (this.closed) return;
    try {
      const record = await this.repositories.chats.get(this.chatId);
      if (record && !this.closed) this.events.chatUpdated(realtimeChatOf(toChat(record, null)));
    } catch (error) {
      // The change itself reached the room as its system message; only the chat's new state is missing.
      this.logs.chatReadFailed(this.chatId, error instanceof Error ? error.message : String(error));
    }
  }

  private changed(message: RealtimeMessage): void {
    if (!message.editedAt && !message.deletedAt) return;
    const version = message.deletedAt ? 'd' : `e:${message.editedAt}`;
    if (this.versions.get(message.id) === version) return;
    this.versions.set(message.id, version);
    if (this.versions.size > 5000) {
      const oldest = this.versions.keys().next().value;
      if (oldest !== undefined) this.versions.delete(oldest);
    }
    if (message.deletedAt) this.events.messageDeleted(message);
    else this.events.messageUpdated(message);
  }
}
