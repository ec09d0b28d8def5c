import * as grpc from '@grpc/grpc-js';
import { randomBytes } from 'crypto';
import type { FirestoreHandlers } from './generated/google/firestore/v1/Firestore';
import type { Write__Output } from './generated/google/firestore/v1/Write';
import type { WriteResult } from './generated/google/firestore/v1/WriteResult';
import { aggregatedFields, computeAggregations } from './aggregation';
import { toDocumentProto } from './documents';
import { invalidArgument, notFound, toStatusObject, unimplemented } from './errors';
import { parseDatabase, parseDocumentName, parseParent } from './paths';
import { applyProjection, normalizeQuery } from './query';
import { openRead, type ReadContext } from './read-context';
import type { CommitResult, Store } from './store';
import { fromTimestamp, toTimestamp } from './time';
import { compareResourceNames } from './values';

type Handlers = Omit<FirestoreHandlers, 'Listen'>;
type UnaryHandler<Req, Res> = grpc.handleUnaryCall<Req, Res>;
type StreamHandler<Req, Res> = grpc.handleServerStreamingCall<Req, Res>;

/** Runs a unary handler body and turns anything it throws into a gRPC status. */
function unary<Req, Res>(body: (req: Req) => Res): UnaryHandler<Req, Res> {
  return (call, callback) => {
    let response: Res;
    try {
      response = body(call.request);
    } catch (err) {
      callback(toStatusObject(err));
      return;
    }
    callback(null, response);
  };
}

/** Runs a server-streaming handler body that returns all responses; errors end the stream with a status. */
function serverStream<Req, Res>(body: (req: Req) => Res[]): StreamHandler<Req, Res> {
  return (call) => {
    let responses: Res[];
    try {
      responses = body(call.request);
    } catch (err) {
      // Without response headers first, the SDK only sees the status after a multi-second stall.
      call.sendMetadata(new grpc.Metadata());
      call.emit('error', toStatusObject(err));
      return;
    }
    for (const r of responses) {
      if (call.cancelled) return;
      call.write(r);
    }
    call.end();
  };
}

function writeResultProto(r: CommitResult['writeResults'][number]): WriteResult {
  if (r.updateTime === null) return { transformResults: r.transformResults }; // a delete
  return { updateTime: toTimestamp(r.updateTime), transformResults: r.transformResults };
}

/** The transaction id and read time that go in a read response (the id only in the first one). */
function readMeta(
  ctx: ReadContext,
  first: boolean,
): { readTime: ReturnType<typeof toTimestamp>; transaction?: Buffer } {
  return first && ctx.newTransactionId
    ? { readTime: toTimestamp(ctx.readTime), transaction: ctx.newTransactionId }
    : { readTime: toTimestamp(ctx.readTime) };
}

/** Commits a single write outside any transaction, for the document-level RPCs. */
function commitOne(store: Store, name: string, write: Write__Output): CommitResult {
  return store.commit(parseDocumentName(name).database, [write]);
}

/** gRPC handlers for every Firestore RPC except Listen (the server adds Listen and binds the service). */
export function createFirestoreService(store: Store): grpc.UntypedServiceImplementation {
  const handlers: Handlers = {
    Commit: unary((req) => {
      const result = store.commit(parseDatabase(req.database), req.writes ?? [], req.transaction);
      return {
        commitTime: toTimestamp(result.commitTime),
        writeResults: result.writeResults.map(writeResultProto),
      };
    }),

    BatchWrite: unary((req) => {
      const database = parseDatabase(req.database);
      const writeResults: WriteResult[] = [];
      const status: Array<{ code: number; message: string }> = [];
      for (const write of req.writes ?? []) {
        try {
          const result = store.commit(database, [write]);
          writeResults.push(writeResultProto(result.writeResults[0]));
          status.push({ code: grpc.status.OK, message: '' });
        } catch (err) {
          const s = toStatusObject(err);
          writeResults.push({});
          status.push({ code: s.code, message: s.details });
        }
      }
      return { writeResults, status };
    }),

    BeginTransaction: unary((req) => {
      const database = parseDatabase(req.database);
      const readOnly = req.options?.mode === 'readOnly';
      const readTime = req.options?.readOnly?.readTime ? fromTimestamp(req.options.readOnly.readTime) : null;
      return { transaction: store.beginTransaction(database, { readOnly, readTime }) };
    }),

    Rollback: unary((req) => {
      const database = parseDatabase(req.database);
      store.transactions.finish(store.transactions.get(req.transaction, database));
      return {};
    }),

    BatchGetDocuments: serverStream((req) => {
      const database = parseDatabase(req.database);
      const names = [...new Set<string>(req.documents ?? [])];
      for (const name of names) {
        if (parseDocumentName(name).database !== database) {
          throw invalidArgument(`Document "${name}" is not in database "${database}"`);
        }
      }
      const ctx = openRead(store, database, req);
      if (names.length === 0) return ctx.newTransactionId ? [readMeta(ctx, true)] : [];
      return names.map((name, i) => {
        const doc = store.getDocument(name, ctx.snapshot);
        if (ctx.transaction) store.recordRead(ctx.transaction, name, doc);
        const meta = readMeta(ctx, i === 0);
        return doc ? { found: toDocumentProto(doc, req.mask), ...meta } : { missing: name, ...meta };
      });
    }),

    RunQuery: serverStream((req) => {
      const parent = req.parent ?? '';
      const { database } = parseParent(parent);
      if (!req.structuredQuery) throw invalidArgument('RunQuery needs a structured_query');
      const query = req.structuredQuery;
      const normalized = normalizeQuery(parent, query); // validated before a transaction is started
      const ctx = openRead(store, database, req);
      const docs = applyProjection(normalized, store.queryDocuments(normalized, ctx.snapshot));
      if (ctx.transaction) store.recordQuery(ctx.transaction, parent, query, docs);
      if (docs.length === 0) return [readMeta(ctx, true)];
      return docs.map((doc, i) => ({ document: toDocumentProto(doc), ...readMeta(ctx, i === 0) }));
    }),

    RunAggregationQuery: serverStream((req) => {
      const parent = req.parent ?? '';
      const { database } = parseParent(parent);
      const aggregation = req.structuredAggregationQuery;
      if (!aggregation?.structuredQuery)
        throw invalidArgument('RunAggregationQuery needs a structured_query');
      const options = { orderByFields: aggregatedFields(aggregation.aggregations ?? []) };
      const normalized = normalizeQuery(parent, aggregation.structuredQuery, options);
      const ctx = openRead(store, database, req);
      const docs = store.queryDocuments(normalized, ctx.snapshot);
      if (ctx.transaction)
        store.recordQuery(ctx.transaction, parent, aggregation.structuredQuery, docs, options);
      const aggregateFields = computeAggregations(aggregation.aggregations ?? [], docs);
      return [{ result: { aggregateFields }, ...readMeta(ctx, true) }];
    }),

    ListDocuments: unary((req) => {
      const parent = req.parent ?? '';
      const { database } = parseParent(parent);
      const ctx = openRead(store, database, req);
      const all = store.listDocuments(parent, req.collectionId ?? '', {
        showMissing: req.showMissing ?? false,
        readTime: ctx.snapshot,
      });
      const { page, nextPageToken } = paginate(all, (d) => d.name, req.pageSize, req.pageToken);
      const documents = page.map((d) => ('missing' in d ? { name: d.name } : toDocumentProto(d, req.mask)));
      return { documents, nextPageToken };
    }),

    ListCollectionIds: unary((req) => {
      const parent = req.parent ?? '';
      parseParent(parent);
      const readTime = req.readTime ? fromTimestamp(req.readTime) : undefined;
      if (readTime) store.checkReadTime(readTime);
      const ids = store.listCollectionIds(parent, readTime);
      const { page, nextPageToken } = paginate(ids, (id) => id, req.pageSize, req.pageToken);
      return { collectionIds: page, nextPageToken };
    }),

    GetDocument: unary((req) => {
      const name = req.name ?? '';
      const { database } = parseDocumentName(name);
      const ctx = openRead(store, database, req);
      const doc = store.getDocument(name, ctx.snapshot);
      if (ctx.transaction) store.recordRead(ctx.transaction, name, doc);
      if (!doc) throw notFound(`Document "${name}" not found`);
      return toDocumentProto(doc, req.mask);
    }),

    CreateDocument: unary((req) => {
      const parent = req.parent ?? '';
      parseParent(parent);
      if (!req.collectionId) throw invalidArgument('CreateDocument needs a collection_id');
      const name = `${parent}/${req.collectionId}/${req.documentId || autoId()}`;
      commitOne(store, name, {
        operation: 'update',
        update: { name, fields: req.document?.fields ?? {} },
        currentDocument: { conditionType: 'exists', exists: false },
      });
      return toDocumentProto(
        store.getDocument(name) as NonNullable<ReturnType<Store['getDocument']>>,
        req.mask,
      );
    }),

    UpdateDocument: unary((req) => {
      const name = req.document?.name ?? '';
      commitOne(store, name, {
        operation: 'update',
        update: req.document,
        updateMask: req.updateMask,
        currentDocument: req.currentDocument,
      });
      return toDocumentProto(
        store.getDocument(name) as NonNullable<ReturnType<Store['getDocument']>>,
        req.mask,
      );
    }),

    DeleteDocument: unary((req) => {
      const name = req.name ?? '';
      commitOne(store, name, { operation: 'delete', delete: name, currentDocument: req.currentDocument });
      return {};
    }),

    PartitionQuery: unary(() => {
      throw unimplemented('PartitionQuery is not supported by this emulator');
    }),

    Write: (call: grpc.ServerDuplexStream<unknown, unknown>) => {
      call.emit('error', toStatusObject(unimplemented('The Write stream is not supported by this emulator')));
    },
  };
  return handlers;
}

const AUTO_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 20-character id like the SDKs generate. */
function autoId(): string {
  return [...randomBytes(20)].map((b) => AUTO_ID_CHARS[b % AUTO_ID_CHARS.length]).join('');
}

/** Pages a sorted list; the page token is the key of the last item of the previous page. */
function paginate<T>(
  items: T[],
  key: (item: T) => string,
  pageSize: number | undefined,
  pageToken: string | undefined,
): { page: T[]; nextPageToken: string } {
  let start = 0;
  if (pageToken) {
    const after = Buffer.from(pageToken, 'base64url').toString('utf8');
    start = items.findIndex((item) => compareResourceNames(key(item), after) > 0);
    if (start === -1) start = items.length;
  }
  const size = pageSize && pageSize > 0 ? pageSize : items.length;
  const page = items.slice(start, start + size);
  const more = start + size < items.length;
  const nextPageToken =
    more && page.length > 0 ? Buffer.from(key(page[page.length - 1])).toString('base64url') : '';
  return { page, nextPageToken };
}
