import { Timestamp, type DocumentChange, type DocumentSnapshot, type Query } from 'firebase-admin/firestore';
import type { Logs } from '../logs';
import { Backoff, type BackoffOptions } from './backoff';

/** A place in a collection ordered by (a timestamp field, document id). */
export interface Position {
  at: Timestamp;
  id: string;
}

/** Where the listener starts while nothing has been delivered yet. */
export type StartPoint = { after: Position | null } | { from: Timestamp };

export interface ResumingListenerOptions {
  /** How often the listener is checked against a fresh query for documents it missed. */
  checkMs: number;
  /** Reopen the listener (from the resume point) after this many documents, so its view stays small. @default 500 */
  windowSize?: number;
  backoff?: BackoffOptions;
}

/** What a concrete listener decides: its order field, where it starts, and what it does with a snapshot. */
export interface ResumingSpec {
  /** Log label, e.g. 'tail' or 'messages'. */
  label: string;
  /** The timestamp field the listener follows, with the document id as tie-breaker. */
  field: string;
  /**
   * The collection ordered by (field, id), from a repository (which writes it with literal field names, so
   * the composite-index scan, functions/test/firestore-indexes.test.ts, can read it).
   */
  ordered: Query;
  /** Runs before the first listener opens, and again (with backoff) until it succeeds once. */
  start(): Promise<StartPoint>;
  /**
   * One snapshot's added and modified documents, in snapshot order. `resume` is the resume point before
   * this snapshot. Returns how many of them count toward the window.
   */
  deliver(changes: DocumentChange[], resume: Position | null): number;
}

/**
 * One snapshot listener over a collection ordered by (field, id) that never loses a document: it resumes
 * after the last position delivered, so reopening it (after an error, after a stall, or to shrink its
 * window) replays exactly what was missed. A stall is a document that a plain query saw at one check and
 * that the listener still has not delivered at the next.
 *
 * Opens in the constructor, closes in `close()`; `ready` settles once the first snapshot was delivered.
 */
export class ResumingListener {
  readonly ready: Promise<void>;
  private resumeAt: Position | null = null;
  private origin: StartPoint | undefined;
  private unsubscribe: (() => void) | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly checkTimer: NodeJS.Timeout;
  private suspect: Position | null = null;
  private seenInWindow = 0;
  private closed = false;
  private readonly backoff: Backoff;
  private markReady!: () => void;

  constructor(
    private readonly spec: ResumingSpec,
    private readonly logs: Logs,
    private readonly key: string,
    private readonly options: ResumingListenerOptions,
  ) {
    this.backoff = new Backoff(options.backoff);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.checkTimer = setInterval(() => void this.check(), options.checkMs);
    this.checkTimer.unref();
    void this.open();
  }

  /** The last position delivered, or where the listener started after (null before any). */
  get resume(): Position | null {
    return this.resumeAt;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.checkTimer);
    clearTimeout(this.retryTimer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.markReady();
    this.logs.listenerClosed(this.spec.label, this.key);
  }

  /** What has not been delivered yet, in order. */
  private remaining(): Query {
    const ordered = this.spec.ordered;
    if (this.resumeAt) return ordered.startAfter(this.resumeAt.at, this.resumeAt.id);
    return this.origin && 'from' in this.origin ? ordered.startAt(this.origin.from) : ordered;
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    if (!this.origin) {
      try {
        const origin = await this.spec.start();
        if (this.closed) return;
        this.origin = origin;
        if ('after' in origin) this.resumeAt = origin.after;
      } catch (error) {
        return this.broken(`initial query failed: ${message(error)}`);
      }
    }
    let first = true;
    this.seenInWindow = 0;
    this.unsubscribe = this.remaining().onSnapshot(
      (snapshot) => {
        if (this.closed) return;
        const changes = snapshot.docChanges().filter((change) => change.type !== 'removed');
        this.seenInWindow += this.spec.deliver(changes, this.resumeAt);
        for (const change of changes) {
          const position = positionOf(change.doc, this.spec.field);
          if (!this.resumeAt || comparePositions(position, this.resumeAt) > 0) this.resumeAt = position;
        }
        if (first) {
          first = false;
          this.backoff.reset();
          this.logs.listenerOpened(this.spec.label, this.key);
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
    if (delayMs > 0) this.logs.listenerBroken(this.spec.label, this.key, reason, delayMs);
    this.retryTimer = setTimeout(() => void this.open(), delayMs);
    this.retryTimer.unref();
  }

  /** Compare the listener with a plain query: a document seen last time and still undelivered means a stall. */
  private async check(): Promise<void> {
    if (this.closed || !this.unsubscribe || !this.origin) return;
    if (this.suspect && (!this.resumeAt || comparePositions(this.resumeAt, this.suspect) < 0)) {
      this.suspect = null;
      return this.reopen('listener silent while documents were committed', this.backoff.next());
    }
    try {
      const next = (await this.remaining().limit(1).get()).docs[0];
      this.suspect = next ? positionOf(next, this.spec.field) : null;
    } catch {
      // Firestore unreachable for a moment: the listener reports its own errors.
    }
  }
}

/** A document's place in an order on (field, id); a missing field sorts first. */
export function positionOf(doc: DocumentSnapshot, field: string): Position {
  const at = doc.get(field) as unknown;
  return { at: at instanceof Timestamp ? at : new Timestamp(0, 0), id: doc.id };
}

export function comparePositions(a: Position, b: Position): number {
  const byTime = a.at.seconds - b.at.seconds || a.at.nanoseconds - b.at.nanoseconds;
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
