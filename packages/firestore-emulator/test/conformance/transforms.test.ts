import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { useProject } from './helpers';

// useBigInt makes the SDK return integerValue as bigint and doubleValue as number, so the tests can
// tell an int64 result from a double one.
const { db } = useProject('transforms', { useBigInt: true });

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

async function field(path: string, name: string): Promise<unknown> {
  return (await db.doc(path).get()).get(name);
}

describe('transforms: server timestamps', () => {
  // REQUEST_TIME is "the time at which the server processed the request, with millisecond precision"
  // (google/firestore/v1/write.proto), so it is not the commit time: the SDK maintainers call the difference
  // expected (googleapis/nodejs-firestore#1610), and the official emulator shows it (…623 ms vs commit …624.357 ms).
  it('every server timestamp in one commit has one value, in milliseconds, not after the commit time', async () => {
    const results = await db
      .batch()
      .set(db.doc('t/a'), { at: FieldValue.serverTimestamp(), nested: { at: FieldValue.serverTimestamp() } })
      .set(db.doc('t/b'), { at: FieldValue.serverTimestamp() })
      .commit();
    const a = (await db.doc('t/a').get()).data()!;
    const b = (await db.doc('t/b').get()).data()!;
    const at = a.at as Timestamp;
    expect(at).toBeInstanceOf(Timestamp);
    expect((a.nested.at as Timestamp).isEqual(at)).toBe(true);
    expect((b.at as Timestamp).isEqual(at)).toBe(true);
    expect(at.nanoseconds % 1_000_000).toBe(0);
    const commitMs = results[0].writeTime.toMillis();
    expect(at.toMillis()).toBeLessThanOrEqual(commitMs);
    expect(commitMs - at.toMillis()).toBeLessThan(1_000);
  });

  it('update with a server timestamp sets update_time to the commit time and the field just before it', async () => {
    await db.doc('t/a').set({ n: 1n });
    const result = await db.doc('t/a').update({ touchedAt: FieldValue.serverTimestamp() });
    const snap = await db.doc('t/a').get();
    const touchedAt = snap.get('touchedAt') as Timestamp;
    expect(snap.updateTime!.isEqual(result.writeTime)).toBe(true);
    expect(touchedAt.toMillis()).toBeLessThanOrEqual(result.writeTime.toMillis());
    expect(result.writeTime.toMillis() - touchedAt.toMillis()).toBeLessThan(1_000);
  });
});

describe('transforms: increment', () => {
  it('increment on a missing document creates the field with the operand', async () => {
    await db.doc('t/a').set({ n: FieldValue.increment(5) });
    expect(await field('t/a', 'n')).toBe(5n);
  });

  it('increment on a missing field sets the operand', async () => {
    await db.doc('t/a').set({ other: true });
    await db.doc('t/a').update({ n: FieldValue.increment(-3) });
    expect(await field('t/a', 'n')).toBe(-3n);
  });

  it('increment on a non-numeric field replaces it with the operand', async () => {
    await db.doc('t/a').set({ n: 'text', m: [1n] });
    await db.doc('t/a').update({ n: FieldValue.increment(2), m: FieldValue.increment(0.5) });
    expect(await field('t/a', 'n')).toBe(2n);
    expect(await field('t/a', 'm')).toBe(0.5);
  });

  it('int plus int stays an integer', async () => {
    await db.doc('t/a').set({ n: 40n });
    await db.doc('t/a').update({ n: FieldValue.increment(2) });
    expect(await field('t/a', 'n')).toBe(42n);
  });

  it('int plus int keeps int64 precision beyond 2^53', async () => {
    await db.doc('t/a').set({ n: 9007199254740992n });
    await db.doc('t/a').update({ n: FieldValue.increment(1) });
    expect(await field('t/a', 'n')).toBe(9007199254740993n);
  });

  it('a double operand makes the result a double', async () => {
    await db.doc('t/a').set({ n: 2n });
    await db.doc('t/a').update({ n: FieldValue.increment(1.5) });
    expect(await field('t/a', 'n')).toBe(3.5);
  });

  it('an int operand on a double field gives a double', async () => {
    await db.doc('t/a').set({ n: 2.5 });
    await db.doc('t/a').update({ n: FieldValue.increment(1) });
    expect(await field('t/a', 'n')).toBe(3.5);
  });

  it('int increment saturates at the int64 maximum', async () => {
    await db.doc('t/a').set({ n: INT64_MAX - 1n });
    await db.doc('t/a').update({ n: FieldValue.increment(5) });
    expect(await field('t/a', 'n')).toBe(INT64_MAX);
  });

  it('int increment saturates at the int64 minimum', async () => {
    await db.doc('t/a').set({ n: INT64_MIN + 1n });
    await db.doc('t/a').update({ n: FieldValue.increment(-5) });
    expect(await field('t/a', 'n')).toBe(INT64_MIN);
  });

  it('increments in concurrent commits all count', async () => {
    await db.doc('t/a').set({ n: 0n });
    await Promise.all(Array.from({ length: 20 }, () => db.doc('t/a').update({ n: FieldValue.increment(1) })));
    expect(await field('t/a', 'n')).toBe(20n);
  });
});

describe('transforms: order of application', () => {
  it('transforms apply after the write: set without merge replaces, then increments from nothing', async () => {
    await db.doc('t/a').set({ m: { n: 5n, other: 1n }, keep: true });
    await db.doc('t/a').set({ m: { n: FieldValue.increment(1) } });
    expect((await db.doc('t/a').get()).data()).toEqual({ m: { n: 1n } });
  });

  it('transforms apply after the write: set with merge keeps the old value and increments it', async () => {
    await db.doc('t/a').set({ m: { n: 5n, other: 1n }, keep: true });
    await db.doc('t/a').set({ m: { n: FieldValue.increment(1) }, extra: 'x' }, { merge: true });
    expect((await db.doc('t/a').get()).data()).toEqual({ m: { n: 6n, other: 1n }, keep: true, extra: 'x' });
  });

  it('update writes fields and transforms together in one commit', async () => {
    await db.doc('t/a').set({ n: 1n, tags: ['a'] });
    await db.doc('t/a').update({ label: 'x', n: FieldValue.increment(1), tags: FieldValue.arrayUnion('b') });
    expect((await db.doc('t/a').get()).data()).toEqual({ n: 2n, tags: ['a', 'b'], label: 'x' });
  });
});

describe('transforms: arrayUnion and arrayRemove', () => {
  it('arrayUnion appends only the missing elements, in operand order', async () => {
    await db.doc('t/a').set({ a: [1n, 2n] });
    await db.doc('t/a').update({ a: FieldValue.arrayUnion(3, 1, 4, 3) });
    expect(await field('t/a', 'a')).toEqual([1n, 2n, 3n, 4n]);
  });

  it('arrayUnion on a missing field sets the deduplicated operand', async () => {
    await db.doc('t/a').set({ other: 1n });
    await db.doc('t/a').update({ a: FieldValue.arrayUnion('x', 'y', 'x') });
    expect(await field('t/a', 'a')).toEqual(['x', 'y']);
  });

  it('arrayUnion on a non-array field replaces it with the operand', async () => {
    await db.doc('t/a').set({ a: 'scalar' });
    await db.doc('t/a').update({ a: FieldValue.arrayUnion('x') });
    expect(await field('t/a', 'a')).toEqual(['x']);
  });

  it('arrayUnion compares maps by value', async () => {
    await db.doc('t/a').set({ a: [{ id: 1n }] });
    await db.doc('t/a').update({ a: FieldValue.arrayUnion({ id: 1 }, { id: 2 }) });
    expect(await field('t/a', 'a')).toEqual([{ id: 1n }, { id: 2n }]);
  });

  it('arrayRemove removes every equal element', async () => {
    await db.doc('t/a').set({ a: [1n, 2n, 1n, 3n, 1n, { k: 'v' }] });
    await db.doc('t/a').update({ a: FieldValue.arrayRemove(1, { k: 'v' }) });
    expect(await field('t/a', 'a')).toEqual([2n, 3n]);
  });

  it('arrayRemove on a missing field leaves an empty array', async () => {
    await db.doc('t/a').set({ other: 1n });
    await db.doc('t/a').update({ a: FieldValue.arrayRemove('x') });
    expect(await field('t/a', 'a')).toEqual([]);
  });
});
