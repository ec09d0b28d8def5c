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
import { cursorOf, type TailCursor } from './collection-tail';

/** A position in a chat's messages ordered by (updatedAt, document id): the last version delivered. */
interface ChangePosition {
  updatedAt: Timestamp;
  id: string;
}

export interface MessageChangesHandlers {
  /**
   * Before the listener first opens: the newest message by (createdAt, id), or null for an empty chat.
   * Messages after it are new to the feed; the ones at or before it existed already.
   */
  started(newest: TailCursor | null): void;
  /** The message versions of one snapshot (new, edited or deleted); a reopen may repeat some. */
  changed(docs: QueryDocumentSnapshot[]): void;
}

export interface MessageChangesOptions {
  /** How often the listener is checked against a fresh query for versions it missed. */
  checkMs: number;
  /** Changes from this long before the first open are delivered too, to cover clock skew. @default 5000 */
  marginMs?: number;
  /** Reopen the listener (from the last version) after this many versions, so its view stays small. @default 500 */
  windowSize?: number;
  backoff?: BackoffOptions;
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
  private resume: ChangePosition | null = null;
  private since: Timestamp | undefined;
  private unsubscribe: (() => void) | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly checkTimer: NodeJS.Timeout;
  private suspect: ChangePosition | null = null;
  private seenInWindow = 0;
  private closed = false;
  private readonly backoff: Backoff;
  private markReady!: () => void;

  constructor(
    private readonly messages: CollectionReference,
    private readonly handlers: MessageChangesHandlers,
    private readonly logs: Logs,
    private readonly key: string,
    private readonly options: MessageChangesOptions,
  ) {
    this.backoff = new Backoff(options.backoff);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.checkTimer = setInterval(() => void this.check(), options.checkMs);
    this.checkTimer.unref();
    void this.open();
  }

  close(): void {
    this.closed = true;
    clearInterval(this.checkTimer);
    clearTimeout(this.retryTimer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.markReady();
    this.logs.listenerClosed('messages', this.key);
  }

  private ordered(): Query {
    return this.messages.orderBy('updatedAt').orderBy(FieldPath.documentId());
  }

  /** The versions after the last one delivered; before any, every version since the feed opened. */
  private fromResume(since: Timestamp): Query {
    const resume = this.resume;
    return resume ? this.ordered().startAfter(resume.updatedAt, resume.id) : this.ordered().startAt(since);
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    if (!this.since) {
      const since = Timestamp.fromMillis(Date.now() - (this.options.marginMs ?? 5000));
      try {
        const newest = await this.messages
          .orderBy('createdAt', 'desc')
          .orderBy(FieldPath.documentId(), 'desc')
          .limit(1)
          .get();
        if (this.closed) return;
        const doc = newest.docs[0];
        this.handlers.started(doc ? cursorOf(doc) : null);
        this.since = since;
      } catch (error) {
        return this.broken(`initial query failed: ${message(error)}`);
      }
    }
    if (this.closed) return;
    let first = true;
    this.seenInWindow = 0;
    this.unsubscribe = this.fromResume(this.since).onSnapshot(
      (snapshot) => {
        if (this.closed) return;
        const docs = snapshot
          .docChanges()
          .filter((change) => change.type !== 'removed')
          .map((change) => change.doc);
        for (const doc of docs) {
          const position = positionOf(doc);
          if (!this.resume || comparePositions(position, this.resume) > 0) this.resume = position;
        }
        this.seenInWindow += docs.length;
        if (docs.length > 0) this.handlers.changed(docs);
        if (first) {
          first = false;
          this.backoff.reset();
          this.logs.listenerOpened('messages', this.key);
          this.markReady();
        }
        if (this.seenInWindow >= (this.options.windowSize ?? 500)) this.reopen('window full', 0);
      },
      (error) => this.broken(message(error)),
    );
  }

  private broken(reason: string): void {
    if (this.closed) return;
    this.reopen(reason, this.backoff.next());
  }

  private reopen(reason: string, delayMs: number): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.retryTimer);
    if (delayMs > 0) this.logs.listenerBroken('messages', this.key, reason, delayMs);
    this.retryTimer = setTimeout(() => void this.open(), delayMs);
    this.retryTimer.unref();
  }

  /** Compare the listener with a plain query: a version seen last time and still undelivered means a stall. */
  private async check(): Promise<void> {
    if (this.closed || !this.unsubscribe || !this.since) return;
    if (this.suspect && (!this.resume || comparePositions(this.resume, this.suspect) < 0)) {
      this.suspect = null;
      return this.reopen('listener silent while messages changed', this.backoff.next());
    }
    try {
      const next = (await this.fromResume(this.since).limit(1).get()).docs[0];
      this.suspect = next ? positionOf(next) : null;
    } catch {
      // Firestore unreachable for a moment: the listener reports its own errors.
    }
  }
}

function positionOf(doc: DocumentSnapshot): ChangePosition {
  const updatedAt = doc.get('updatedAt') as unknown;
  return { updatedAt: updatedAt instanceof Timestamp ? updatedAt : new Timestamp(0, 0), id: doc.id };
}

function comparePositions(a: ChangePosition, b: ChangePosition): number {
  const byTime =
    a.updatedAt.seconds - b.updatedAt.seconds || a.updatedAt.nanoseconds - b.updatedAt.nanoseconds;
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
