import * as grpc from '@grpc/grpc-js';
import { GrpcError } from '../src/errors';
import { documentMatches, normalizeQuery, type StructuredQuery } from '../src/query';
import { Store } from '../src/store';
import type { Value } from '../src/values';
import { DB, ROOT, docName, setWrite, v } from './fixtures';

type Filter = NonNullable<StructuredQuery['where']>;
const field = (fieldPath: string) => ({ fieldPath });
const where = (path: string, op: string, value: Value): Filter =>
  ({ filterType: 'fieldFilter', fieldFilter: { field: field(path), op, value } }) as Filter;
const unary = (path: string, op: string): Filter =>
  ({ filterType: 'unaryFilter', unaryFilter: { field: field(path), op, operandType: 'field' } }) as Filter;
const and = (...filters: Filter[]): Filter => ({
  filterType: 'compositeFilter',
  compositeFilter: { op: 'AND', filters },
});
const or = (...filters: Filter[]): Filter => ({
  filterType: 'compositeFilter',
  compositeFilter: { op: 'OR', filters },
});
const order = (path: string, direction: 'ASCENDING' | 'DESCENDING' = 'ASCENDING') => ({
  field: field(path),
  direction,
});

function ids(store: Store, q: StructuredQuery, parent = ROOT): string[] {
  return store.runQuery(parent, q).map((d) => d.name.slice(ROOT.length + 1));
}
function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof GrpcError ? err.code : -1;
  }
  return undefined;
}

describe('query normalization', () => {
  test('When inequalities are unordered, then their fields are appended in field-path order, then __name__ (even when it has an inequality), in the last direction', () => {
    const q = normalizeQuery(ROOT, {
      from: [{ collectionId: 'c' }],
      where: and(
        where('z', 'GREATER_THAN', v.int(1)),
        where('b', 'NOT_EQUAL', v.int(1)),
        where('a.x', 'GREATER_THAN_OR_EQUAL', v.int(0)),
        where('__name__', 'GREATER_THAN', v.ref('c/a')),
      ),
      orderBy: [order('m', 'DESCENDING')],
    });
    expect(q.orders.map((o) => [o.path, o.descending])).toEqual([
      ['m', true],
      ['a.x', true],
      ['b', true],
      ['z', true],
      ['__name__', true],
    ]);
  });

  test('When a cursor has more values than orders, then the query is INVALID_ARGUMENT', () => {
    const code = codeOf(() =>
      normalizeQuery(ROOT, {
        from: [{ collectionId: 'c' }],
        startAt: { values: [v.ref('c/a'), v.int(1)], before: true },
      }),
    );
    expect(code).toBe(grpc.status.INVALID_ARGUMENT);
  });

  test('When in has 31 values or not-in 11, then the query is INVALID_ARGUMENT', () => {
    const list = (n: number) => v.arr(...Array.from({ length: n }, (_, i) => v.int(i)));
    const q = (f: Filter) => () => normalizeQuery(ROOT, { from: [{ collectionId: 'c' }], where: f });
    expect(codeOf(q(where('a', 'IN', list(30))))).toBeUndefined();
    expect(codeOf(q(where('a', 'IN', list(31))))).toBe(grpc.status.INVALID_ARGUMENT);
    expect(codeOf(q(where('a', 'ARRAY_CONTAINS_ANY', list(31))))).toBe(grpc.status.INVALID_ARGUMENT);
    expect(codeOf(q(where('a', 'NOT_IN', list(10))))).toBeUndefined();
    expect(codeOf(q(where('a', 'NOT_IN', list(11))))).toBe(grpc.status.INVALID_ARGUMENT);
  });

  test('When a query has two of !=, not-in, is-not-null, is-not-nan, even in an OR, then it is INVALID_ARGUMENT', () => {
    const q = (f: Filter) => () => normalizeQuery(ROOT, { from: [{ collectionId: 'c' }], where: f });
    expect(
      codeOf(q(and(where('a', 'NOT_EQUAL', v.int(1)), where('b', 'GREATER_THAN', v.int(1))))),
    ).toBeUndefined();
    expect(codeOf(q(and(where('a', 'NOT_EQUAL', v.int(1)), unary('b', 'IS_NOT_NULL'))))).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
    expect(codeOf(q(or(where('a', 'NOT_IN', v.arr(v.int(1))), unary('a', 'IS_NOT_NAN'))))).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
  });

  test('When __name__ is ordered before another field, explicitly or by an inequality, then the query is INVALID_ARGUMENT', () => {
    const q = (extra: Partial<StructuredQuery>) => () =>
      normalizeQuery(ROOT, { from: [{ collectionId: 'c' }], ...extra });
    expect(codeOf(q({ orderBy: [order('a'), order('__name__')] }))).toBeUndefined();
    expect(codeOf(q({ orderBy: [order('__name__'), order('a')] }))).toBe(grpc.status.INVALID_ARGUMENT);
    expect(codeOf(q({ orderBy: [order('__name__')], where: where('a', 'GREATER_THAN', v.int(0)) }))).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
  });

  test('When an aggregation adds order fields, then they follow the explicit and inequality orders, in field-path order', () => {
    const q = normalizeQuery(
      ROOT,
      {
        from: [{ collectionId: 'c' }],
        where: where('z', 'GREATER_THAN', v.int(0)),
        orderBy: [order('m', 'DESCENDING')],
      },
      { orderByFields: [['b'], ['a'], ['m'], ['z']] },
    );
    expect(q.orders.map((o) => [o.path, o.descending])).toEqual([
      ['m', true],
      ['z', true],
      ['a', true],
      ['b', true],
      ['__name__', true],
    ]);
  });

  test('When an OR expands to more than 30 disjunctions, then the query is INVALID_ARGUMENT', () => {
    const list = (n: number) => v.arr(...Array.from({ length: n }, (_, i) => v.int(i)));
    const f = and(where('a', 'IN', list(6)), or(where('b', 'IN', list(5)), where('c', 'EQUAL', v.int(1))));
    expect(codeOf(() => normalizeQuery(ROOT, { from: [{ collectionId: 'c' }], where: f }))).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
  });
});

describe('query execution', () => {
  let store: Store;
  beforeEach(() => {
    store = new Store();
    store.commit(DB, [
      setWrite('c/a', { n: v.int(1), s: v.str('x'), tags: v.arr(v.str('red'), v.str('blue')) }),
      setWrite('c/b', { n: v.double(2.5), s: v.null() }),
      setWrite('c/c', { n: v.str('3') }),
      setWrite('c/d', { n: v.double(NaN), tags: v.arr(v.str('green')) }),
      setWrite('c/e', {}),
      setWrite('c/a/sub/x', { n: v.int(10) }),
      setWrite('other/y/c/z', { n: v.int(20) }),
    ]);
  });

  test('When ordering by a field, then documents without it are excluded', () => {
    expect(ids(store, { from: [{ collectionId: 'c' }], orderBy: [order('n')] })).toEqual([
      'c/d',
      'c/a',
      'c/b',
      'c/c',
    ]);
    expect(ids(store, { from: [{ collectionId: 'c' }], orderBy: [order('n', 'DESCENDING')] })).toEqual([
      'c/c',
      'c/b',
      'c/a',
      'c/d',
    ]);
  });

  test('When a range filter bounds a number, then NaN never matches, though it sorts first', () => {
    expect(ids(store, { from: [{ collectionId: 'c' }], where: where('n', 'LESS_THAN', v.int(3)) })).toEqual([
      'c/a',
      'c/b',
    ]);
  });

  test('When a range filter is numeric, then only numbers match and ints and doubles compare together', () => {
    expect(
      ids(store, { from: [{ collectionId: 'c' }], where: where('n', 'GREATER_THAN_OR_EQUAL', v.int(1)) }),
    ).toEqual(['c/a', 'c/b']);
  });

  test('When filtering != or not-in, then null and missing fields are excluded; not-in [null] matches nothing', () => {
    expect(ids(store, { from: [{ collectionId: 'c' }], where: where('s', 'NOT_EQUAL', v.str('y')) })).toEqual(
      ['c/a'],
    );
    expect(
      ids(store, { from: [{ collectionId: 'c' }], where: where('s', 'NOT_IN', v.arr(v.null())) }),
    ).toEqual([]);
    expect(ids(store, { from: [{ collectionId: 'c' }], where: unary('s', 'IS_NULL') })).toEqual(['c/b']);
    expect(ids(store, { from: [{ collectionId: 'c' }], where: unary('n', 'IS_NAN') })).toEqual(['c/d']);
  });

  test('When using array-contains-any and OR, then elements and branches match', () => {
    expect(
      ids(store, {
        from: [{ collectionId: 'c' }],
        where: where('tags', 'ARRAY_CONTAINS_ANY', v.arr(v.str('green'), v.str('blue'))),
      }),
    ).toEqual(['c/a', 'c/d']);
    expect(
      ids(store, {
        from: [{ collectionId: 'c' }],
        where: or(where('n', 'EQUAL', v.int(1)), where('n', 'EQUAL', v.str('3'))),
      }),
    ).toEqual(['c/a', 'c/c']);
  });

  test('When querying a collection group, then every collection with that id at any depth under the parent matches', () => {
    expect(ids(store, { from: [{ collectionId: 'c', allDescendants: true }] })).toEqual([
      'c/a',
      'c/b',
      'c/c',
      'c/d',
      'c/e',
      'other/y/c/z',
    ]);
    expect(ids(store, { from: [{ collectionId: 'sub', allDescendants: true }] }, docName('c/a'))).toEqual([
      'c/a/sub/x',
    ]);
  });

  test('When a kindless all-descendants query runs under a document, then it returns every descendant', () => {
    expect(ids(store, { from: [{ collectionId: '', allDescendants: true }] }, docName('c/a'))).toEqual([
      'c/a/sub/x',
    ]);
    expect(ids(store, { from: [{ collectionId: '', allDescendants: true }] })).toHaveLength(7);
  });

  test('When cursors are given, then start_at is inclusive, start_after exclusive, end_before exclusive', () => {
    const base = { from: [{ collectionId: 'c' }], orderBy: [order('n')] };
    expect(ids(store, { ...base, startAt: { values: [v.int(1)], before: true } })).toEqual([
      'c/a',
      'c/b',
      'c/c',
    ]);
    expect(ids(store, { ...base, startAt: { values: [v.int(1)], before: false } })).toEqual(['c/b', 'c/c']);
    expect(ids(store, { ...base, endAt: { values: [v.double(2.5)], before: true } })).toEqual(['c/d', 'c/a']);
    expect(ids(store, { ...base, startAt: { values: [v.int(1), v.ref('c/a')], before: false } })).toEqual([
      'c/b',
      'c/c',
    ]);
  });

  test('When offset and limit are set, then offset skips after filters and limit caps the rest', () => {
    expect(ids(store, { from: [{ collectionId: 'c' }], offset: 1, limit: { value: 2 } })).toEqual([
      'c/b',
      'c/c',
    ]);
  });

  test('When selecting only __name__, then documents come back without fields', () => {
    const docs = store.runQuery(ROOT, {
      from: [{ collectionId: 'c' }],
      select: { fields: [field('__name__')] },
    });
    expect(docs.every((d) => Object.keys(d.fields).length === 0)).toBe(true);
  });
});

describe('query paging over a long collection', () => {
  test('When a short limit pages a long collection, then the page matches a full sort', () => {
    const store = new Store();
    const writes = Array.from({ length: 500 }, (_, i) =>
      setWrite(`long/d${i}`, { n: v.int((i * 7919) % 101) }),
    );
    store.commit(DB, writes);
    const all = ids(store, { from: [{ collectionId: 'long' }], orderBy: [order('n', 'DESCENDING')] });
    const page = ids(store, {
      from: [{ collectionId: 'long' }],
      orderBy: [order('n', 'DESCENDING')],
      offset: 3,
      limit: { value: 20 },
    });
    expect(page).toEqual(all.slice(3, 23));
  });
});

describe('single-document matching for listeners', () => {
  const doc = (path: string, fields: Record<string, Value>) => ({
    name: docName(path),
    fields,
    createTime: { seconds: 1, nanos: 0 },
    updateTime: { seconds: 1, nanos: 0 },
  });

  test('When a document is outside the query collections, then it does not match even if the filters pass', () => {
    const q = normalizeQuery(ROOT, { from: [{ collectionId: 'c' }], where: where('n', 'EQUAL', v.int(1)) });
    expect(documentMatches(q, doc('c/a', { n: v.int(1) }))).toBe(true);
    expect(documentMatches(q, doc('d/a', { n: v.int(1) }))).toBe(false);
    expect(documentMatches(q, doc('x/y/c/a', { n: v.int(1) }))).toBe(false);
  });

  test('When a collection group query is asked about nested documents, then any depth under the parent matches', () => {
    const q = normalizeQuery(docName('rooms/r1'), { from: [{ collectionId: 'msgs', allDescendants: true }] });
    expect(documentMatches(q, doc('rooms/r1/msgs/m', {}))).toBe(true);
    expect(documentMatches(q, doc('rooms/r1/t/x/msgs/m', {}))).toBe(true);
    expect(documentMatches(q, doc('rooms/r2/msgs/m', {}))).toBe(false);
  });

  test('When a document lacks an ordered field or lies before the start cursor, then it does not match', () => {
    const q = normalizeQuery(ROOT, {
      from: [{ collectionId: 'c' }],
      orderBy: [order('n')],
      startAt: { values: [v.int(5)], before: true },
    });
    expect(documentMatches(q, doc('c/a', {}))).toBe(false);
    expect(documentMatches(q, doc('c/a', { n: v.int(4) }))).toBe(false);
    expect(documentMatches(q, doc('c/a', { n: v.int(5) }))).toBe(true);
  });
});
