import { FieldPath, Timestamp } from 'firebase-admin/firestore';
import { startHarness, type Harness } from './sdk-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const INVALID_ARGUMENT = 3;
const ALREADY_EXISTS = 6;

async function codeOf(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
  } catch (err) {
    return (err as { code?: number }).code;
  }
  return undefined;
}

test('When a BulkWriter write fails, then only that write fails and the others apply', async () => {
  const col = h.db.collection('bulk');
  await col.doc('taken').set({ n: 0 });
  const writer = h.db.bulkWriter();
  writer.onWriteError(() => false);
  const results = [writer.create(col.doc('taken'), { n: 1 }), writer.create(col.doc('fresh'), { n: 1 })];
  await writer.close(); // BulkWriter sends its batch on close (or when it fills)
  const settled = await Promise.allSettled(results);
  expect(settled[0].status).toBe('rejected');
  expect((settled[0] as PromiseRejectedResult).reason.code).toBe(ALREADY_EXISTS);
  expect(settled[1].status).toBe('fulfilled');
  expect((await col.doc('fresh').get()).get('n')).toBe(1);
});

test('When a read-only transaction reads at an earlier read time, then queries and gets see that state', async () => {
  const ref = h.db.collection('history').doc('d');
  const first = await ref.set({ v: 1 });
  await ref.set({ v: 2 });
  await h.db.collection('history').doc('later').set({ v: 3 });
  const readTime: Timestamp = first.writeTime;
  const seen = await h.db.runTransaction(
    async (tx) => {
      const doc = await tx.get(ref);
      const query = await tx.get(h.db.collection('history'));
      return { v: doc.get('v'), ids: query.docs.map((d) => d.id) };
    },
    { readOnly: true, readTime },
  );
  expect(seen).toEqual({ v: 1, ids: ['d'] });
});

test('When two transactions race on one document, then the loser is retried and both increments count', async () => {
  const ref = h.db.collection('race').doc('counter');
  await ref.set({ n: 0 });
  let attempts = 0;
  let release!: () => void;
  const bothRead = new Promise<void>((resolve) => (release = resolve));
  let readers = 0;
  const bump = () =>
    h.db.runTransaction(async (tx) => {
      attempts++;
      const n = (await tx.get(ref)).get('n') as number;
      if (++readers === 2) release();
      if (readers <= 2) await bothRead;
      tx.update(ref, { n: n + 1 });
    });
  await Promise.all([bump(), bump()]);
  expect((await ref.get()).get('n')).toBe(2);
  expect(attempts).toBe(3);
});

test('When a query asks for more than 30 in values, then it fails with INVALID_ARGUMENT', async () => {
  const values = Array.from({ length: 31 }, (_, i) => i);
  const code = await codeOf(
    h.db.collection('q').where(FieldPath.documentId(), '!=', 'x').where('n', 'in', values).get(),
  );
  expect(code).toBe(INVALID_ARGUMENT);
});

test('When listing collections and documents with missing parents, then ids and names are sorted', async () => {
  const root = h.db.collection('tree');
  await root.doc('b').set({});
  await root.doc('a').collection('kids').doc('k').set({});
  await root.doc('b').collection('z').doc('k').set({});
  await root.doc('b').collection('y').doc('k').set({});
  expect((await root.listDocuments()).map((d) => d.id)).toEqual(['a', 'b']);
  expect((await root.doc('b').listCollections()).map((c) => c.id)).toEqual(['y', 'z']);
});

test('When a document is too large, then the write fails with INVALID_ARGUMENT and the store keeps serving', async () => {
  const ref = h.db.collection('big').doc('d');
  expect(await codeOf(ref.set({ s: 'x'.repeat(1024 * 1024 + 1) }))).toBe(INVALID_ARGUMENT);
  await ref.set({ s: 'ok' });
  expect((await ref.get()).get('s')).toBe('ok');
});
