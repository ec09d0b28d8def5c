import { Timestamp, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import type { Logs } from '../logs';
import type { FeedSource, TailCursor } from './collection-tail';
import { ResumingListener, type ResumingListenerOptions, type ResumingSpec } from './resuming-listener';

export interface MessageChangesHandlers {
  /**
   * Before the listener first opens: the newest message by (createdAt, id), or null for an empty chat.
   * Messages after it are new to the feed; the ones at or before it existed already.
   */
  started(newest: TailCursor | null): void;
  /** The message versions of one snapshot (new, edited or deleted); a reopen may repeat some. */
  changed(docs: QueryDocumentSnapshot[]): void;
}

export interface MessageChangesOptions extends ResumingListenerOptions {
  /** Changes from this long before the first open are delivered too, to cover clock skew. @default 5000 */
  marginMs?: number;
}

/**
 * Every change to a chat's messages, with one snapshot listener: every message version carries
 * `updatedAt` (set on create, edit and deletion), and the listener follows `messages` ordered by
 * (updatedAt, id) from a resume point. New messages, edits and deletions of any message, however old, all
 * arrive on it. Reopening it (after an error, a stall, or to shrink its window) starts after the last
 * version delivered, so nothing is lost on the way; the receiver drops the versions it already has.
 *
 * Opens in the constructor, closes in `close()`; `ready` settles once the first snapshot has been delivered.
 */
export class MessageChanges {
  readonly ready: Promise<void>;
  private readonly listener: ResumingListener;

  constructor(
    /** `MessageRepository`'s changes query, ordered by (updatedAt, id), and its newest message. */
    messages: FeedSource,
    handlers: MessageChangesHandlers,
    logs: Logs,
    key: string,
    options: MessageChangesOptions,
  ) {
    const spec: ResumingSpec = {
      label: 'messages',
      field: 'updatedAt',
      ordered: messages.ordered,
      start: async () => {
        const since = Timestamp.fromMillis(Date.now() - (options.marginMs ?? 5000));
        handlers.started(await messages.newest());
        return { from: since };
      },
      deliver: (changes) => {
        if (changes.length > 0) handlers.changed(changes.map((change) => change.doc));
        return changes.length;
      },
    };
    this.listener = new ResumingListener(spec, logs, key, options);
    this.ready = this.listener.ready;
  }

  close(): void {
    this.listener.close();
  }
}
