import { DocumentReference, FieldPath, FieldValue, GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { Code, rejection, useProject } from './helpers';

const { db } = useProject('writes');

describe('wire: reads', () => {
  it('get of a missing document returns a snapshot that does not exist', async () => {
    const snap = await db.doc('rooms/missing').get();
    expect(snap.exists).toBe(false);
    expect(snap.data()).toBeUndefined();
    expect(snap.readTime).toBeInstanceOf(Timestamp);
  });

  it('getAll answers every requested document once, in request order, found or missing', async () => {
    await db.doc('rooms/a').set({ n: 1 });
    await db.doc('rooms/c').set({ n: 3 });
    const snaps = await db.getAll(db.doc('rooms/c'), db.doc('rooms/b'), db.doc('rooms/a'));
    expect(snaps.map((s) => [s.id, s.exists])).toEqual([
      ['c', true],
      ['b', false],
      ['a', true],
    ]);
    expect(snaps[0].get('n')).toBe(3);
  });

  it('getAll with a field mask returns only the masked fields', async () => {
    await db.doc('rooms/a').set({ keep: 1, drop: 2, nested: { x: 1, y: 2 } });
    const [snap] = await db.getAll(db.doc('rooms/a'), { fieldMask: ['keep', 'nested.y'] });
    expect(snap.data()).toEqual({ keep: 1, nested: { y: 2 } });
  });

  // ★ RunQuery always carries read_time; an empty result still answers with one.
  it('a query with no results still resolves with a read time', async () => {
    const before = Date.now();
    const snap = await db.collection('empty').get();
    expect(snap.empty).toBe(true);
    expect(snap.readTime).toBeInstanceOf(Timestamp);
    expect(Math.abs(snap.readTime.toMillis() - before)).toBeLessThan(60_000);
  });

  it('a query read time is not before the commit time of data it returns', async () => {
    const [result] = await db.batch().set(db.doc('rooms/a'), { n: 1 }).commit();
    const snap = await db.collection('rooms').get();
    expect(snap.size).toBe(1);
    expect(snap.readTime.toMillis()).toBeGreaterThanOrEqual(result.writeTime.toMillis());
  });

  it('every value type round-trips unchanged', async () => {
    const data = {
      nul: null,
      bool: true,
      int: 42,
      neg: -7,
      dbl: 3.25,
      nan: NaN,
      inf: -Infinity,
      str: 'héllo 😀',
      bytes: Buffer.from([0, 1, 255]),
      ts: new Timestamp(1_700_000_000, 123_456_000),
      ref: db.doc('users/u1'),
      geo: new GeoPoint(48.85, 2.35),
      arr: [1, 'two', { four: 4 }],
      map: { a: { b: { c: 'deep' } }, empty: {} },
      emptyArr: [],
    };
    await db.doc('types/all').set(data);
    const got = (await db.doc('types/all').get()).data();
    expect(got).toBeDefined();
    expect(got!.nul).toBeNull();
    expect(got!.bool).toBe(true);
    expect(got!.int).toBe(42);
    expect(got!.neg).toBe(-7);
    expect(got!.dbl).toBe(3.25);
    expect(got!.nan).toBeNaN();
    expect(got!.inf).toBe(-Infinity);
    expect(got!.str).toBe('héllo 😀');
    expect(Buffer.from(got!.bytes as Uint8Array)).toEqual(Buffer.from([0, 1, 255]));
    expect((got!.ts as Timestamp).isEqual(data.ts)).toBe(true);
    expect(got!.ref).toBeInstanceOf(DocumentReference);
    expect((got!.ref as DocumentReference).path).toBe('users/u1');
    expect(got!.geo).toMatchObject({ latitude: 48.85, longitude: 2.35 });
    expect(got!.arr).toEqual([1, 'two', { four: 4 }]);
    expect(got!.map).toEqual({ a: { b: { c: 'deep' } }, empty: {} });
    expect(got!.emptyArr).toEqual([]);
  });
});

describe('writes & preconditions', () => {
  it('create on an existing document fails with ALREADY_EXISTS', async () => {
    await db.doc('rooms/a').create({ n: 1 });
    const err = await rejection(db.doc('rooms/a').create({ n: 2 }));
    expect(err.code).toBe(Code.ALREADY_EXISTS);
    expect((await db.doc('rooms/a').get()).data()).toEqual({ n: 1 });
  });

  it('update on a missing document fails with NOT_FOUND and creates nothing', async () => {
    const err = await rejection(db.doc('rooms/missing').update({ n: 1 }));
    expect(err.code).toBe(Code.NOT_FOUND);
    expect((await db.doc('rooms/missing').get()).exists).toBe(false);
  });

  it('delete with exists:true on a missing document fails with NOT_FOUND', async () => {
    const err = await rejection(db.doc('rooms/missing').delete({ exists: true }));
    expect(err.code).toBe(Code.NOT_FOUND);
  });

  it('a plain delete of a missing document succeeds', async () => {
    const result = await db.doc('rooms/missing').delete();
    expect(result.writeTime).toBeInstanceOf(Timestamp);
  });

  it('delete with exists:true on an existing document deletes it', async () => {
    await db.doc('rooms/a').set({ n: 1 });
    await db.doc('rooms/a').delete({ exists: true });
    expect((await db.doc('rooms/a').get()).exists).toBe(false);
  });

  it('update with a stale lastUpdateTime fails with FAILED_PRECONDITION', async () => {
    const first = await db.doc('rooms/a').set({ n: 1 });
    await db.doc('rooms/a').set({ n: 2 });
    const err = await rejection(db.doc('rooms/a').update({ n: 3 }, { lastUpdateTime: first.writeTime }));
    expect(err.code).toBe(Code.FAILED_PRECONDITION);
    expect((await db.doc('rooms/a').get()).get('n')).toBe(2);
  });

  it('update with the current lastUpdateTime succeeds', async () => {
    await db.doc('rooms/a').set({ n: 1 });
    const { updateTime } = await db.doc('rooms/a').get();
    await db.doc('rooms/a').update({ n: 3 }, { lastUpdateTime: updateTime! });
    expect((await db.doc('rooms/a').get()).get('n')).toBe(3);
  });

  it('delete with a stale lastUpdateTime fails with FAILED_PRECONDITION', async () => {
    const first = await db.doc('rooms/a').set({ n: 1 });
    await db.doc('rooms/a').set({ n: 2 });
    const err = await rejection(db.doc('rooms/a').delete({ lastUpdateTime: first.writeTime }));
    expect(err.code).toBe(Code.FAILED_PRECONDITION);
    expect((await db.doc('rooms/a').get()).exists).toBe(true);
  });

  it('one failing write fails the whole batch and none of its writes apply', async () => {
    await db.doc('rooms/exists').set({ n: 1 });
    await db.doc('rooms/other').set({ n: 1 });
    const batch = db
      .batch()
      .set(db.doc('rooms/new'), { n: 1 })
      .update(db.doc('rooms/other'), { n: 2 })
      .create(db.doc('rooms/exists'), { n: 3 });
    const err = await rejection(batch.commit());
    expect(err.code).toBe(Code.ALREADY_EXISTS);
    expect((await db.doc('rooms/new').get()).exists).toBe(false);
    expect((await db.doc('rooms/other').get()).get('n')).toBe(1);
    expect((await db.doc('rooms/exists').get()).get('n')).toBe(1);
  });

  it('a batch commit returns one write result per write, all at the commit time', async () => {
    const results = await db
      .batch()
      .set(db.doc('rooms/a'), { n: 1 })
      .set(db.doc('rooms/b'), { n: 2 })
      .delete(db.doc('rooms/c'))
      .commit();
    expect(results).toHaveLength(3);
    expect(results[0].writeTime.isEqual(results[1].writeTime)).toBe(true);
    expect(results[2].writeTime.isEqual(results[0].writeTime)).toBe(true);
  });

  // Commit.writes are "always executed atomically and in order" (google/firestore/v1/firestore.proto).
  it('several writes to one document in one batch apply in order', async () => {
    await db
      .batch()
      .create(db.doc('rooms/a'), { n: 1, drop: true })
      .update(db.doc('rooms/a'), { m: 2, drop: FieldValue.delete() })
      .set(db.doc('rooms/a'), { o: 3 }, { merge: true })
      .commit();
    expect((await db.doc('rooms/a').get()).data()).toEqual({ n: 1, m: 2, o: 3 });
  });

  it('a write after a failed commit still succeeds', async () => {
    await db.doc('rooms/a').create({ n: 1 });
    await rejection(db.doc('rooms/a').create({ n: 1 }));
    await db.doc('rooms/b').create({ n: 2 });
    expect((await db.doc('rooms/b').get()).get('n')).toBe(2);
  });
});

describe('field masks', () => {
  it('set without merge replaces the whole document', async () => {
    await db.doc('rooms/a').set({ keep: 1, nested: { x: 1, y: 2 } });
    await db.doc('rooms/a').set({ nested: { x: 9 } });
    expect((await db.doc('rooms/a').get()).data()).toEqual({ nested: { x: 9 } });
  });

  it('set with merge changes only the given leaf fields', async () => {
    await db.doc('rooms/a').set({ keep: 1, nested: { x: 1, y: 2 } });
    await db.doc('rooms/a').set({ nested: { x: 9 }, added: true }, { merge: true });
    expect((await db.doc('rooms/a').get()).data()).toEqual({ keep: 1, nested: { x: 9, y: 2 }, added: true });
  });

  it('set with mergeFields changes only the listed paths', async () => {
    await db.doc('rooms/a').set({ a: 1, b: 1, nested: { x: 1, y: 1 } });
    await db.doc('rooms/a').set({ a: 2, b: 2, nested: { x: 2, y: 2 } }, { mergeFields: ['a', 'nested.y'] });
    expect((await db.doc('rooms/a').get()).data()).toEqual({ a: 2, b: 1, nested: { x: 1, y: 2 } });
  });

  it('update replaces a map named by a top-level key but keeps its siblings', async () => {
    await db.doc('rooms/a').set({ keep: 1, nested: { x: 1, y: 2 } });
    await db.doc('rooms/a').update({ nested: { x: 5 } });
    expect((await db.doc('rooms/a').get()).data()).toEqual({ keep: 1, nested: { x: 5 } });
  });

  it('update with a dotted path changes only that nested field', async () => {
    await db.doc('rooms/a').set({ nested: { x: 1, y: 2 } });
    await db.doc('rooms/a').update({ 'nested.x': 5, 'nested.z.deep': true });
    expect((await db.doc('rooms/a').get()).data()).toEqual({ nested: { x: 5, y: 2, z: { deep: true } } });
  });

  it('a masked path absent from the data is deleted (FieldValue.delete)', async () => {
    await db.doc('rooms/a').set({ a: 1, nested: { x: 1, y: 2 } });
    await db.doc('rooms/a').update({ a: FieldValue.delete(), 'nested.x': FieldValue.delete() });
    expect((await db.doc('rooms/a').get()).data()).toEqual({ nested: { y: 2 } });
  });

  it('set with merge and FieldValue.delete removes the field', async () => {
    await db.doc('rooms/a').set({ a: 1, b: 2 });
    await db.doc('rooms/a').set({ a: FieldValue.delete() }, { merge: true });
    expect((await db.doc('rooms/a').get()).data()).toEqual({ b: 2 });
  });

  it('deleting a field that does not exist is a no-op', async () => {
    await db.doc('rooms/a').set({ a: 1 });
    await db.doc('rooms/a').update({ 'missing.deep': FieldValue.delete() });
    expect((await db.doc('rooms/a').get()).data()).toEqual({ a: 1 });
  });

  it('backtick-quoted field paths address keys containing dots and dashes', async () => {
    await db.doc('rooms/a').set({ 'we.ird': { 'x-y': 0, other: 1 }, keep: true });
    await db.doc('rooms/a').update(new FieldPath('we.ird', 'x-y'), 5);
    await db.doc('rooms/a').set({ 'a.b': 1 }, { merge: true });
    expect((await db.doc('rooms/a').get()).data()).toEqual({
      'we.ird': { 'x-y': 5, other: 1 },
      keep: true,
      'a.b': 1,
    });
  });
});

describe('timestamps', () => {
  it('a changed document gets update_time equal to the commit time', async () => {
    const result = await db.doc('rooms/a').set({ n: 1 });
    const snap = await db.doc('rooms/a').get();
    expect(snap.updateTime!.isEqual(result.writeTime)).toBe(true);
    expect(snap.createTime!.isEqual(result.writeTime)).toBe(true);
  });

  // WriteResult.update_time: "If the write did not actually change the document, this will be the previous update_time." (google/firestore/v1/write.proto)
  it('a no-op write keeps the previous update_time', async () => {
    const first = await db.doc('rooms/a').set({ n: 1, m: { x: 'y' } });
    const again = await db.doc('rooms/a').set({ n: 1, m: { x: 'y' } });
    const snap = await db.doc('rooms/a').get();
    expect(snap.updateTime!.isEqual(first.writeTime)).toBe(true);
    expect(again.writeTime.isEqual(first.writeTime)).toBe(true);
  });

  it('create_time stays across updates until the document is deleted', async () => {
    const created = await db.doc('rooms/a').set({ n: 1 });
    const updated = await db.doc('rooms/a').update({ n: 2 });
    let snap = await db.doc('rooms/a').get();
    expect(snap.createTime!.isEqual(created.writeTime)).toBe(true);
    expect(snap.updateTime!.isEqual(updated.writeTime)).toBe(true);
    expect(updated.writeTime.toMillis()).toBeGreaterThanOrEqual(created.writeTime.toMillis());
    expect(updated.writeTime.isEqual(created.writeTime)).toBe(false);

    await db.doc('rooms/a').delete();
    const recreated = await db.doc('rooms/a').set({ n: 3 });
    snap = await db.doc('rooms/a').get();
    expect(snap.createTime!.isEqual(recreated.writeTime)).toBe(true);
    expect(snap.createTime!.isEqual(created.writeTime)).toBe(false);
  });

  // Timestamps are "precise only to microseconds; any additional precision is rounded down"
  // (firebase.google.com/docs/firestore/manage-data/data-types).
  it('stored timestamps keep microseconds and drop finer precision', async () => {
    await db.doc('rooms/a').set({ at: new Timestamp(1_700_000_000, 123_456_789) });
    const at = (await db.doc('rooms/a').get()).get('at') as Timestamp;
    expect([at.seconds, at.nanoseconds]).toEqual([1_700_000_000, 123_456_000]);
  });

  it('commit times increase from one commit to the next', async () => {
    const a = await db.doc('rooms/a').set({ n: 1 });
    const b = await db.doc('rooms/b').set({ n: 1 });
    expect(b.writeTime.valueOf() > a.writeTime.valueOf()).toBe(true);
  });
});
