import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { Code, useProject } from './helpers';

const { db } = useProject('batch-write');

type Outcome = { ok: true } | { ok: false; code: number | undefined };

function settle(p: Promise<unknown>): Promise<Outcome> {
  return p.then(
    () => ({ ok: true }) as const,
    (err: { code?: number }) => ({ ok: false, code: err.code }),
  );
}

describe('BatchWrite (BulkWriter) write results', () => {
  // Firestore's WriteResult of a delete has no update_time; the SDK reports the absent time as the epoch.
  it('a delete has no write time (the epoch), a set has its commit time', async () => {
    await db.doc('wr/old').set({ n: 1 });
    const writer = db.bulkWriter();
    const deleted = writer.delete(db.doc('wr/old'));
    const missing = writer.delete(db.doc('wr/never'));
    const written = writer.set(db.doc('wr/new'), { n: 2 });
    await writer.close();
    expect((await deleted).writeTime.isEqual(Timestamp.fromMillis(0))).toBe(true);
    expect((await missing).writeTime.isEqual(Timestamp.fromMillis(0))).toBe(true);
    expect((await written).writeTime.toMillis()).toBeGreaterThan(0);
    expect((await db.doc('wr/old').get()).exists).toBe(false);
  });
});

describe('BatchWrite (BulkWriter) is not atomic', () => {
  it('a failing write gets its own error while the other writes of the batch succeed', async () => {
    await db.doc('b/exists').set({ n: 1 });
    await db.doc('b/toUpdate').set({ n: 1 });
    const writer = db.bulkWriter();
    writer.onWriteError(() => false); // no retries: report the first error
    const outcomes = Promise.all([
      settle(writer.create(db.doc('b/new'), { n: 1 })),
      settle(writer.create(db.doc('b/exists'), { n: 2 })),
      settle(writer.update(db.doc('b/missing'), { n: 3 })),
      settle(writer.update(db.doc('b/toUpdate'), { n: FieldValue.increment(1) })),
      settle(writer.delete(db.doc('b/gone'))),
      settle(writer.set(db.doc('b/set'), { n: 5 })),
    ]);
    await writer.close();
    expect(await outcomes).toEqual([
      { ok: true },
      { ok: false, code: Code.ALREADY_EXISTS },
      { ok: false, code: Code.NOT_FOUND },
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    const snaps = await db.getAll(
      db.doc('b/new'),
      db.doc('b/exists'),
      db.doc('b/missing'),
      db.doc('b/toUpdate'),
      db.doc('b/set'),
    );
    expect(snaps.map((s) => s.data())).toEqual([{ n: 1 }, { n: 1 }, undefined, { n: 2 }, { n: 5 }]);
  });

  it('a stale lastUpdateTime fails only that write with FAILED_PRECONDITION', async () => {
    const first = await db.doc('b/a').set({ n: 1 });
    await db.doc('b/a').set({ n: 2 });
    const writer = db.bulkWriter();
    writer.onWriteError(() => false);
    const outcomes = Promise.all([
      settle(writer.update(db.doc('b/a'), { n: 3 }, { lastUpdateTime: first.writeTime })),
      settle(writer.set(db.doc('b/b'), { n: 1 })),
    ]);
    await writer.close();
    expect(await outcomes).toEqual([{ ok: false, code: Code.FAILED_PRECONDITION }, { ok: true }]);
    expect((await db.doc('b/a').get()).get('n')).toBe(2);
  });

  it('two writes to the same document both succeed', async () => {
    const writer = db.bulkWriter();
    // BulkWriter sends them in separate BatchWrite calls, in no guaranteed order, so both merge.
    const first = settle(writer.set(db.doc('b/twice'), { n: 1 }, { merge: true }));
    const second = settle(writer.set(db.doc('b/twice'), { m: 2 }, { merge: true }));
    await writer.close();
    expect([await first, await second]).toEqual([{ ok: true }, { ok: true }]);
    expect((await db.doc('b/twice').get()).data()).toEqual({ n: 1, m: 2 });
  });

  it('successful writes report their write time', async () => {
    const writer = db.bulkWriter();
    const result = writer.set(db.doc('b/a'), { n: 1 });
    await writer.close();
    const snap = await db.doc('b/a').get();
    expect((await result).writeTime.isEqual(snap.updateTime!)).toBe(true);
  });

  it('hundreds of writes flush in several batches and all land', async () => {
    const writer = db.bulkWriter();
    for (let i = 0; i < 450; i++) void writer.set(db.doc(`many/d${i}`), { i });
    await writer.close();
    expect((await db.collection('many').count().get()).data().count).toBe(450);
  });

  it('the retry hook sees the failure code and attempt count', async () => {
    await db.doc('b/exists').set({ n: 1 });
    const seen: [number, number][] = [];
    const writer = db.bulkWriter();
    writer.onWriteError((err) => {
      seen.push([err.code as number, err.failedAttempts]);
      return false;
    });
    const outcome = settle(writer.create(db.doc('b/exists'), { n: 2 }));
    await writer.close();
    expect(await outcome).toEqual({ ok: false, code: Code.ALREADY_EXISTS });
    expect(seen).toEqual([[Code.ALREADY_EXISTS, 1]]);
  });
});
