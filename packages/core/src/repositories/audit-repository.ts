import { FieldPath, FieldValue, Timestamp, type Firestore, type Query } from 'firebase-admin/firestore';
import { z } from 'zod';
import { AppError } from '../errors';
import {
  AuditAction,
  AuditTarget,
  type AuditFields,
  type AuditPage,
  type AuditRecord,
  type ListAuditQuery,
} from '../schemas/audit';
import { decodeCursor, encodeCursor } from '../schemas/common';
import { AdminTransaction, type AdminTransactionRepositories } from './admin-transaction';
import { TimestampField, toIso } from './firestore-time';

/** What an admin action is, before it runs: who does what to which target, under which request. */
export interface AuditIntent {
  actor: string;
  action: AuditAction;
  target: AuditTarget;
  requestId: string;
}

/** What an admin action's work returns: its result, and the touched fields before and after. */
export interface Audited<T> {
  result: T;
  before: AuditFields;
  after: AuditFields;
}

/** `auditLog/{id}` as stored; see `schemas/audit.ts`. */
const AuditDoc = z.object({
  actor: z.string(),
  action: AuditAction,
  target: AuditTarget,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string(),
  at: TimestampField,
});

/**
 * The audit log, and the only way an admin action runs: `act` opens the transaction, hands the work an
 * `AdminTransaction` (the only object with the admin write operations, and only `act` makes one), and
 * writes the audit record in that same transaction. So the change and its record commit together, and a
 * failed action (the work threw) commits neither.
 */
export class AuditRepository {
  constructor(
    private readonly db: Firestore,
    private readonly repositories: AdminTransactionRepositories,
  ) {}

  private get log() {
    return this.db.collection('auditLog');
  }

  async act<T>(intent: AuditIntent, work: (tx: AdminTransaction) => Promise<Audited<T>>): Promise<T> {
    return this.db.runTransaction(
      async (raw) => {
        const outcome = await work(new AdminTransaction(raw, this.repositories));
        raw.create(this.log.doc(), {
          ...intent,
          before: toJson(outcome.before),
          after: toJson(outcome.after),
          at: FieldValue.serverTimestamp(),
        });
        return outcome.result;
      },
      { maxAttempts: 10 },
    );
  }

  /** Newest first, keyset-paginated on (at, id); optionally for one actor, action or target id. */
  async list(query: ListAuditQuery): Promise<AuditPage> {
    let cursor: { seconds: number; nanos: number; id: string } | null = null;
    if (query.cursor) {
      cursor = decodeCursor(query.cursor);
      if (!cursor) {
        throw AppError.invalidArgument('Invalid query.cursor: pass back a cursor this API returned.', [
          { path: 'cursor', message: 'Not a cursor this API returned.' },
        ]);
      }
    }
    // Each filter is its own literal query (one composite index each in firestore.indexes.json).
    const log = this.db.collection('auditLog');
    let q: Query = log.orderBy('at', 'desc').orderBy(FieldPath.documentId(), 'desc');
    if (query.actor) {
      q = log.where('actor', '==', query.actor).orderBy('at', 'desc').orderBy(FieldPath.documentId(), 'desc');
    } else if (query.action) {
      q = log
        .where('action', '==', query.action)
        .orderBy('at', 'desc')
        .orderBy(FieldPath.documentId(), 'desc');
    } else if (query.targetId) {
      q = log
        .where('target.id', '==', query.targetId)
        .orderBy('at', 'desc')
        .orderBy(FieldPath.documentId(), 'desc');
    }
    if (cursor) q = q.startAfter(new Timestamp(cursor.seconds, cursor.nanos), cursor.id);
    const snapshot = await q.limit(query.limit + 1).get();
    const docs = snapshot.docs.slice(0, query.limit);
    // The other filters, when more than one is given, narrow the page the first one read.
    const records = docs
      .map((doc) => ({ id: doc.id, ...AuditDoc.parse(doc.data()) }))
      .filter(
        (record) =>
          (!query.action || record.action === query.action) &&
          (!query.targetId || record.target.id === query.targetId),
      );
    const last = docs[docs.length - 1];
    const lastAt = last ? AuditDoc.parse(last.data()).at : null;
    return {
      records: records.map((record): AuditRecord => ({
        id: record.id,
        actor: record.actor,
        action: record.action,
        target: record.target,
        before: record.before,
        after: record.after,
        requestId: record.requestId,
        at: toIso(record.at),
      })),
      nextCursor:
        snapshot.docs.length > query.limit && last && lastAt
          ? encodeCursor({ seconds: lastAt.seconds, nanos: lastAt.nanoseconds, id: last.id })
          : null,
    };
  }
}

/** Firestore keeps JSON-like values; undefined fields (not touched) are left out rather than refused. */
function toJson(fields: AuditFields): AuditFields {
  if (fields === null) return null;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
