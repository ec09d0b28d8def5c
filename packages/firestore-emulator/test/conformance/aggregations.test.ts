import { AggregateField, FieldPath, type Query } from 'firebase-admin/firestore';
import { Code, itWhereOfficialDeviates, rejection, seed, useProject } from './helpers';

const { db } = useProject('aggregations');
// A second project read with useBigInt, so integer results (bigint) can be told from double ones (number).
const typed = useProject('aggregations-typed', { useBigInt: true }).db;
const items = () => db.collection('items');

describe('aggregations', () => {
  it('count over an empty collection is 0, sum 0 and avg null', async () => {
    const snap = await items()
      .aggregate({ c: AggregateField.count(), s: AggregateField.sum('n'), a: AggregateField.average('n') })
      .get();
    expect(snap.data()).toEqual({ c: 0, s: 0, a: null });
  });

  // StructuredAggregationQuery.aggregations: "A minimum of one and maximum of five aggregations per query."
  itWhereOfficialDeviates(
    'six aggregations fail with UNKNOWN',
    'five aggregations in one query are accepted; six are INVALID_ARGUMENT',
    async () => {
      const five = {
        a: AggregateField.count(),
        b: AggregateField.sum('n'),
        c: AggregateField.average('n'),
        d: AggregateField.sum('m'),
        e: AggregateField.average('m'),
      };
      expect((await items().aggregate(five).get()).data()).toEqual({ a: 0, b: 0, c: null, d: 0, e: null });
      const err = await rejection(
        items()
          .aggregate({ ...five, f: AggregateField.count() })
          .get(),
      );
      expect(err.code).toBe(Code.INVALID_ARGUMENT);
      expect((await items().count().get()).data().count).toBe(0);
    },
  );

  describe('over data', () => {
    beforeEach(() =>
      seed(items(), {
        d1: { n: 1, g: 'x' },
        d2: { n: 2, g: 'x' },
        d3: { n: 3.5, g: 'y' },
        d4: { n: 'text', g: 'y' },
        d5: { g: 'y' },
        d6: { n: null, g: 'x' },
      }),
    );

    it('count counts every matching document', async () => {
      expect((await items().count().get()).data().count).toBe(6);
      expect((await items().where('g', '==', 'y').count().get()).data().count).toBe(3);
    });

    it('sum and avg use numeric values only and ignore other types and missing fields', async () => {
      const snap = await items()
        .aggregate({ s: AggregateField.sum('n'), a: AggregateField.average('n') })
        .get();
      expect(snap.data().s).toBe(6.5);
      expect(snap.data().a).toBeCloseTo(6.5 / 3, 12);
    });

    it('sum of integers is an exact integer', async () => {
      expect(
        (
          await items()
            .where('g', '==', 'x')
            .aggregate({ s: AggregateField.sum('n') })
            .get()
        ).data().s,
      ).toBe(3);
    });

    it('sum and avg with no numeric values are 0 and null', async () => {
      const snap = await items()
        .where('g', '==', 'y')
        .where('n', '==', 'text')
        .aggregate({ c: AggregateField.count(), s: AggregateField.sum('n'), a: AggregateField.average('n') })
        .get();
      expect(snap.data()).toEqual({ c: 1, s: 0, a: null });
    });

    it('count respects the nested query limit', async () => {
      expect((await items().limit(4).count().get()).data().count).toBe(4);
    });

    it('count respects offset', async () => {
      expect((await items().offset(2).count().get()).data().count).toBe(4);
    });

    it('aggregations respect cursors', async () => {
      const snap = await items()
        .orderBy('n')
        .startAfter(1)
        .aggregate({ c: AggregateField.count(), s: AggregateField.sum('n') })
        .get();
      // orderBy('n') keeps d1..d4 and d6 (null); startAfter(1) leaves 2, 3.5 and 'text'.
      expect(snap.data()).toEqual({ c: 3, s: 5.5 });
    });

    it('sum respects the limit of the nested query', async () => {
      const snap = await items()
        .orderBy('n', 'desc')
        .limit(3)
        .aggregate({ s: AggregateField.sum('n') })
        .get();
      // n desc: 'text', 3.5, 2, 1, null → first three sum to 5.5.
      expect(snap.data().s).toBe(5.5);
    });

    it('a collection group count counts at every depth', async () => {
      await db.doc('items/d1/items/x').set({ n: 100 });
      expect((await db.collectionGroup('items').count().get()).data().count).toBe(7);
    });

    it('the aggregate snapshot carries a read time', async () => {
      const snap = await items().count().get();
      expect(snap.readTime.toMillis()).toBeGreaterThan(0);
    });
  });
});

// Firestore serves sum and avg from an index over the aggregated fields: the query orders by them (after its own
// orders, in field-path order, in the direction of its last order), so every aggregation of the query, count
// included, covers only the documents that have all of them, whatever their type.
describe('aggregations over several fields', () => {
  const g = () => db.collection('g');
  beforeEach(() =>
    seed(g(), {
      ab: { a: 1, b: 10 },
      aOnly: { a: 2 },
      bOnly: { b: 30 },
      aText: { a: 'x', b: 40 },
      aNull: { a: null, b: 50 },
      bText: { a: 6, b: 'y' },
      neither: { c: 1 },
    }),
  );

  it('sum and avg over a and b count only documents that have both fields', async () => {
    const snap = await g()
      .aggregate({
        sa: AggregateField.sum('a'),
        sb: AggregateField.sum('b'),
        ab: AggregateField.average('b'),
      })
      .get();
    // Documents with both: ab, aText, aNull, bText. Numbers of a: 1, 6; of b: 10, 40, 50.
    expect(snap.data()).toEqual({ sa: 7, sb: 100, ab: 100 / 3 });
  });

  it('a count beside a sum counts only the documents that have the summed field', async () => {
    const one = await g()
      .aggregate({ c: AggregateField.count(), s: AggregateField.sum('a') })
      .get();
    expect(one.data()).toEqual({ c: 5, s: 9 });
    const two = await g()
      .aggregate({ c: AggregateField.count(), s: AggregateField.sum('a'), m: AggregateField.average('b') })
      .get();
    expect(two.data()).toEqual({ c: 4, s: 7, m: 100 / 3 });
  });

  it('a limit takes the first documents in the order of the aggregated fields, not by name', async () => {
    // Ordered by a: aNull (null), ab (1), bText (6), aText ('x'); by name it would be ab, aNull, aText, bText.
    const snap = await g()
      .limit(2)
      .aggregate({ sa: AggregateField.sum('a'), sb: AggregateField.sum('b') })
      .get();
    expect(snap.data()).toEqual({ sa: 1, sb: 60 });
    const offset = await g()
      .offset(1)
      .aggregate({ sa: AggregateField.sum('a'), sb: AggregateField.sum('b') })
      .get();
    expect(offset.data()).toEqual({ sa: 7, sb: 50 });
  });

  it('the aggregated fields come after the explicit order, in its direction', async () => {
    await seed(g(), { p: { k: 1, n: 40 }, q: { k: 1, n: 30 }, r: { k: 2, n: 20 }, s: { k: 2, n: 10 } });
    const sum = (q: Query) =>
      q
        .limit(1)
        .aggregate({ s: AggregateField.sum('n') })
        .get();
    expect((await sum(g().orderBy('k'))).data().s).toBe(30);
    expect((await sum(g().orderBy('k', 'desc'))).data().s).toBe(20);
    expect((await sum(g().where('k', '>', 0))).data().s).toBe(30);
  });

  it('the document name cannot be summed', async () => {
    const err = await rejection(
      g()
        .aggregate({ s: AggregateField.sum(FieldPath.documentId()) })
        .get(),
    );
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
  });
});

// Cases mirrored from the SDK's own system tests (googleapis/nodejs-firestore dev/system-test/firestore.ts), which
// run against the official emulator.
describe('aggregations: numeric edge cases', () => {
  const nums = () => typed.collection('nums');

  it('a sum that includes NaN is NaN, and so is the average', async () => {
    await seed(nums(), { a: { n: 5 }, b: { n: NaN }, c: { n: 1.5 } });
    const snap = await nums()
      .aggregate({ s: AggregateField.sum('n'), a: AggregateField.average('n') })
      .get();
    expect(snap.data().s).toBeNaN();
    expect(snap.data().a).toBeNaN();
  });

  it('a sum of integers stays an exact integer beyond 2^53', async () => {
    await seed(nums(), { a: { n: 9007199254740992n }, b: { n: 1n } });
    expect(
      (
        await nums()
          .aggregate({ s: AggregateField.sum('n') })
          .get()
      ).data().s,
    ).toBe(9007199254740993n);
  });

  it('a sum of integers that overflows int64 becomes a double', async () => {
    await seed(nums(), { a: { n: 9223372036854775807n }, b: { n: 9223372036854775807n } });
    expect(
      (
        await nums()
          .aggregate({ s: AggregateField.sum('n') })
          .get()
      ).data().s,
    ).toBe(2 ** 64);
  });

  it('a sum with any double is a double', async () => {
    await seed(nums(), { a: { n: 1n }, b: { n: 0.5 } });
    expect(
      (
        await nums()
          .aggregate({ s: AggregateField.sum('n') })
          .get()
      ).data().s,
    ).toBe(1.5);
  });

  it('an average is always a double', async () => {
    await seed(nums(), { a: { n: 10n }, b: { n: 5n }, c: { n: 0n } });
    expect(
      (
        await nums()
          .aggregate({ a: AggregateField.average('n') })
          .get()
      ).data().a,
    ).toBe(5);
  });

  it('aggregates a nested map field', async () => {
    await seed(nums(), { a: { m: { pages: 100n } }, b: { m: { pages: 50n } } });
    const snap = await nums()
      .aggregate({
        s: AggregateField.sum('m.pages'),
        a: AggregateField.average('m.pages'),
        c: AggregateField.count(),
      })
      .get();
    expect(snap.data()).toEqual({ s: 150n, a: 75, c: 2n });
  });
});
