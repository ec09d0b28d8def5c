import { randomBytes } from 'crypto';
import { invalidArgument } from './errors';
import type { QueryOptions, StructuredQuery } from './query';
import type { Time } from './time';

/** How long a transaction id stays valid, like Firestore's 270 s transaction limit. */
export const TRANSACTION_TTL_MS = 270_000;

const SWEEP_INTERVAL_MS = 10_000;

/** A query a read-write transaction ran, with the names and update times it saw. */
export interface QueryRead {
  parent: string;
  query: StructuredQuery;
  /** As the query was run (an aggregation's implicit orders), so the re-run at commit matches. */
  options: QueryOptions;
  signature: string;
}

/**
 * A transaction's state. Read-write transactions are optimistic: they remember what they read and the
 * commit aborts if any of it changed since, so no locks are held and no one waits.
 */
export interface TransactionState {
  id: string;
  database: string;
  readOnly: boolean;
  /** Snapshot time of a read-only transaction. */
  readTime: Time | null;
  /** Document name → update time seen ('' when the document was missing). */
  reads: Map<string, string>;
  queries: QueryRead[];
  expiresAt: number;
}

export interface BeginOptions {
  readOnly: boolean;
  /** Snapshot time for a read-only transaction. */
  readTime: Time | null;
}

/** Open transactions by id. */
export class TransactionRegistry {
  private readonly open = new Map<string, TransactionState>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  begin(database: string, options: BeginOptions): Buffer {
    this.sweep();
    const id = randomBytes(16);
    this.open.set(id.toString('base64'), {
      id: id.toString('base64'),
      database,
      readOnly: options.readOnly,
      readTime: options.readTime,
      reads: new Map(),
      queries: [],
      expiresAt: this.now() + TRANSACTION_TTL_MS,
    });
    return id;
  }

  /** The open transaction with this id; INVALID_ARGUMENT when unknown, expired, finished or of another database. */
  get(id: Buffer | Uint8Array | string | undefined, database: string): TransactionState {
    const key = id === undefined ? '' : typeof id === 'string' ? id : Buffer.from(id).toString('base64');
    const txn = this.open.get(key);
    if (!txn || txn.expiresAt < this.now()) {
      if (txn) this.open.delete(key);
      throw invalidArgument('The referenced transaction has expired or is no longer valid.');
    }
    if (txn.database !== database) throw invalidArgument('The transaction belongs to a different database.');
    return txn;
  }

  /** Ends a transaction (commit, rollback or abort); its id is invalid afterwards. */
  finish(txn: TransactionState): void {
    this.open.delete(txn.id);
  }

  clear(database?: string): void {
    for (const [id, txn] of this.open) if (!database || txn.database === database) this.open.delete(id);
  }

  /** Forgets expired transactions, at most every few seconds so begin stays O(1). */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [id, txn] of this.open) if (txn.expiresAt < now) this.open.delete(id);
  }
}
