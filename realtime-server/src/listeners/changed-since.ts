import type { CollectionReference, QueryDocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import type { Logs } from '../logs';
import { Backoff, type BackoffOptions } from './backoff';

/**
 * Follows the documents of a collection whose timestamp `field` is at or after `since` (edits, deletions)
 * with one snapshot listener, reopened with backoff on error. Each added or modified document goes to
 * `changed`; a reopen replays the ones already seen, so the receiver dedupes by version.
 *
 * Opens in the constructor, closes in `close()`.
 */
export class ChangedSince {
  private unsubscribe: (() => void) | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly backoff: Backoff;

  constructor(
    private readonly collection: CollectionReference,
    private readonly field: string,
    private readonly since: Timestamp,
    private readonly changed: (doc: QueryDocumentSnapshot) => void,
    private readonly logs: Logs,
    private readonly key: string,
    options: { backoff?: BackoffOptions } = {},
  ) {
    this.backoff = new Backoff(options.backoff);
    this.open();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.logs.listenerClosed('changes', this.key);
  }

  private open(): void {
    if (this.closed) return;
    let first = true;
    this.unsubscribe = this.collection.where(this.field, '>=', this.since).onSnapshot(
      (snapshot) => {
        if (this.closed) return;
        if (first) {
          first = false;
          this.backoff.reset();
          this.logs.listenerOpened('changes', this.key);
        }
        for (const change of snapshot.docChanges()) {
          if (change.type !== 'removed') this.changed(change.doc);
        }
      },
      (error) => {
        if (this.closed) return;
        this.unsubscribe?.();
        this.unsubscribe = undefined;
        const delay = this.backoff.next();
        this.logs.listenerBroken(
          'changes',
          this.key,
          error instanceof Error ? error.message : String(error),
          delay,
        );
        this.retryTimer = setTimeout(() => this.open(), delay);
        this.retryTimer.unref();
      },
    );
  }
}
