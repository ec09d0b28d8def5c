import * as grpc from '@grpc/grpc-js';
import { GrpcError, invalidArgument, toStatusObject } from './errors';
import type { ListenRequest__Output } from './generated/google/firestore/v1/ListenRequest';
import type { ListenResponse } from './generated/google/firestore/v1/ListenResponse';
import type { Target__Output } from './generated/google/firestore/v1/Target';
import type { TargetChange } from './generated/google/firestore/v1/TargetChange';
import { collectionOf, lastSegment, parseDatabase, parseDocumentName, parseParent } from './paths';
import { firestoreService } from './protos';
import { applyProjection, executeQuery, normalizeQuery, type StructuredQuery } from './query';
import type { CommitEvent, DocumentChange, Store, StoredDocument } from './store';
import { compareTime, toTimestamp, type Time } from './time';

/**
 * The Listen RPC (snapshot listeners), as the Node SDK's watch.js consumes it:
 *
 *   add_target → ADD, [RESET if resuming], one document_change per match, CURRENT + resume token,
 *                then NO_CHANGE with no target ids and a read_time (the SDK emits a snapshot only then).
 *   commit     → document_change / document_remove / document_delete for each affected target, then
 *                one NO_CHANGE whose read_time is the commit time.
 *   idle       → a NO_CHANGE every keepAliveMs, since the SDK restarts streams silent for 120 s.
 *
 * Resuming (resume_token or read_time on add_target) is answered with RESET and the full current set:
 * the SDK marks every document it holds as removed on RESET, so its next snapshot is the exact diff.
 *
 * All streams share one store subscription, held while any stream is open. On each commit:
 *   - changes outside a target's collection(s) are skipped;
 *   - a query without limit/offset decides each changed document on its own (filters, order fields,
 *     cursors), so no query runs, however large the collection;
 *   - a limit/offset query is re-run, and diffed by name + update time, only when a change can reach
 *     its window, and each distinct query runs once per commit however many streams listen to it.
 */

export interface ListenOptions {
  /**
   * Interval of the NO_CHANGE keep-alive on streams that sent nothing else in the meantime.
   * @default 30000
   */
  keepAliveMs?: number;
}

/** A response as written to a stream: a message, or one already encoded for every stream it goes to. */
type Outgoing = ListenResponse | Buffer;
type ListenCall = grpc.ServerDuplexStream<ListenRequest__Output, Outgoing>;

/**
 * The service definition with Listen's response serializer passing already-encoded responses through:
 * a commit heard by a thousand streams is encoded once, not once per stream.
 */
export function withPreEncodedListen(service: grpc.ServiceDefinition): grpc.ServiceDefinition {
  const listen = service['Listen'];
  if (!listen) throw new Error('The service has no Listen method');
  const serialize = listen.responseSerialize;
  return {
    ...service,
    Listen: {
      ...listen,
      responseSerialize: (value: unknown) => (Buffer.isBuffer(value) ? value : serialize(value)),
    },
  };
}

/** Creates the Listen handler; register it next to the engine's other RPCs, on {@link withPreEncodedListen}. */
export function createListenHandler(
  store: Store,
  options: ListenOptions = {},
): grpc.handleBidiStreamingCall<ListenRequest__Output, Outgoing> {
  const hub = new ListenHub(store);
  const keepAliveMs = options.keepAliveMs ?? 30_000;
  return (call) => {
    new ListenStream(call, hub, store, keepAliveMs);
  };
}

/** Fans each commit out to the open streams; subscribed to the store only while streams are open. */
class ListenHub {
  private readonly streams = new Set<ListenStream>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly store: Store) {}

  attach(stream: ListenStream): void {
    this.streams.add(stream);
    this.unsubscribe ??= this.store.onCommit((event) => this.onCommit(event));
  }

  detach(stream: ListenStream): void {
    this.streams.delete(stream);
    if (this.streams.size === 0 && this.unsubscribe) {
      this.unsubscribe();
      this.unsubscribe = undefined;
    }
  }

  private onCommit(event: CommitEvent): void {
    const evaluations = new QueryEvaluations(this.store);
    const encodings = new CommitEncodings();
    for (const stream of [...this.streams]) stream.onCommit(event, evaluations, encodings);
  }
}

const encodeResponse = (response: ListenResponse): Buffer =>
  firestoreService['Listen'].responseSerialize(response);

/**
 * The responses of one commit, each encoded once however many streams send it: a document change per
 * (document version, target id) and the closing NO_CHANGE per read time. The SDK gives every stream the
 * same target id, so a thousand listeners on one query share one encoding of each change.
 */
class CommitEncodings {
  private readonly changes = new Map<StoredDocument, Map<number, Buffer>>();
  private readonly noChanges = new Map<string, Buffer>();

  documentChange(doc: StoredDocument, targetId: number): Buffer {
    let byTarget = this.changes.get(doc);
    if (!byTarget) this.changes.set(doc, (byTarget = new Map()));
    let encoded = byTarget.get(targetId);
    if (!encoded) {
      encoded = encodeResponse(documentChange(doc, targetId));
      byTarget.set(targetId, encoded);
    }
    return encoded;
  }

  noChange(readTime: Time): Buffer {
    const key = `${readTime.seconds}.${readTime.nanos}`;
    let encoded = this.noChanges.get(key);
    if (!encoded) {
      encoded = encodeResponse(noChange(readTime));
      this.noChanges.set(key, encoded);
    }
    return encoded;
  }
}

/** The result of one query at one commit, shared by every target with the same query. */
interface Evaluation {
  docs: StoredDocument[];
  byName: Map<string, StoredDocument>;
}

/** Evaluates each distinct (parent, query) at most once per commit. */
class QueryEvaluations {
  private readonly cache = new Map<string, Evaluation | GrpcError>();

  constructor(private readonly store: Store) {}

  get(target: QueryTargetState): Evaluation {
    let result = this.cache.get(target.cacheKey);
    if (!result) {
      result = evaluate(this.store, target.parent, target.query);
      this.cache.set(target.cacheKey, result);
    }
    if (result instanceof GrpcError) throw result;
    return result;
  }
}

function evaluate(store: Store, parent: string, query: StructuredQuery): Evaluation | GrpcError {
  try {
    const docs = store.runQuery(parent, query);
    return { docs, byName: new Map(docs.map((d) => [d.name, d])) };
  } catch (err) {
    if (err instanceof GrpcError) return err;
    throw err;
  }
}

interface QueryTargetState {
  kind: 'query';
  id: number;
  parent: string;
  query: StructuredQuery;
  cacheKey: string;
  /** With a limit or offset, a change elsewhere can move documents in or out of the window. */
  windowed: boolean;
  /** Whether a committed document is in the query's collection(s); nothing else can change the result. */
  touches: (documentName: string) => boolean;
  /** Whether one document passes the filters, order fields and cursors (limit and offset aside). */
  matches: (doc: StoredDocument) => boolean;
  /** The document as the query returns it (its projection applied). */
  project: (doc: StoredDocument) => StoredDocument;
  /** The matches as last sent: name → document. */
  sent: Map<string, StoredDocument>;
}

interface DocumentsTargetState {
  kind: 'documents';
  id: number;
  names: Set<string>;
  sent: Map<string, StoredDocument>;
}

type TargetState = QueryTargetState | DocumentsTargetState;

/** One Listen stream: its targets, what it last sent for each, and its keep-alive. */
class ListenStream {
  private readonly targets = new Map<number, TargetState>();
  private database: string | undefined;
  private lastReadTime: Time = { seconds: 0, nanos: 0 };
  private sentSinceTick = false;
  private closed = false;
  /**
   * Responses waiting to be written. Commits fan out inside the store's commit call, so the diff is
   * computed there (against exactly that commit's state) but serializing and writing happen a moment
   * later: with a thousand listeners, a writer's Commit must not wait for their messages.
   */
  private outbox: Outgoing[] = [];
  private flushScheduled = false;
  private readonly keepAlive: NodeJS.Timeout;

  constructor(
    private readonly call: ListenCall,
    private readonly hub: ListenHub,
    private readonly store: Store,
    keepAliveMs: number,
  ) {
    hub.attach(this);
    this.keepAlive = setInterval(() => this.onKeepAliveTick(), keepAliveMs);
    this.keepAlive.unref();
    call.on('data', (request: ListenRequest__Output) => this.guard(() => this.onRequest(request)));
    call.on('end', () => this.end());
    call.on('cancelled', () => this.close());
    call.on('error', () => this.close());
    call.on('close', () => this.close());
  }

  /** Applies one commit; never throws, since it runs inside the store's commit. */
  onCommit(event: CommitEvent, evaluations: QueryEvaluations, encodings: CommitEncodings): void {
    this.guard(() => {
      if (this.closed || this.targets.size === 0) return;
      const responses: Outgoing[] = [];
      for (const target of this.targets.values()) {
        const relevant = event.changes.filter((c) =>
          target.kind === 'query' ? target.touches(c.name) : target.names.has(c.name),
        );
        if (relevant.length === 0) continue;
        if (target.kind === 'documents') {
          for (const change of relevant)
            this.diffOne(target, change.name, change.after, change, responses, event.commitTime, encodings);
        } else if (!target.windowed) {
          // Without a window, membership is per document: no query run, however large the collection.
          for (const change of relevant) {
            const now = change.after && target.matches(change.after) ? target.project(change.after) : null;
            this.diffOne(target, change.name, now, change, responses, event.commitTime, encodings);
          }
        } else if (relevant.some((c) => affectsWindow(target, c))) {
          this.diffAll(target, evaluations.get(target), event, responses, encodings);
        }
      }
      if (responses.length === 0) return;
      for (const response of responses) this.write(response);
      this.sendNoChange(event.commitTime, encodings);
    });
  }

  private onRequest(request: ListenRequest__Output): void {
    if (this.closed) return;
    const database = parseDatabase(request.database);
    if (this.database && this.database !== database) {
      throw invalidArgument(`This stream listens to ${this.database}, not ${database}`);
    }
    this.database = database;
    if (request.targetChange === 'addTarget' && request.addTarget) {
      this.addTarget(request.addTarget);
    } else if (request.targetChange === 'removeTarget' && request.removeTarget !== undefined) {
      this.removeTarget(request.removeTarget);
    } else {
      throw invalidArgument('A ListenRequest needs add_target or remove_target');
    }
  }

  private addTarget(target: Target__Output): void {
    const id = target.targetId || this.nextTargetId();
    if (this.targets.has(id)) throw invalidArgument(`Target id ${id} is already in use on this stream`);
    const state = this.createTarget(id, target);
    const readTime = this.store.readTime();
    const initial = this.initialDocuments(state);

    this.write(targetChange('ADD', [id]));
    if (target.resumeType) this.write(targetChange('RESET', [id]));
    for (const doc of initial) {
      state.sent.set(doc.name, doc);
      this.write(documentChange(doc, id));
    }
    this.write(
      targetChange('CURRENT', [id], {
        resumeToken: encodeResumeToken(readTime),
        readTime: toTimestamp(readTime),
      }),
    );
    if (target.once) {
      this.write(targetChange('REMOVE', [id]));
    } else {
      this.targets.set(id, state);
    }
    this.sendNoChange(readTime);
  }

  private removeTarget(id: number): void {
    if (!this.targets.delete(id)) throw invalidArgument(`Target id ${id} is not active on this stream`);
    this.write(targetChange('REMOVE', [id]));
  }

  private createTarget(id: number, target: Target__Output): TargetState {
    if (target.targetType === 'documents' && target.documents) {
      const names = target.documents.documents ?? [];
      for (const name of names) this.checkInDatabase(parseDocumentName(name).database);
      return { kind: 'documents', id, names: new Set(names), sent: new Map() };
    }
    if (target.targetType === 'query' && target.query?.structuredQuery) {
      const parent = target.query.parent ?? '';
      this.checkInDatabase(parseParent(parent).database);
      const query = target.query.structuredQuery;
      const normalized = normalizeQuery(parent, query);
      const unbounded = { ...normalized, limit: null, offset: 0 };
      return {
        kind: 'query',
        id,
        parent,
        query,
        cacheKey: `${parent}\u0000${JSON.stringify(query)}`,
        windowed: normalized.limit !== null || normalized.offset > 0,
        touches: scopeOf(parent, query),
        matches: (doc) => executeQuery(unbounded, [doc]).length === 1,
        project: (doc) => applyProjection(normalized, [doc])[0],
        sent: new Map(),
      };
    }
    throw invalidArgument('A target needs a query or documents');
  }

  private initialDocuments(state: TargetState): StoredDocument[] {
    if (state.kind === 'query') {
      const result = evaluate(this.store, state.parent, state.query);
      if (result instanceof GrpcError) throw result;
      return result.docs;
    }
    return [...state.names].flatMap((name) => this.store.getDocument(name) ?? []);
  }

  /** One document's state against what the target last sent. */
  private diffOne(
    target: TargetState,
    name: string,
    now: StoredDocument | null,
    change: DocumentChange | undefined,
    out: Outgoing[],
    commitTime: Time,
    encodings: CommitEncodings,
  ): void {
    const before = target.sent.get(name);
    if (now) {
      if (before && compareTime(before.updateTime, now.updateTime) === 0) return;
      target.sent.set(name, now);
      out.push(encodings.documentChange(now, target.id));
    } else if (before) {
      target.sent.delete(name);
      const removal = { document: name, removedTargetIds: [target.id], readTime: toTimestamp(commitTime) };
      out.push(change && !change.after ? { documentDelete: removal } : { documentRemove: removal });
    }
  }

  /** A limit/offset window: compare the whole new result with what was sent. */
  private diffAll(
    target: QueryTargetState,
    result: Evaluation,
    event: CommitEvent,
    out: Outgoing[],
    encodings: CommitEncodings,
  ): void {
    const changes = new Map(event.changes.map((c) => [c.name, c]));
    for (const name of [...target.sent.keys()]) {
      if (!result.byName.has(name))
        this.diffOne(target, name, null, changes.get(name), out, event.commitTime, encodings);
    }
    for (const doc of result.docs)
      this.diffOne(target, doc.name, doc, changes.get(doc.name), out, event.commitTime, encodings);
  }

  /** The snapshot boundary; from a commit, its encoding is shared with every other stream. */
  private sendNoChange(readTime: Time, encodings?: CommitEncodings): void {
    if (compareTime(readTime, this.lastReadTime) > 0) this.lastReadTime = readTime;
    this.write(encodings ? encodings.noChange(this.lastReadTime) : noChange(this.lastReadTime));
  }

  private onKeepAliveTick(): void {
    this.guard(() => {
      if (!this.sentSinceTick && this.targets.size > 0) this.sendNoChange(this.store.readTime());
      this.sentSinceTick = false;
    });
  }

  private write(response: Outgoing): void {
    if (this.closed) return;
    this.sentSinceTick = true;
    this.outbox.push(response);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const responses = this.outbox;
    this.outbox = [];
    if (this.closed) return;
    for (const response of responses) this.call.write(response);
  }

  private checkInDatabase(database: string): void {
    if (database !== this.database)
      throw invalidArgument(`The target is not in ${this.database ?? 'this database'}`);
  }

  private nextTargetId(): number {
    let id = 1;
    while (this.targets.has(id)) id++;
    return id;
  }

  /** Runs a step; a failure ends this stream with its status and never reaches the caller. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (err) {
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    if (this.closed) return;
    const status = toStatusObject(err);
    this.close();
    this.call.emit('error', { code: status.code, details: status.details, metadata: status.metadata });
  }

  /** The client half-closed: finish with OK after what is already queued. */
  private end(): void {
    if (this.closed) return;
    const pending = this.outbox;
    this.close();
    for (const response of pending) this.call.write(response);
    this.call.end();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.outbox = [];
    clearInterval(this.keepAlive);
    this.targets.clear();
    this.hub.detach(this);
  }
}

/**
 * Which committed documents can affect a query: those in its collection(s) under its parent.
 * Anything else leaves the result unchanged, so the query is not re-run for it.
 */
function scopeOf(parent: string, query: StructuredQuery): (name: string) => boolean {
  const from = query.from ?? [];
  if (from.length !== 1) throw invalidArgument('A query must select exactly one collection');
  const { collectionId = '', allDescendants = false } = from[0];
  if (!allDescendants) {
    const collection = `${parent}/${collectionId}`;
    return (name) => collectionOf(name) === collection;
  }
  const prefix = `${parent}/`;
  return (name) =>
    name.startsWith(prefix) && (!collectionId || lastSegment(collectionOf(name)) === collectionId);
}

/**
 * Whether a change can alter a limit/offset window: the document is in it, or matches the query before
 * or after (entering, or shifting the window by leaving the part an offset skips).
 */
function affectsWindow(target: QueryTargetState, change: DocumentChange): boolean {
  return (
    target.sent.has(change.name) ||
    (change.after !== null && target.matches(change.after)) ||
    (change.before !== null && target.matches(change.before))
  );
}

function targetChange(
  type: 'NO_CHANGE' | 'ADD' | 'REMOVE' | 'CURRENT' | 'RESET',
  targetIds: number[],
  extra: Partial<TargetChange> = {},
): ListenResponse {
  return { targetChange: { targetChangeType: type, targetIds, ...extra } };
}

function documentChange(doc: StoredDocument, targetId: number): ListenResponse {
  return { documentChange: { document: toDocumentProto(doc), targetIds: [targetId], removedTargetIds: [] } };
}

function noChange(readTime: Time): ListenResponse {
  return targetChange('NO_CHANGE', [], {
    readTime: toTimestamp(readTime),
    resumeToken: encodeResumeToken(readTime),
  });
}

function toDocumentProto(
  doc: StoredDocument,
): NonNullable<NonNullable<ListenResponse['documentChange']>['document']> {
  return {
    name: doc.name,
    fields: doc.fields,
    createTime: toTimestamp(doc.createTime),
    updateTime: toTimestamp(doc.updateTime),
  };
}

/** A resume token is the read time it was issued at: 8 bytes of seconds, 4 of nanos. */
export function encodeResumeToken(t: Time): Buffer {
  const buf = Buffer.alloc(12);
  buf.writeBigInt64BE(BigInt(t.seconds), 0);
  buf.writeInt32BE(t.nanos, 8);
  return buf;
}
