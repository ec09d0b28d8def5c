import * as grpc from '@grpc/grpc-js';
import { GrpcError } from '../src/errors';
import { Store, type CommitEvent } from '../src/store';
import { DB, deleteWrite, docName, setWrite, v } from './fixtures';

const INT64_MAX = '9223372036854775807';
const INT64_MIN = '-9223372036854775808';

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof GrpcError ? err.code : -1;
  }
  return undefined;
}

describe('Store commits', () => {
  let store: Store;
  beforeEach(() => {
    store = new Store();
  });

  test('When one write of a commit fails its precondition, then no write of the commit applies', () => {
    const code = codeOf(() =>
      store.commit(DB, [
        setWrite('rooms/a', { n: v.int(1) }),
        setWrite('rooms/b', { n: v.int(1) }, { currentDocument: { conditionType: 'exists', exists: true } }),
      ]),
    );
    expect(code).toBe(grpc.status.NOT_FOUND);
    expect(store.getDocument(docName('rooms/a'))).toBeNull();
  });

  test('When a write is a no-op, then update_time is kept and listeners hear nothing', () => {
    const first = store.commit(DB, [setWrite('rooms/a', { n: v.int(1) })]);
    const events: CommitEvent[] = [];
    store.onCommit((e) => events.push(e));
    const second = store.commit(DB, [setWrite('rooms/a', { n: v.int(1) })]);
    expect(second.writeResults[0].updateTime).toEqual(first.commitTime);
    expect(events).toHaveLength(0);
  });

  test('When a write deletes a document, existing or not, then its write result has no update time', () => {
    store.commit(DB, [setWrite('rooms/a', { n: v.int(1) })]);
    const result = store.commit(DB, [deleteWrite('rooms/a'), deleteWrite('rooms/none')]);
    expect(result.writeResults.map((r) => r.updateTime)).toEqual([null, null]);
    expect(store.getDocument(docName('rooms/a'))).toBeNull();
  });

  test('When an int field is rewritten as an equal double, then it counts as a change', () => {
    store.commit(DB, [setWrite('rooms/a', { n: v.int(1) })]);
    const second = store.commit(DB, [setWrite('rooms/a', { n: v.double(1) })]);
    expect(second.writeResults[0].updateTime).toEqual(second.commitTime);
  });

  test('When a document is updated, then create_time stays and update_time moves to the commit time', () => {
    const first = store.commit(DB, [setWrite('rooms/a', { n: v.int(1) })]);
    const second = store.commit(DB, [setWrite('rooms/a', { n: v.int(2) })]);
    const doc = store.getDocument(docName('rooms/a'));
    expect(doc?.createTime).toEqual(first.commitTime);
    expect(doc?.updateTime).toEqual(second.commitTime);
  });

  test('When the same document is written twice in one commit, then the second write sees the first', () => {
    const result = store.commit(DB, [
      setWrite('rooms/a', { n: v.int(1) }),
      setWrite(
        'rooms/a',
        {},
        {
          updateMask: { fieldPaths: [] },
          updateTransforms: [{ fieldPath: 'n', increment: v.int(5), transformType: 'increment' }],
        },
      ),
    ]);
    expect(result.writeResults[1].transformResults).toEqual([v.int(6)]);
  });

  test('When increments overflow int64, then they saturate at the bounds', () => {
    store.commit(DB, [setWrite('c/a', { hi: v.int(INT64_MAX), lo: v.int(INT64_MIN) })]);
    const r = store.commit(DB, [
      setWrite(
        'c/a',
        {},
        {
          updateMask: { fieldPaths: [] },
          updateTransforms: [
            { fieldPath: 'hi', increment: v.int(1), transformType: 'increment' },
            { fieldPath: 'lo', increment: v.int(-1), transformType: 'increment' },
          ],
        },
      ),
    ]);
    expect(r.writeResults[0].transformResults).toEqual([v.int(INT64_MAX), v.int(INT64_MIN)]);
  });

  test('When maximum and minimum mix ints and doubles, then the winner keeps its type and ties keep the stored value', () => {
    store.commit(DB, [setWrite('c/a', { a: v.int(3), b: v.int(3), c: v.double(2.5) })]);
    const r = store.commit(DB, [
      setWrite(
        'c/a',
        {},
        {
          updateMask: { fieldPaths: [] },
          updateTransforms: [
            { fieldPath: 'a', maximum: v.double(3.5), transformType: 'maximum' },
            { fieldPath: 'b', maximum: v.double(3), transformType: 'maximum' },
            { fieldPath: 'c', minimum: v.int(1), transformType: 'minimum' },
            { fieldPath: 'd', minimum: v.int(7), transformType: 'minimum' },
          ],
        },
      ),
    ]);
    expect(r.writeResults[0].transformResults).toEqual([v.double(3.5), v.int(3), v.int(1), v.int(7)]);
  });

  test('When a server timestamp is written, then it equals the commit time', () => {
    const r = store.commit(DB, [
      setWrite(
        'c/a',
        {},
        {
          updateTransforms: [
            { fieldPath: 't', setToServerValue: 'REQUEST_TIME', transformType: 'setToServerValue' },
          ],
        },
      ),
    ]);
    expect(store.getDocument(docName('c/a'))?.fields.t.timestampValue).toEqual({
      seconds: String(r.commitTime.seconds),
      nanos: r.commitTime.nanos,
    });
  });

  test('When an update_time precondition is stale, then the write fails with FAILED_PRECONDITION', () => {
    const first = store.commit(DB, [setWrite('c/a', { n: v.int(1) })]);
    store.commit(DB, [setWrite('c/a', { n: v.int(2) })]);
    const stale = { seconds: String(first.commitTime.seconds), nanos: first.commitTime.nanos };
    const code = codeOf(() =>
      store.commit(DB, [
        deleteWrite('c/a', { currentDocument: { conditionType: 'updateTime', updateTime: stale } }),
      ]),
    );
    expect(code).toBe(grpc.status.FAILED_PRECONDITION);
  });

  test('When a document exceeds 1 MiB, then the commit fails with INVALID_ARGUMENT', () => {
    const big = 'x'.repeat(1024 * 1024);
    expect(codeOf(() => store.commit(DB, [setWrite('c/a', { s: v.str(big) })]))).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
    expect(
      codeOf(() => store.commit(DB, [setWrite('c/a', { s: v.str('x'.repeat(1000 * 1000)) })])),
    ).toBeUndefined();
  });

  test('When values nest deeper than 20 levels, then the commit fails with INVALID_ARGUMENT', () => {
    const nest = (depth: number) => {
      let value = v.int(1);
      for (let i = 0; i < depth; i++) value = v.map({ a: value });
      return value;
    };
    expect(codeOf(() => store.commit(DB, [setWrite('c/a', { a: nest(20) })]))).toBeUndefined();
    expect(codeOf(() => store.commit(DB, [setWrite('c/b', { a: nest(21) })]))).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
  });

  test('When a document name exceeds 6 KiB, then the commit fails with INVALID_ARGUMENT', () => {
    expect(codeOf(() => store.commit(DB, [setWrite(`c/${'x'.repeat(6200)}`, {})]))).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
  });

  test('When a timestamp with nanoseconds is stored, then it keeps only microseconds, also inside maps', () => {
    store.commit(DB, [setWrite('c/a', { t: v.ts(5, 123456789), m: v.map({ t: v.ts(5, 1999) }) })]);
    const doc = store.getDocument(docName('c/a'));
    expect(doc?.fields.t).toEqual(v.ts(5, 123456000));
    expect(doc?.fields.m.mapValue?.fields?.t).toEqual(v.ts(5, 1000));
  });

  test('When a commit carries more than 10 MiB of documents, then it is INVALID_ARGUMENT', () => {
    const big = v.str('x'.repeat(900 * 1024));
    const writes = Array.from({ length: 12 }, (_, i) => setWrite(`c/d${i}`, { big }));
    expect(codeOf(() => store.commit(DB, writes))).toBe(grpc.status.INVALID_ARGUMENT);
    expect(codeOf(() => store.commit(DB, writes.slice(0, 5)))).toBeUndefined();
  });

  test('When a database is cleared, then only its documents go and listeners see the deletes', () => {
    const other = 'projects/other/databases/(default)';
    store.commit(DB, [setWrite('c/a', {})]);
    store.commit(other, [{ operation: 'update', update: { name: `${other}/documents/c/a`, fields: {} } }]);
    const events: CommitEvent[] = [];
    store.onCommit((e) => events.push(e));
    store.clear(DB);
    expect(store.getDocument(docName('c/a'))).toBeNull();
    expect(store.getDocument(`${other}/documents/c/a`)).not.toBeNull();
    expect(events).toEqual([
      expect.objectContaining({ database: DB, changes: [expect.objectContaining({ after: null })] }),
    ]);
  });

  test('When reading at an earlier read time, then the version current at that time is returned', () => {
    const first = store.commit(DB, [setWrite('c/a', { n: v.int(1) })]);
    store.commit(DB, [setWrite('c/a', { n: v.int(2) })]);
    store.commit(DB, [deleteWrite('c/a')]);
    expect(store.getDocument(docName('c/a'), first.commitTime)?.fields.n).toEqual(v.int(1));
    expect(store.getDocument(docName('c/a'))).toBeNull();
    expect(store.getDocument(docName('c/a'), { seconds: first.commitTime.seconds - 1, nanos: 0 })).toBeNull();
  });
});

describe('Store read times', () => {
  test('When a read time is older than the kept history, then it is refused with FAILED_PRECONDITION', () => {
    const store = new Store({ historyRetentionMs: 60_000 });
    const old = { seconds: Math.floor(Date.now() / 1000) - 120, nanos: 0 };
    const recent = { seconds: Math.floor(Date.now() / 1000) - 30, nanos: 0 };
    expect(codeOf(() => store.checkReadTime(old))).toBe(grpc.status.FAILED_PRECONDITION);
    expect(codeOf(() => store.beginTransaction(DB, { readOnly: true, readTime: old }))).toBe(
      grpc.status.FAILED_PRECONDITION,
    );
    expect(codeOf(() => store.checkReadTime(recent))).toBeUndefined();
  });
});

describe('Store transactions', () => {
  let store: Store;
  beforeEach(() => {
    store = new Store();
    store.commit(DB, [setWrite('c/d', { n: v.int(0) })]);
  });

  test('When two read-write transactions read and write one document, then the second commit is ABORTED', () => {
    const t1 = store.beginTransaction(DB, { readOnly: false });
    const t2 = store.beginTransaction(DB, { readOnly: false });
    for (const id of [t1, t2]) {
      const txn = store.transactions.get(id, DB);
      store.recordRead(txn, docName('c/d'), store.getDocument(docName('c/d')));
    }
    store.commit(DB, [setWrite('c/d', { n: v.int(1) })], t1);
    expect(codeOf(() => store.commit(DB, [setWrite('c/d', { n: v.int(2) })], t2))).toBe(grpc.status.ABORTED);
    expect(store.getDocument(docName('c/d'))?.fields.n).toEqual(v.int(1));
  });

  test('When a transaction query result changes before commit, then the commit is ABORTED', () => {
    const t1 = store.beginTransaction(DB, { readOnly: false });
    const query = { from: [{ collectionId: 'c' }] };
    const docs = store.runQuery(`${DB}/documents`, query);
    store.recordQuery(store.transactions.get(t1, DB), `${DB}/documents`, query, docs);
    store.commit(DB, [setWrite('c/new', {})]);
    expect(codeOf(() => store.commit(DB, [setWrite('c/d', {})], t1))).toBe(grpc.status.ABORTED);
  });

  test('When a transaction id is reused after commit or is unknown, then it is INVALID_ARGUMENT', () => {
    const t1 = store.beginTransaction(DB, { readOnly: false });
    store.commit(DB, [], t1);
    expect(codeOf(() => store.commit(DB, [], t1))).toBe(grpc.status.INVALID_ARGUMENT);
    expect(codeOf(() => store.commit(DB, [], Buffer.from('nope')))).toBe(grpc.status.INVALID_ARGUMENT);
  });

  test('When a read-only transaction tries to write, then it is INVALID_ARGUMENT', () => {
    const t = store.beginTransaction(DB, { readOnly: true });
    expect(codeOf(() => store.commit(DB, [setWrite('c/d', {})], t))).toBe(grpc.status.INVALID_ARGUMENT);
  });
});
