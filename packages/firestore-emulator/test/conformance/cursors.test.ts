import { FieldPath } from 'firebase-admin/firestore';
import { ids, seed, useProject } from './helpers';

const { db } = useProject('cursors');
const items = () => db.collection('items');

describe('cursors: values', () => {
  beforeEach(() => seed(items(), { n1: { n: 1 }, n2: { n: 2 }, n3: { n: 3 }, n4: { n: 4 }, n5: { n: 5 } }));

  it('startAt is inclusive and endBefore exclusive', async () => {
    expect(await ids(items().orderBy('n').startAt(2).endBefore(4))).toEqual(['n2', 'n3']);
  });

  it('startAfter is exclusive and endAt inclusive', async () => {
    expect(await ids(items().orderBy('n').startAfter(2).endAt(4))).toEqual(['n3', 'n4']);
  });

  it('cursors on a descending order bound from the top', async () => {
    expect(await ids(items().orderBy('n', 'desc').startAt(4).endAt(2))).toEqual(['n4', 'n3', 'n2']);
  });

  it('a cursor value between stored values bounds correctly', async () => {
    expect(await ids(items().orderBy('n').startAt(2.5).endBefore(4.5))).toEqual(['n3', 'n4']);
  });

  it('a cursor of another type than the field sorts by type order', async () => {
    expect(await ids(items().orderBy('n').startAt('a'))).toEqual([]);
    expect(await ids(items().orderBy('n').endBefore(null))).toEqual([]);
    expect(await ids(items().orderBy('n').startAfter(null))).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('a document id cursor on __name__ pages by name', async () => {
    expect(await ids(items().orderBy(FieldPath.documentId()).startAfter('n2').endAt('n4'))).toEqual([
      'n3',
      'n4',
    ]);
  });
});

describe('cursors: prefixes of the order', () => {
  beforeEach(() =>
    seed(items(), {
      p1: { a: 1, b: 1 },
      p2: { a: 2, b: 1 },
      p3: { a: 2, b: 2 },
      p4: { a: 3, b: 1 },
    }),
  );

  it('a cursor with fewer values than orders matches a prefix: startAt(2) includes every a == 2', async () => {
    expect(await ids(items().orderBy('a').orderBy('b').startAt(2))).toEqual(['p2', 'p3', 'p4']);
  });

  it('startAfter on a prefix skips every document equal on that prefix', async () => {
    expect(await ids(items().orderBy('a').orderBy('b').startAfter(2))).toEqual(['p4']);
  });

  it('endBefore on a prefix stops before every document equal on that prefix', async () => {
    expect(await ids(items().orderBy('a').orderBy('b').endBefore(2))).toEqual(['p1']);
  });

  it('a cursor on every order compares all values', async () => {
    expect(await ids(items().orderBy('a').orderBy('b').startAfter(2, 1))).toEqual(['p3', 'p4']);
  });

  it('a cursor over an implicit inequality order bounds that field', async () => {
    // The cursor values match the normalized order: a (explicit), then __name__.
    expect(await ids(items().where('a', '>', 1).orderBy('a').startAfter(2))).toEqual(['p4']);
  });
});

describe('cursors: document snapshots', () => {
  beforeEach(() =>
    seed(items(), {
      a: { n: 1 },
      b: { n: 2 },
      c: { n: 2 },
      d: { n: 2 },
      e: { n: 3 },
    }),
  );

  it('startAfter a document snapshot returns the next page', async () => {
    const first = await items().orderBy('n').limit(2).get();
    expect(first.docs.map((d) => d.id)).toEqual(['a', 'b']);
    const last = first.docs[first.docs.length - 1];
    expect(await ids(items().orderBy('n').startAfter(last).limit(2))).toEqual(['c', 'd']);
  });

  it('paging by document snapshot through ties returns every document exactly once', async () => {
    const seen: string[] = [];
    let query = items().orderBy('n').limit(1);
    for (;;) {
      const page = await query.get();
      if (page.empty) break;
      seen.push(...page.docs.map((d) => d.id));
      query = items()
        .orderBy('n')
        .startAfter(page.docs[page.docs.length - 1])
        .limit(1);
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('startAt a document snapshot includes that document', async () => {
    const c = await items().doc('c').get();
    expect(await ids(items().orderBy('n').startAt(c))).toEqual(['c', 'd', 'e']);
  });

  it('endBefore a document snapshot stops right before it, ties included', async () => {
    const d = await items().doc('d').get();
    expect(await ids(items().orderBy('n').endBefore(d))).toEqual(['a', 'b', 'c']);
  });

  it('a document snapshot cursor on a descending order also descends by name', async () => {
    const c = await items().doc('c').get();
    expect(await ids(items().orderBy('n', 'desc').startAfter(c))).toEqual(['b', 'a']);
  });

  it('a document snapshot cursor with an inequality filter uses the implicit order', async () => {
    const b = await items().doc('b').get();
    expect(await ids(items().where('n', '>=', 2).startAfter(b))).toEqual(['c', 'd', 'e']);
  });

  it('a document snapshot cursor with no order pages by name', async () => {
    const b = await items().doc('b').get();
    expect(await ids(items().startAfter(b).limit(2))).toEqual(['c', 'd']);
  });
});

describe('cursors: too many values', () => {
  // The Node SDK refuses this before sending (query.js createCursor); the server rule (INVALID_ARGUMENT)
  // cannot be reached through firebase-admin, so this pins the SDK's refusal.
  it('a cursor with more values than orders is refused', () => {
    expect(() => items().orderBy('n').startAt(1, 2)).toThrow(/Too many cursor values/);
  });
});

describe('offset, limit and limitToLast', () => {
  beforeEach(() =>
    seed(items(), { n1: { n: 1 }, n2: { n: 2 }, n3: { n: 3 }, n4: { n: 4 }, n5: { n: 5 }, n6: { n: 6 } }),
  );

  it('offset applies after filters and before limit', async () => {
    expect(await ids(items().where('n', '>', 1).orderBy('n').offset(1).limit(2))).toEqual(['n3', 'n4']);
  });

  it('offset applies after the cursor', async () => {
    expect(await ids(items().orderBy('n').startAt(3).offset(1).limit(2))).toEqual(['n4', 'n5']);
  });

  it('an offset past the results returns nothing', async () => {
    expect(await ids(items().orderBy('n').offset(10))).toEqual([]);
  });

  it('limit(1) returns only the first result', async () => {
    expect(await ids(items().orderBy('n').limit(1))).toEqual(['n1']);
  });

  it('limitToLast returns the last documents in query order', async () => {
    expect(await ids(items().orderBy('n').limitToLast(2))).toEqual(['n5', 'n6']);
  });

  it('limitToLast with endBefore returns the page before the cursor', async () => {
    expect(await ids(items().orderBy('n').endBefore(5).limitToLast(2))).toEqual(['n3', 'n4']);
  });

  it('limitToLast with startAfter and a descending order', async () => {
    expect(await ids(items().orderBy('n', 'desc').startAfter(5).limitToLast(2))).toEqual(['n2', 'n1']);
  });
});
