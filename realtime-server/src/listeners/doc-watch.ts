import type { DocumentReference, DocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import type { Logs } from '../logs';
import { Backoff, type BackoffOptions } from './backoff';

export interface DocWatchOptions {
  /** How often the listener is checked against a plain read for a change it missed. */
  checkMs: number;
  backoff?: BackoffOptions;
}

/**
 * Watches one document with a snapshot listener that is reopened with backoff on error, and when a plain
 * read shows a newer version at two checks in a row that the listener never delivered. `changed` gets every
 * version once, the first one with `initial: true`; `ready` settles once the first one has been delivered.
 */
export class DocWatch {
  readonly ready: Promise<void>;
  private unsubscribe: (() => void) | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly checkTimer: NodeJS.Timeout;
  private lastSeen: Timestamp | undefined;
  private suspect: Timestamp | undefined;
  private delivered = false;
  private closed = false;
  private readonly backoff: Backoff;
  private markReady!: () => void;

  constructor(
    private readonly ref: DocumentReference,
    private readonly changed: (snapshot: DocumentSnapshot, initial: boolean) => void,
    private readonly logs: Logs,
    options: DocWatchOptions,
  ) {
    this.backoff = new Backoff(options.backoff);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.checkTimer = setInterval(() => void this.check(), options.checkMs);
    this.checkTimer.unref();
    this.open();
  }

  close(): void {
    this.closed = true;
    clearInterval(this.checkTimer);
    clearTimeout(this.retryTimer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.markReady();
    this.logs.listenerClosed('doc', this.ref.path);
  }

  private open(): void {
    if (this.closed) return;
    let first = true;
    this.unsubscribe = this.ref.onSnapshot(
      (snapshot) => {
        if (this.closed) return;
        const version = snapshot.updateTime;
        const isNew = !this.delivered || !sameTime(version, this.lastSeen);
        this.lastSeen = version;
        if (isNew) {
          this.changed(snapshot, !this.delivered);
          this.delivered = true;
        }
        if (first) {
          first = false;
          this.backoff.reset();
          this.logs.listenerOpened('doc', this.ref.path);
          this.markReady();
        }
      },
      (error) => this.reopen(error instanceof Error ? error.message : String(error)),
    );
  }

  private reopen(reason: string): void {
    if (this.closed) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const delay = this.backoff.next();
    this.logs.listenerBroken('doc', this.ref.path, reason, delay);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delay);
    this.retryTimer.unref();
  }

  private async check(): Promise<void> {
    if (this.closed || !this.unsubscribe || !this.delivered) return;
    try {
      const current = (await this.ref.get()).updateTime;
      if (this.closed || sameTime(current, this.lastSeen)) {
        this.suspect = undefined;
        return;
      }
      if (this.suspect && sameTime(current, this.suspect)) {
        this.suspect = undefined;
        return this.reopen('listener silent while the document changed');
      }
      this.suspect = current;
    } catch {
      // Firestore unreachable for a moment: the listener reports its own errors.
    }
  }
}

function sameTime(a: Timestamp | undefined, b: Timestamp | undefined): boolean {
  if (!a || !b) return a === b;
  return a.isEqual(b);
}
