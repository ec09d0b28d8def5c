import {
  FieldPath,
  Timestamp,
  type CollectionReference,
  type DocumentSnapshot,
  type Query,
  type QueryDocumentSnapshot,
} from 'firebase-admin/firestore';
import type { Logs } from '../logs';
import { Backoff, type BackoffOptions } from './backoff';

/** A position in a collection ordered by (createdAt, document id): the last document delivered. */
export interface TailCursor {
  createdAt: Timestamp;
  id: string;
}

export interface TailHandlers {
  /** A document committed after the cursor, delivered exactly once, in (createdAt, id) order per snapshot. */
  added(doc: QueryDocumentSnapshot): void;
  /** A document already delivered changed. */
  modified(doc: QueryDocumentSnapshot): void;
}

export interface CollectionTailOptions {
  /** How often the tail is checked against a fresh query for documents its listener missed. */
  checkMs: number;
  /** Reopen the listener (from the cursor) after this many documents, so its in-memory view stays small. @default 500 */
  windowSize?: number;
  backoff?: BackoffOptions;
}

/**
 * Follows the new documents of a collection ordered by (createdAt, id), with one snapshot listener, and never
 * loses one: the listener starts after the last delivered document, so reopening it (after an error, after a
 * stall, or to shrink its window) replays exactly what was missed. A stall is a document that a plain query
 * saw at one check and that the listener still has not delivered at the next.
 *
 * The listener opens in the constructor and closes in `close()`; `ready` settles once the first snapshot
 * has been delivered, so `cursor` is then the newest document committed before the tail was opened.
 */
export class CollectionTail {
  readonly ready: Promise<void>;
  private cursorValue: TailCursor | null = null;
  private unsubscribe: (() => void) | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly checkTimer: NodeJS.Timeout;
  private suspect: TailCursor | null = null;
  private seenInWindow = 0;
  private closed = false;
  /** Set once a listener has been opened: a reopen resumes from the cursor, never from "newest". */
  private everOpened = false;
  private readonly backoff: Backoff;
  private markReady!: () => void;

  constructor(
    private readonly collection: CollectionReference,
    private readonly handlers: TailHandlers,
    private readonly logs: Logs,
    private readonly key: string,
    private readonly options: CollectionTailOptions,
  ) {
    this.backoff = new Backoff(options.backoff);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.checkTimer = setInterval(() => void this.check(), options.checkMs);
    this.checkTimer.unref();
    void this.open();
  }

  /** The last document delivered (null while the collection is empty). */
  get cursor(): TailCursor | null {
    return this.cursorValue;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.checkTimer);
    clearTimeout(this.retryTimer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.markReady();
    this.logs.listenerClosed('tail', this.key);
  }

  private ordered(): Query {
    return this.collection.orderBy('createdAt').orderBy(FieldPath.documentId());
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    try {
      // First open: start after the newest existing document. Reopen: after the last one delivered.
      if (!this.cursorValue && !this.everOpened) {
        const newest = await this.collection
          .orderBy('createdAt', 'desc')
          .orderBy(FieldPath.documentId(), 'desc')
          .limit(1)
          .get();
        const doc = newest.docs[0];
        if (doc) this.cursorValue = cursorOf(doc);
      }
    } catch (error) {
      return this.broken(`initial query failed: ${message(error)}`);
    }
    if (this.closed) return;
    const start = this.cursorValue;
    const query = start ? this.ordered().startAfter(start.createdAt, start.id) : this.ordered();
    let first = true;
    this.seenInWindow = 0;
    this.everOpened = true;
    this.unsubscribe = query.onSnapshot(
      (snapshot) => {
        if (this.closed) return;
        for (const change of snapshot.docChanges()) {
          if (change.type === 'added') this.deliverAdded(change.doc);
          else if (change.type === 'modified') this.handlers.modified(change.doc);
        }
        if (first) {
          first = false;
          this.backoff.reset();
          this.logs.listenerOpened('tail', this.key);
          this.markReady();
        }
        if (this.seenInWindow >= (this.options.windowSize ?? 500)) this.reopen('window full', 0);
      },
      (error) => this.broken(message(error)),
    );
  }

  private deliverAdded(doc: QueryDocumentSnapshot): void {
    const position = cursorOf(doc);
    // A document at or before the cursor was delivered by an earlier listener: never twice.
    if (this.cursorValue && compare(position, this.cursorValue) <= 0) return;
    this.cursorValue = position;
    this.seenInWindow += 1;
    this.handlers.added(doc);
  }

  private broken(reason: string): void {
    if (this.closed) return;
    this.reopen(reason, this.backoff.next());
  }

  private reopen(reason: string, delayMs: number): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.retryTimer);
    if (delayMs > 0) this.logs.listenerBroken('tail', this.key, reason, delayMs);
    this.retryTimer = setTimeout(() => void this.open(), delayMs);
    this.retryTimer.unref();
  }

  /** Compare the listener with a plain query: a document seen last time and still undelivered means a stall. */
  private async check(): Promise<void> {
    if (this.closed || !this.unsubscribe) return;
    if (this.suspect && (!this.cursorValue || compare(this.cursorValue, this.suspect) < 0)) {
      this.suspect = null;
      return this.reopen('listener silent while documents were committed', this.backoff.next());
    }
    try {
      const start = this.cursorValue;
      const query = start ? this.ordered().startAfter(start.createdAt, start.id) : this.ordered();
      const next = (await query.limit(1).get()).docs[0];
      this.suspect = next ? cursorOf(next) : null;
    } catch {
      // Firestore unreachable for a moment: the listener reports its own errors.
    }
  }
}

export function cursorOf(doc: DocumentSnapshot): TailCursor {
  const createdAt = doc.get('createdAt') as unknown;
  return { createdAt: createdAt instanceof Timestamp ? createdAt : new Timestamp(0, 0), id: doc.id };
}

export function compare(a: TailCursor, b: TailCursor): number {
  const byTime =
    a.createdAt.seconds - b.createdAt.seconds || a.createdAt.nanoseconds - b.createdAt.nanoseconds;
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
