import { FieldPath, Filter, Timestamp } from 'firebase-admin/firestore';
import { Code, ids, rejection, seed, useProject } from './helpers';

const { db } = useProject('queries');
const items = () => db.collection('items');

describe('queries: implicit ordering', () => {
  beforeEach(() =>
    seed(items(), {
      d1: { a: 3, b: 1 },
      d2: { a: 1, b: 2 },
      d3: { a: 2, b: 2 },
      d4: { a: 1, b: 1 },
      d5: { a: 2, b: 1 },
    }),
  );

  it('with no order the results come by document name', async () => {
    expect(await ids(items())).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
  });

  it('an inequality filter orders by that field, then by name', async () => {
    expect(await ids(items().where('a', '>', 1))).toEqual(['d3', 'd5', 'd1']);
  });

  it('not-equal orders by that field, then by name', async () => {
    expect(await ids(items().where('a', '!=', 2))).toEqual(['d2', 'd4', 'd1']);
  });

  it('not-in orders by that field, then by name', async () => {
    expect(await ids(items().where('a', 'not-in', [3]))).toEqual(['d2', 'd4', 'd3', 'd5']);
  });

  it('an equality filter adds no order beyond the name', async () => {
    expect(await ids(items().where('a', '==', 2))).toEqual(['d3', 'd5']);
  });

  it('inequality fields are appended in lexicographic field order, then the name', async () => {
    expect(await ids(items().where('b', '>', 0).where('a', '>', 0))).toEqual(['d4', 'd2', 'd5', 'd3', 'd1']);
  });

  it('implicit orders take the direction of the last explicit order', async () => {
    expect(await ids(items().orderBy('b', 'desc').where('a', '>', 0))).toEqual([
      'd3',
      'd2',
      'd1',
      'd5',
      'd4',
    ]);
  });

  it('the name tie-break follows a descending explicit order', async () => {
    expect(await ids(items().orderBy('a', 'desc'))).toEqual(['d1', 'd5', 'd3', 'd4', 'd2']);
  });

  it('an inequality on the document id orders by the other inequality fields first, the name last', async () => {
    const name = FieldPath.documentId();
    // name > d2 keeps d3, d4, d5; ordered by a (d4 has 1, d3 and d5 have 2), then by name.
    expect(await ids(items().where('a', '>', 0).where(name, '>', items().doc('d2')))).toEqual([
      'd4',
      'd3',
      'd5',
    ]);
    expect(await ids(items().where(name, '!=', items().doc('d3')).where('b', '>', 0))).toEqual([
      'd1',
      'd4',
      'd5',
      'd2',
    ]);
  });

  it('an order by __name__ followed by another order, explicit or implicit, is INVALID_ARGUMENT', async () => {
    const name = FieldPath.documentId();
    expect((await rejection(items().orderBy(name).orderBy('a').get())).code).toBe(Code.INVALID_ARGUMENT);
    expect((await rejection(items().where('a', '>', 0).orderBy(name).get())).code).toBe(
      Code.INVALID_ARGUMENT,
    );
  });

  it("two of '!=', 'not-in', '!= null' and '!= NaN' in one query are INVALID_ARGUMENT, even in an OR", async () => {
    const refused = [
      items().where('a', '!=', 1).where('b', '!=', 2),
      items().where('a', '!=', 1).where('b', 'not-in', [2]),
      items().where('a', '!=', null).where('b', '!=', NaN),
      items().where(Filter.or(Filter.where('a', '!=', 1), Filter.where('a', '!=', 2))),
    ];
    const codes = await Promise.all(refused.map(async (q) => (await rejection(q.get())).code));
    expect(codes).toEqual(refused.map(() => Code.INVALID_ARGUMENT));
    expect(await ids(items().where('a', '!=', 1).where('b', '>', 1))).toEqual(['d3']);
  });

  it('an explicit order on the inequality field is not duplicated', async () => {
    expect(await ids(items().where('a', '<', 3).orderBy('a', 'desc').orderBy('b'))).toEqual([
      'd5',
      'd3',
      'd4',
      'd2',
    ]);
  });
});

describe('queries: missing fields', () => {
  beforeEach(() =>
    seed(items(), {
      has: { a: 1, b: 1 },
      noA: { b: 2 },
      noB: { a: 2 },
      nullA: { a: null, b: 0 },
    }),
  );

  it('ordering on a field excludes documents that lack it', async () => {
    expect(await ids(items().orderBy('a'))).toEqual(['nullA', 'has', 'noB']);
  });

  it('a second explicit order also excludes documents lacking that field', async () => {
    expect(await ids(items().orderBy('a').orderBy('b'))).toEqual(['nullA', 'has']);
  });

  it('an implicit order from an inequality excludes documents lacking that field', async () => {
    expect(await ids(items().orderBy('b').where('a', '>=', 0))).toEqual(['has']);
  });

  // Ascending on purpose: the official emulator refuses a lone descending __name__ order with FAILED_PRECONDITION
  // ("Firestore does not support descending key scans").
  it('ordering by __name__ keeps every document', async () => {
    expect(await ids(items().orderBy(FieldPath.documentId()))).toEqual(['has', 'noA', 'noB', 'nullA']);
  });
});

describe('queries: null, NaN and not-equal', () => {
  beforeEach(() =>
    seed(items(), {
      one: { a: 1 },
      two: { a: 2 },
      nul: { a: null },
      nan: { a: NaN },
      str: { a: 'x' },
      missing: { other: true },
    }),
  );

  // "where('capital', '!=', false) returns every city document where the capital field exists with a value other
  // than false or null" (firebase.google.com/docs/firestore/query-data/queries#not_equal_); NaN is a value.
  it('!= excludes null and missing fields, ordered by the field', async () => {
    expect(await ids(items().where('a', '!=', 1))).toEqual(['nan', 'two', 'str']);
  });

  it('== null matches only null values', async () => {
    expect(await ids(items().where('a', '==', null))).toEqual(['nul']);
  });

  it('== NaN matches only NaN values', async () => {
    expect(await ids(items().where('a', '==', NaN))).toEqual(['nan']);
  });

  it('!= null matches every present non-null value, ordered by the field', async () => {
    expect(await ids(items().where('a', '!=', null))).toEqual(['nan', 'one', 'two', 'str']);
  });

  // The SDK's system test 'supports !=' (run against the official emulator) expects exactly this.
  it('!= NaN (IS_NOT_NAN) matches present non-null values other than NaN', async () => {
    expect(await ids(items().where('a', '!=', NaN))).toEqual(['one', 'two', 'str']);
  });

  it('not-in [null] matches nothing', async () => {
    expect(await ids(items().where('a', 'not-in', [null]))).toEqual([]);
  });

  // not-in [USA, Japan] "returns every city document where the country field exists and is not set to USA, Japan,
  // or null" (same page).
  it('not-in excludes missing fields and null', async () => {
    expect(await ids(items().where('a', 'not-in', [1, 'x']))).toEqual(['nan', 'two']);
  });

  // Observed on the official emulator (1.19.9): NaN inside not-in / in does not match NaN, and null inside in
  // does not match null; only the unary IS_NAN / IS_NULL (== NaN, == null) match them.
  it('not-in [NaN] excludes null and missing values but keeps NaN', async () => {
    expect(await ids(items().where('a', 'not-in', [NaN]))).toEqual(['nan', 'one', 'two', 'str']);
  });

  it('in [null, 2] does not match null values', async () => {
    expect(await ids(items().where('a', 'in', [null, 2]))).toEqual(['two']);
  });

  // NaN sorts before every number but is not inside a numeric range: the SDK system test 'can use on special
  // values' (official emulator) expects sort <= 2 to skip a NaN sort.
  it('a range filter never matches null or NaN', async () => {
    expect(await ids(items().where('a', '>=', -Infinity))).toEqual(['one', 'two']);
    expect(await ids(items().where('a', '<', 3))).toEqual(['one', 'two']);
  });
});

describe('queries: types in filters', () => {
  beforeEach(() =>
    seed(items(), {
      int1: { a: 1 },
      dbl15: { a: 1.5 },
      int2: { a: 2 },
      dbl225: { a: 2.25 },
      str: { a: '2' },
      bool: { a: true },
      arr: { a: [5] },
      ts: { a: Timestamp.fromMillis(5) },
      nul: { a: null },
    }),
  );

  it('a numeric range matches only numbers, ints and doubles compared as numbers', async () => {
    expect(await ids(items().where('a', '>', 1).where('a', '<', 2.5))).toEqual(['dbl15', 'int2', 'dbl225']);
  });

  it('a string range matches only strings', async () => {
    expect(await ids(items().where('a', '>=', ''))).toEqual(['str']);
  });

  it('a timestamp range matches only timestamps', async () => {
    expect(await ids(items().where('a', '<', Timestamp.fromMillis(1_000_000)))).toEqual(['ts']);
  });

  it('a boolean range matches only booleans', async () => {
    expect(await ids(items().where('a', '>=', false))).toEqual(['bool']);
  });

  it('in matches ints and doubles by value', async () => {
    expect(await ids(items().where('a', 'in', [2.25, 2]))).toEqual(['dbl225', 'int2']);
  });
});

describe('queries: arrays', () => {
  beforeEach(() =>
    seed(items(), {
      ab: { tags: ['a', 'b'] },
      c: { tags: ['c'] },
      a: { tags: ['a'] },
      scalar: { tags: 'a' },
      maps: { tags: [{ k: 1 }] },
    }),
  );

  it('array-contains matches array elements, not scalars', async () => {
    expect(await ids(items().where('tags', 'array-contains', 'a'))).toEqual(['a', 'ab']);
  });

  it('array-contains-any matches by element', async () => {
    expect(await ids(items().where('tags', 'array-contains-any', ['a', 'c']))).toEqual(['a', 'ab', 'c']);
  });

  it('array-contains-any matches map elements by value', async () => {
    expect(await ids(items().where('tags', 'array-contains-any', [{ k: 1 }]))).toEqual(['maps']);
  });

  it('in with an array value matches the whole array', async () => {
    expect(await ids(items().where('tags', 'in', [['a', 'b'], ['a']]))).toEqual(['a', 'ab']);
  });
});

describe('queries: OR filters', () => {
  beforeEach(() =>
    seed(items(), {
      d1: { a: 1, b: 1 },
      d2: { a: 2, b: 2 },
      d3: { a: 3, b: 1 },
      d4: { a: 4, b: 4 },
    }),
  );

  it('an OR of equalities returns the union, by name', async () => {
    expect(
      await ids(items().where(Filter.or(Filter.where('a', '==', 4), Filter.where('b', '==', 1)))),
    ).toEqual(['d1', 'd3', 'd4']);
  });

  it('an AND of ORs applies both', async () => {
    const q = items().where(
      Filter.and(
        Filter.or(Filter.where('a', '==', 1), Filter.where('a', '==', 2), Filter.where('a', '==', 3)),
        Filter.or(Filter.where('b', '==', 2), Filter.where('b', '==', 1)),
        Filter.where('a', '>', 1),
      ),
    );
    expect(await ids(q)).toEqual(['d2', 'd3']);
  });
});

describe('queries: limits of in, not-in, array-contains-any and OR', () => {
  const values = (n: number) => Array.from({ length: n }, (_, i) => i);

  beforeEach(() => seed(items(), { d1: { a: 1, tags: [29] } }));

  it('in accepts 30 values', async () => {
    expect(await ids(items().where('a', 'in', values(30)))).toEqual(['d1']);
  });

  it('in with 31 values is INVALID_ARGUMENT, and the next query still works', async () => {
    const err = await rejection(items().where('a', 'in', values(31)).get());
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
    expect(await ids(items())).toEqual(['d1']);
  });

  it('array-contains-any accepts 30 values', async () => {
    expect(await ids(items().where('tags', 'array-contains-any', values(30)))).toEqual(['d1']);
  });

  it('array-contains-any with 31 values is INVALID_ARGUMENT', async () => {
    const err = await rejection(items().where('tags', 'array-contains-any', values(31)).get());
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
  });

  it('not-in accepts 10 values', async () => {
    expect(
      await ids(
        items().where(
          'a',
          'not-in',
          values(10).map((v) => v + 100),
        ),
      ),
    ).toEqual(['d1']);
  });

  it('not-in with 11 values is INVALID_ARGUMENT', async () => {
    const err = await rejection(items().where('a', 'not-in', values(11)).get());
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
  });

  // "Cloud Firestore limits a query to a maximum of 30 disjunctions in disjunctive normal form." (firebase.google.com/docs/firestore/query-data/queries#limits_on_or_queries)
  it('an AND of two ins expanding to 30 disjunctions is accepted', async () => {
    expect(await ids(items().where('a', 'in', values(5)).where('b', 'in', values(6)))).toEqual([]);
  });

  it('an AND of two ins expanding to 35 disjunctions is INVALID_ARGUMENT', async () => {
    const err = await rejection(items().where('a', 'in', values(5)).where('b', 'in', values(7)).get());
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
  });

  it('an OR of 31 equalities is INVALID_ARGUMENT, and the next query still works', async () => {
    const q = items().where(Filter.or(...values(31).map((v) => Filter.where('a', '==', v))));
    const err = await rejection(q.get());
    expect(err.code).toBe(Code.INVALID_ARGUMENT);
    expect(await ids(items().where(Filter.or(...values(30).map((v) => Filter.where('a', '==', v)))))).toEqual(
      ['d1'],
    );
  });
});

describe('queries: document ids, projections and field paths', () => {
  beforeEach(() =>
    seed(items(), {
      a: { n: 1, m: { x: 3 }, 'we.ird': 1, extra: 'a' },
      b: { n: 2, m: { x: 1 }, 'we.ird': 2, extra: 'b' },
      c: { n: 3, m: { x: 2 }, extra: 'c' },
      d: { n: 4, extra: 'd' },
    }),
  );

  it('a range filter on the document id selects by name', async () => {
    expect(
      await ids(items().where(FieldPath.documentId(), '>=', 'b').where(FieldPath.documentId(), '<', 'd')),
    ).toEqual(['b', 'c']);
  });

  it('in and not-in on the document id match by name', async () => {
    expect(await ids(items().where(FieldPath.documentId(), 'in', ['d', 'a', 'zz']))).toEqual(['a', 'd']);
    expect(await ids(items().where(FieldPath.documentId(), 'not-in', ['a', 'c']))).toEqual(['b', 'd']);
  });

  it('select returns only the projected fields', async () => {
    const snap = await items().where('n', '<=', 2).select('n', 'm.x').get();
    expect(snap.docs.map((d) => d.data())).toEqual([
      { n: 1, m: { x: 3 } },
      { n: 2, m: { x: 1 } },
    ]);
  });

  it('select with no fields returns the documents without data', async () => {
    const snap = await items().select().get();
    expect(snap.docs.map((d) => [d.id, d.data()])).toEqual([
      ['a', {}],
      ['b', {}],
      ['c', {}],
      ['d', {}],
    ]);
  });

  it('orders and filters on a nested field path', async () => {
    expect(await ids(items().orderBy('m.x'))).toEqual(['b', 'c', 'a']);
    expect(await ids(items().where('m.x', '>=', 2))).toEqual(['c', 'a']);
  });

  it('filters on a field whose name needs quoting', async () => {
    expect(await ids(items().where(new FieldPath('we.ird'), '==', 2))).toEqual(['b']);
    expect(await ids(items().orderBy(new FieldPath('we.ird'), 'desc'))).toEqual(['b', 'a']);
  });

  it('limit with a descending order returns the top documents', async () => {
    expect(await ids(items().orderBy('n', 'desc').limit(2))).toEqual(['d', 'c']);
  });
});

// Multiple inequality fields; the SDK's system tests run the same shapes against the official emulator only.
describe('queries: multiple inequality fields', () => {
  beforeEach(() =>
    seed(items(), {
      d1: { key: 'a', sort: 0, v: 0 },
      d2: { key: 'b', sort: 3, v: 1 },
      d3: { key: 'c', sort: 1, v: 3 },
      d4: { key: 'd', sort: 2, v: 2 },
      d5: { key: 'e', sort: NaN, v: 1 },
      d6: { key: 'f', sort: null, v: 3 },
      d7: { key: 'g', v: 0 },
    }),
  );

  it('filters on three inequality fields at once', async () => {
    expect(await ids(items().where('key', '!=', 'a').where('sort', '<=', 2).where('v', '>', 2))).toEqual([
      'd3',
    ]);
  });

  it('two inequalities on one field intersect', async () => {
    expect(await ids(items().where('key', '!=', 'a').where('sort', '<=', 2).where('sort', '>', 1))).toEqual([
      'd4',
    ]);
  });

  it('combines inequalities with in and not-in', async () => {
    expect(
      await ids(
        items()
          .where('key', '>=', 'a')
          .where('sort', '<=', 2)
          .where('v', 'in', [2, 3, 4])
          .where('sort', 'in', [2, 3]),
      ),
    ).toEqual(['d4']);
    expect(
      await ids(items().where('key', '>=', 'a').where('sort', '<=', 2).where('v', 'not-in', [2, 4, 5])),
    ).toEqual(['d1', 'd3']);
  });

  it('an explicit order comes first, then the inequality fields in the same direction', async () => {
    const base = items().where('key', '>=', 'a').where('sort', '<=', 2).orderBy('v', 'desc');
    expect(await ids(base)).toEqual(['d3', 'd4', 'd1']);
    expect(await ids(base.limit(2))).toEqual(['d3', 'd4']);
    expect(await ids(base.limitToLast(2))).toEqual(['d4', 'd1']);
  });

  it('NaN, null and missing values never satisfy a range filter', async () => {
    expect(await ids(items().where('key', '!=', 'a').where('sort', '<=', 2))).toEqual(['d3', 'd4']);
  });

  it('a document snapshot cursor follows the normalized multi-field order', async () => {
    const d3 = await items().doc('d3').get();
    // Normalized order: key, sort, then __name__, all ascending; the snapshot supplies a value for each.
    expect(await ids(items().where('key', '!=', 'a').where('sort', '<=', 2).startAfter(d3))).toEqual(['d4']);
  });
});
