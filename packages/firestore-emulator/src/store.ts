import type { Write__Output } from './generated/google/firestore/v1/Write';
import { aborted, failedPrecondition, invalidArgument } from './errors';
import { LIMITS, fieldsSize } from './limits';
import { collectionOf, lastSegment, parseDatabase, parseDocumentName, parseParent } from './paths';
import {
  applyProjection,
  executeQuery,
  normalizeQuery,
  type NormalizedQuery,
  type StructuredQuery,
} from './query';
import { MonotonicClock, compareTime, toMicros, type Time } from './time';
import { TransactionRegistry, type TransactionState } from './transactions';
import type { StoredDocument } from './stored-document';
import { compareResourceNames, type Value } from './values';
import { applyWrite, writeTarget, type AppliedWrite } from './writes';

export type { StructuredQuery } from './query';

export type { StoredDocument } from './stored-document';

/** One document's change in a commit; `before`/`after` are null when the document did not/does not exist. */
export interface DocumentChange {
  name: string;
  before: StoredDocument | null;
  after: StoredDocument | null;
}

/** Everything one commit changed in one database ('projects/{p}/databases/{d}'). */
export interface CommitEvent {
  database: string;
  commitTime: Time;
  changes: DocumentChange[];
}

/** The result of a Commit: its time and, per write, the update time and transform results. */
export interface CommitResult {
  commitTime: Time;
  writeResults: Array<{ updateTime: Time; transformResults: Value[] }>;
}

/** An entry of ListDocuments: a document, or (with show_missing) a missing parent of subcollection documents. */
export type ListedDocument = StoredDocument | { name: string; missing: true };

/** Options of {@link Store}. */
export interface StoreOptions {
  /**
   * How long superseded document versions are kept for read-time reads.
   * @default 300000 (5 minutes)
   */
  historyRetentionMs?: number;
  /**
   * The most versions kept per document, so a hot document cannot grow without bound.
   * @default 1000
   */
  maxVersionsPerDocument?: number;
}

interface Version {
  time: Time;
  doc: StoredDocument | null;
}

interface DocEntry {
  name: string;
  collection: string;
  current: StoredDocument | null;
  /** Oldest first; the last one is `current`. */
  versions: Version[];
  /** True once versions were dropped by the per-document cap. */
  truncated: boolean;
}

class DatabaseState {
  readonly docs = new Map<string, DocEntry>();
  /** Collection path → entries directly in it. */
  readonly collections = new Map<string, Set<DocEntry>>();
  /** Collection id → collection paths with that id, for collection-group queries. */
  readonly collectionsById = new Map<string, Set<string>>();
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * The in-memory documents of every project and database, with short per-document version history for
 * read-time reads, and the open transactions.
 */
export class Store {
  readonly transactions = new TransactionRegistry();
  private readonly databases = new Map<string, DatabaseState>();
  private readonly listeners = new Set<(event: CommitEvent) => void>();
  private readonly clock = new MonotonicClock();
  private readonly retentionMs: number;
  private readonly maxVersions: number;
  private lastSweep = Date.now();

  constructor(options: StoreOptions = {}) {
    this.retentionMs = options.historyRetentionMs ?? 300_000;
    this.maxVersions = options.maxVersionsPerDocument ?? 1000;
  }

  /** A read time >= every commit so far. */
  readTime(): Time {
    return this.clock.peek();
  }

  /**
   * Refuses a read time older than the kept history, rather than answer from an incomplete past.
   * @throws GrpcError(FAILED_PRECONDITION)
   */
  checkReadTime(readTime: Time): void {
    if (toMicros(readTime) < (Date.now() - this.retentionMs) * 1000) {
      throw failedPrecondition(
        `The read time is older than the ${Math.round(this.retentionMs / 1000)} s of history this emulator keeps`,
      );
    }
  }

  /** Subscribes to commits; listeners run synchronously, in commit order. Returns the unsubscribe function. */
  onCommit(listener: (event: CommitEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The document as of `readTime` (now when omitted), or null. */
  getDocument(name: string, readTime?: Time): StoredDocument | null {
    const { database } = parseDocumentName(name);
    const entry = this.databases.get(database)?.docs.get(name);
    return entry ? this.versionAt(entry, readTime) : null;
  }

  /**
   * Runs a structured query under `parent` ('projects/p/databases/d/documents' or a document name).
   * Validates it and throws GrpcError(INVALID_ARGUMENT) when malformed. Applies the projection.
   */
  runQuery(parent: string, query: StructuredQuery, readTime?: Time): StoredDocument[] {
    const normalized = normalizeQuery(parent, query);
    return applyProjection(normalized, this.queryDocuments(normalized, readTime));
  }

  /** Runs a normalized query; returns whole documents (no projection). */
  queryDocuments(query: NormalizedQuery, readTime?: Time): StoredDocument[] {
    return executeQuery(query, this.candidates(query, readTime));
  }

  /** Documents in `collectionId` under `parent` (all collections when empty), ordered by name. */
  listDocuments(
    parent: string,
    collectionId: string,
    options: { showMissing?: boolean; readTime?: Time } = {},
  ): ListedDocument[] {
    const { database } = parseParent(parent);
    const db = this.databases.get(database);
    if (!db) return [];
    const prefix = `${parent}/`;
    const depth = parent.split('/').length + 2;
    const found = new Map<string, ListedDocument>();
    for (const [path, entries] of db.collections) {
      if (!path.startsWith(prefix)) continue;
      const id = path.slice(prefix.length).split('/')[0];
      if (collectionId !== '' && id !== collectionId) continue;
      const direct = path === `${parent}/${id}`;
      for (const entry of entries) {
        const doc = this.versionAt(entry, options.readTime);
        if (!doc) continue;
        if (direct) {
          found.set(doc.name, doc);
        } else if (options.showMissing) {
          const ancestor = doc.name.split('/').slice(0, depth).join('/');
          if (!found.has(ancestor)) found.set(ancestor, { name: ancestor, missing: true });
        }
      }
    }
    // A parent found missing above may exist after all.
    for (const [name, item] of found) {
      if ('missing' in item) {
        const entry = db.docs.get(name);
        const doc = entry ? this.versionAt(entry, options.readTime) : null;
        if (doc) found.set(name, doc);
      }
    }
    return [...found.values()].sort((a, b) => compareResourceNames(a.name, b.name));
  }

  /** Sorted ids of the collections directly under `parent` that hold any document at any depth. */
  listCollectionIds(parent: string, readTime?: Time): string[] {
    const { database } = parseParent(parent);
    const db = this.databases.get(database);
    if (!db) return [];
    const prefix = `${parent}/`;
    const ids = new Set<string>();
    for (const [path, entries] of db.collections) {
      if (!path.startsWith(prefix)) continue;
      const id = path.slice(prefix.length).split('/')[0];
      if (ids.has(id)) continue;
      for (const entry of entries) {
        if (this.versionAt(entry, readTime)) {
          ids.add(id);
          break;
        }
      }
    }
    return [...ids].sort((a, b) => compareResourceNames(a, b));
  }

  /**
   * Applies writes atomically: either all succeed (one commit time) or a GrpcError is thrown and nothing
   * changes. With a transaction, aborts when anything it read has changed since.
   */
  commit(database: string, writes: Write__Output[], transaction?: Buffer | Uint8Array): CommitResult {
    parseDatabase(database);
    let txn: TransactionState | null = null;
    if (transaction && transaction.length > 0) {
      txn = this.transactions.get(transaction, database);
    }
    try {
      if (txn) {
        if (txn.readOnly && writes.length > 0)
          throw invalidArgument('Cannot write in a read-only transaction.');
        this.checkTransactionReads(txn);
      }
      return this.applyWrites(database, writes);
    } finally {
      if (txn) this.transactions.finish(txn);
    }
  }

  /** Starts a transaction; read-only ones read a snapshot at `readTime` (now when omitted). */
  beginTransaction(database: string, options: { readOnly: boolean; readTime?: Time | null }): Buffer {
    parseDatabase(database);
    if (options.readTime) this.checkReadTime(options.readTime);
    const readTime = options.readOnly ? (options.readTime ?? this.readTime()) : null;
    return this.transactions.begin(database, { readOnly: options.readOnly, readTime });
  }

  /** Remembers what a read-write transaction read, so the commit can detect conflicting changes. */
  recordRead(txn: TransactionState, name: string, doc: StoredDocument | null): void {
    if (txn.readOnly || txn.reads.has(name)) return;
    txn.reads.set(name, doc ? String(toMicros(doc.updateTime)) : '');
  }

  /** Remembers a query a read-write transaction ran, with what it returned. */
  recordQuery(txn: TransactionState, parent: string, query: StructuredQuery, docs: StoredDocument[]): void {
    if (txn.readOnly) return;
    txn.queries.push({ parent, query, signature: querySignature(docs) });
  }

  /** Deletes every document of one database, or of all when omitted; listeners see the deletes. */
  clear(database?: string): void {
    const targets = database ? [database] : [...this.databases.keys()];
    for (const name of targets) {
      const db = this.databases.get(name);
      this.databases.delete(name);
      this.transactions.clear(name);
      if (!db) continue;
      const changes: DocumentChange[] = [];
      for (const entry of db.docs.values()) {
        if (entry.current) changes.push({ name: entry.name, before: entry.current, after: null });
      }
      if (changes.length > 0) this.emit({ database: name, commitTime: this.clock.tick(), changes });
    }
  }

  private checkTransactionReads(txn: TransactionState): void {
    for (const [name, seen] of txn.reads) {
      const doc = this.getDocument(name);
      const now = doc ? String(toMicros(doc.updateTime)) : '';
      if (now !== seen) throw aborted(`Transaction aborted: ${name} changed since the transaction read it.`);
    }
    for (const q of txn.queries) {
      const docs = this.queryDocuments(normalizeQuery(q.parent, q.query));
      if (querySignature(docs) !== q.signature) {
        throw aborted('Transaction aborted: the result of a query it ran has changed.');
      }
    }
  }

  private applyWrites(database: string, writes: Write__Output[]): CommitResult {
    checkRequestSize(writes);
    const commitTime = this.clock.tick();
    const overlay = new Map<string, StoredDocument | null>();
    const firstBefore = new Map<string, StoredDocument | null>();
    const applied: AppliedWrite[] = [];
    for (const write of writes) {
      const name = writeTarget(write, database);
      const current = overlay.has(name) ? (overlay.get(name) ?? null) : this.getDocument(name);
      if (!firstBefore.has(name)) firstBefore.set(name, current);
      const result = applyWrite(write, name, current, commitTime);
      overlay.set(name, result.after);
      applied.push(result);
    }

    const changes: DocumentChange[] = [];
    for (const [name, after] of overlay) {
      const before = firstBefore.get(name) ?? null;
      if (before === after) continue;
      this.put(database, name, after, commitTime);
      changes.push({ name, before, after });
    }
    this.maybeSweep();
    if (changes.length > 0) this.emit({ database, commitTime, changes });
    return {
      commitTime,
      writeResults: applied.map((a) => ({ updateTime: a.updateTime, transformResults: a.transformResults })),
    };
  }

  private emit(event: CommitEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (err) {
        // A broken listener must not undo or block a commit that already happened.
        console.error('firestore-emulator: commit listener failed', err);
      }
    }
  }

  private database(name: string): DatabaseState {
    let db = this.databases.get(name);
    if (!db) {
      db = new DatabaseState();
      this.databases.set(name, db);
    }
    return db;
  }

  private put(database: string, name: string, doc: StoredDocument | null, time: Time): void {
    const db = this.database(database);
    let entry = db.docs.get(name);
    if (!entry) {
      if (!doc) return;
      const collection = collectionOf(name);
      entry = { name, collection, current: null, versions: [], truncated: false };
      db.docs.set(name, entry);
      let set = db.collections.get(collection);
      if (!set) {
        set = new Set();
        db.collections.set(collection, set);
        const id = lastSegment(collection);
        let paths = db.collectionsById.get(id);
        if (!paths) db.collectionsById.set(id, (paths = new Set()));
        paths.add(collection);
      }
      set.add(entry);
    }
    entry.current = doc;
    entry.versions.push({ time, doc });
    this.prune(db, entry, Date.now());
  }

  /** Drops versions no read time can still ask for; forgets deleted documents once their history is gone. */
  private prune(db: DatabaseState, entry: DocEntry, nowMs: number): void {
    const versions = entry.versions;
    const cutoff = (nowMs - this.retentionMs) * 1000;
    let drop = 0;
    while (drop + 1 < versions.length && toMicros(versions[drop + 1].time) <= cutoff) drop++;
    if (versions.length - drop > this.maxVersions) {
      drop = versions.length - this.maxVersions;
      entry.truncated = true;
    }
    if (drop > 0) versions.splice(0, drop);
    if (entry.current === null && versions.length === 1 && toMicros(versions[0].time) <= cutoff) {
      db.docs.delete(entry.name);
      const set = db.collections.get(entry.collection);
      set?.delete(entry);
      if (set && set.size === 0) {
        db.collections.delete(entry.collection);
        db.collectionsById.get(lastSegment(entry.collection))?.delete(entry.collection);
      }
    }
  }

  private maybeSweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const db of this.databases.values()) {
      for (const entry of [...db.docs.values()]) this.prune(db, entry, now);
    }
  }

  private versionAt(entry: DocEntry, readTime?: Time): StoredDocument | null {
    if (!readTime) return entry.current;
    const versions = entry.versions;
    for (let i = versions.length - 1; i >= 0; i--) {
      if (compareTime(versions[i].time, readTime) <= 0) return versions[i].doc;
    }
    // Older than the retained history: only a capped history can have hidden an earlier version.
    return entry.truncated ? (versions[0]?.doc ?? null) : null;
  }

  private *candidates(query: NormalizedQuery, readTime?: Time): Iterable<StoredDocument> {
    const { database, parent, collectionId, allDescendants } = query.selection;
    const db = this.databases.get(database);
    if (!db) return;
    const entrySets: Iterable<DocEntry>[] = [];
    if (!allDescendants) {
      const set = db.collections.get(`${parent}/${collectionId}`);
      if (set) entrySets.push(set);
    } else if (collectionId !== '') {
      const prefix = `${parent}/`;
      for (const path of db.collectionsById.get(collectionId) ?? []) {
        const set = db.collections.get(path);
        if (set && path.startsWith(prefix)) entrySets.push(set);
      }
    } else {
      const prefix = `${parent}/`;
      for (const [path, set] of db.collections) if (path.startsWith(prefix)) entrySets.push(set);
    }
    for (const set of entrySets) {
      for (const entry of set) {
        const doc = this.versionAt(entry, readTime);
        if (doc) yield doc;
      }
    }
  }
}

/** The server may also cap the gRPC message; this catches a commit whose documents alone pass 10 MiB. */
function checkRequestSize(writes: Write__Output[]): void {
  let bytes = 0;
  for (const w of writes) if (w.update) bytes += fieldsSize(w.update.fields ?? {});
  if (bytes > LIMITS.maxRequestBytes) {
    throw invalidArgument(`The request is larger than ${LIMITS.maxRequestBytes} bytes`);
  }
}

function querySignature(docs: StoredDocument[]): string {
  return docs.map((d) => `${d.name}@${toMicros(d.updateTime)}`).join('\n');
}
