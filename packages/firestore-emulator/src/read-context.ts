import type { TransactionOptions__Output } from './generated/google/firestore/v1/TransactionOptions';
import type { Timestamp__Output } from './generated/google/protobuf/Timestamp';
import type { Store } from './store';
import { fromTimestamp, type Time } from './time';
import type { TransactionState } from './transactions';

/** The consistency selector fields shared by the read RPCs. */
export interface ConsistencySelector {
  transaction?: Buffer;
  newTransaction?: TransactionOptions__Output;
  readTime?: Timestamp__Output;
  consistencySelector?: 'transaction' | 'newTransaction' | 'readTime';
}

/** How one read request reads: at which time, in which transaction, and whether it started one. */
export interface ReadContext {
  /** The snapshot to read, or undefined for the latest state. */
  snapshot: Time | undefined;
  /** The read_time to report. */
  readTime: Time;
  /** The read-write or read-only transaction the read belongs to. */
  transaction: TransactionState | null;
  /** Set when this request began the transaction; its id goes in the first response. */
  newTransactionId: Buffer | null;
}

/** Resolves a request's consistency selector; unknown transactions throw INVALID_ARGUMENT. */
export function openRead(store: Store, database: string, req: ConsistencySelector): ReadContext {
  const selector =
    req.consistencySelector ?? (req.transaction ? 'transaction' : req.readTime ? 'readTime' : undefined);
  if (selector === 'transaction') {
    const txn = store.transactions.get(req.transaction, database);
    const snapshot = txn.readTime ?? undefined;
    return { snapshot, readTime: snapshot ?? store.readTime(), transaction: txn, newTransactionId: null };
  }
  if (selector === 'newTransaction') {
    const options = req.newTransaction ?? {};
    const readOnly = options.mode === 'readOnly';
    const requested = options.readOnly?.readTime ? fromTimestamp(options.readOnly.readTime) : null;
    const id = store.beginTransaction(database, { readOnly, readTime: requested });
    const txn = store.transactions.get(id, database);
    const snapshot = txn.readTime ?? undefined;
    return { snapshot, readTime: snapshot ?? store.readTime(), transaction: txn, newTransactionId: id };
  }
  if (selector === 'readTime' && req.readTime) {
    const snapshot = fromTimestamp(req.readTime);
    store.checkReadTime(snapshot);
    return { snapshot, readTime: snapshot, transaction: null, newTransactionId: null };
  }
  return { snapshot: undefined, readTime: store.readTime(), transaction: null, newTransactionId: null };
}
