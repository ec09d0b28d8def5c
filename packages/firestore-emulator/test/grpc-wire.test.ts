import * as grpc from '@grpc/grpc-js';
import type { FirestoreClient } from '../src/generated/google/firestore/v1/Firestore';
import { firestoreService, typedProtoPackage } from '../src/protos';
import { createFirestoreService } from '../src/service';
import { Store } from '../src/store';

const DB = 'projects/demo-wire/databases/(default)';
const ROOT = `${DB}/documents`;

let server: grpc.Server;
let client: FirestoreClient;

beforeAll(async () => {
  server = new grpc.Server();
  server.addService(firestoreService, {
    ...createFirestoreService(new Store()),
    Listen: (call: grpc.ServerDuplexStream<unknown, unknown>) =>
      call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'not in this test' }),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  client = new typedProtoPackage.google.firestore.v1.Firestore(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  );
});

afterAll(async () => {
  client.close();
  await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
});

/** Collects a server stream's messages, or rejects with its status. */
function collect<T>(stream: grpc.ClientReadableStream<T>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const out: T[] = [];
    stream.on('data', (m: T) => out.push(m));
    stream.on('error', reject);
    stream.on('end', () => resolve(out));
  });
}

function unary<Req, Res>(
  fn: (req: Req, cb: (err: grpc.ServiceError | null, res?: Res) => void) => unknown,
  req: Req,
): Promise<Res> {
  return new Promise((resolve, reject) => fn(req, (err, res) => (err ? reject(err) : resolve(res as Res))));
}

test('When a query with new_transaction matches nothing, then one response carries the read time and the transaction id', async () => {
  const responses = await collect(
    client.RunQuery({
      parent: ROOT,
      structuredQuery: { from: [{ collectionId: 'empty' }] },
      newTransaction: { readWrite: {} },
    }),
  );
  expect(responses).toHaveLength(1);
  expect(responses[0].document).toBeUndefined();
  expect(responses[0].readTime?.seconds).toBeDefined();
  expect(responses[0].transaction?.length).toBeGreaterThan(0);
});

test('When BatchGetDocuments starts a transaction on missing documents, then each name is answered once and the id comes first', async () => {
  const names = [`${ROOT}/c/a`, `${ROOT}/c/b`, `${ROOT}/c/a`];
  const responses = await collect(
    client.BatchGetDocuments({ database: DB, documents: names, newTransaction: { readWrite: {} } }),
  );
  expect(responses.map((r) => r.missing)).toEqual([`${ROOT}/c/a`, `${ROOT}/c/b`]);
  expect(responses[0].transaction?.length).toBeGreaterThan(0);
  expect(responses.every((r) => r.readTime !== undefined)).toBe(true);
});

test('When the document RPCs are used, then create, get, update and delete behave like Commit', async () => {
  const created = await unary(client.CreateDocument.bind(client), {
    parent: ROOT,
    collectionId: 'docs',
    documentId: 'd1',
    document: { fields: { n: { integerValue: 1 } } },
  });
  expect(created.name).toBe(`${ROOT}/docs/d1`);
  await expect(
    unary(client.CreateDocument.bind(client), {
      parent: ROOT,
      collectionId: 'docs',
      documentId: 'd1',
      document: {},
    }),
  ).rejects.toMatchObject({ code: grpc.status.ALREADY_EXISTS });
  const updated = await unary(client.UpdateDocument.bind(client), {
    document: { name: `${ROOT}/docs/d1`, fields: { m: { stringValue: 'x' } } },
    updateMask: { fieldPaths: ['m'] },
  });
  expect(Object.keys(updated.fields ?? {}).sort()).toEqual(['m', 'n']);
  await unary(client.DeleteDocument.bind(client), { name: `${ROOT}/docs/d1` });
  await expect(unary(client.GetDocument.bind(client), { name: `${ROOT}/docs/d1` })).rejects.toMatchObject({
    code: grpc.status.NOT_FOUND,
  });
});

test('When BatchWrite has a failing write, then the RPC succeeds with one status per write', async () => {
  const res = await unary(client.BatchWrite.bind(client), {
    database: DB,
    writes: [
      { update: { name: `${ROOT}/bw/a`, fields: {} } },
      { update: { name: `${ROOT}/bw/b`, fields: {} }, currentDocument: { exists: true } },
    ],
  });
  expect(res.status?.map((s) => s.code)).toEqual([grpc.status.OK, grpc.status.NOT_FOUND]);
  expect(res.writeResults).toHaveLength(2);
});

test('When a request is malformed or an RPC is unsupported, then the status says so', async () => {
  await expect(unary(client.Commit.bind(client), { database: 'nonsense', writes: [] })).rejects.toMatchObject(
    {
      code: grpc.status.INVALID_ARGUMENT,
    },
  );
  await expect(
    collect(client.RunQuery({ parent: `${ROOT}/odd`, structuredQuery: { from: [{ collectionId: 'c' }] } })),
  ).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
  await expect(unary(client.PartitionQuery.bind(client), { parent: ROOT })).rejects.toMatchObject({
    code: grpc.status.UNIMPLEMENTED,
  });
  await expect(
    unary(client.Rollback.bind(client), { database: DB, transaction: Buffer.from('x') }),
  ).rejects.toMatchObject({
    code: grpc.status.INVALID_ARGUMENT,
  });
});

test('When aggregating nothing, then count and sum are integer 0 and avg is null', async () => {
  const [res] = await collect(
    client.RunAggregationQuery({
      parent: ROOT,
      structuredAggregationQuery: {
        structuredQuery: { from: [{ collectionId: 'none' }] },
        aggregations: [
          { alias: 'c', count: {} },
          { alias: 's', sum: { field: { fieldPath: 'n' } } },
          { alias: 'a', avg: { field: { fieldPath: 'n' } } },
        ],
      },
    }),
  );
  expect(res.result?.aggregateFields).toEqual({
    c: expect.objectContaining({ integerValue: '0' }),
    s: expect.objectContaining({ integerValue: '0' }),
    a: expect.objectContaining({ nullValue: 'NULL_VALUE' }),
  });
});
