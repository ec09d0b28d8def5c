import { GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { ids, useProject } from './helpers';

const { db } = useProject('ordering');

describe('order across types', () => {
  it('orders null < booleans < numbers (NaN first) < timestamps < strings < bytes < references < geopoints < arrays < maps', async () => {
    // Ids are chosen so that name order differs from the expected value order.
    const values: [string, unknown][] = [
      ['v01', null],
      ['v02', false],
      ['v03', true],
      ['v04', NaN],
      ['v05', -Infinity],
      ['v06', -1],
      ['v07', 0.5],
      ['v08', 1],
      ['v09', 1.5],
      ['v10', Infinity],
      ['v11', Timestamp.fromMillis(0)],
      ['v12', Timestamp.fromMillis(1)],
      ['v13', ''],
      ['v14', 'B'],
      ['v15', 'a'],
      ['v16', 'z'],
      ['v17', 'é'],
      ['v18', '\uFFFD'],
      ['v19', '😀'],
      ['v20', Buffer.from([])],
      ['v21', Buffer.from([1])],
      ['v22', Buffer.from([1, 0])],
      ['v23', Buffer.from([2])],
      ['v24', db.doc('a/b')],
      ['v25', db.doc('a/b/c/d')],
      ['v26', db.doc('a/c')],
      ['v27', new GeoPoint(-10, 50)],
      ['v28', new GeoPoint(10, -50)],
      ['v29', new GeoPoint(10, 50)],
      ['v30', []],
      ['v31', [1, 2]],
      ['v32', [1, 2, 0]],
      ['v33', [1, 3]],
      ['v34', ['a']],
      ['v35', {}],
      ['v36', { a: 1 }],
      ['v37', { a: 1, b: 0 }],
      ['v38', { a: 2 }],
      ['v39', { b: 0 }],
    ];
    const coll = db.collection('mixed');
    const batch = db.batch();
    // Write in reverse so neither insertion nor name order can pass by accident.
    for (const [id, v] of [...values].reverse())
      batch.set(coll.doc(`x${100 - Number(id.slice(1))}`), { v, id });
    await batch.commit();
    const asc = (await coll.orderBy('v').get()).docs.map((d) => d.get('id') as string);
    expect(asc).toEqual(values.map(([id]) => id));
    const desc = (await coll.orderBy('v', 'desc').get()).docs.map((d) => d.get('id') as string);
    expect(desc).toEqual(values.map(([id]) => id).reverse());
  });

  it('maps are equal regardless of key insertion order', async () => {
    await db.doc('m/ab').set({ v: { a: 1, b: 0 } });
    await db.doc('m/other').set({ v: { a: 1, b: 1 } });
    expect(await ids(db.collection('m').where('v', '==', { b: 0, a: 1 }))).toEqual(['ab']);
  });

  it('arrays are equal only with the same elements in the same order', async () => {
    await db.doc('a/12').set({ v: [1, 2] });
    await db.doc('a/21').set({ v: [2, 1] });
    expect(await ids(db.collection('a').where('v', '==', [1, 2]))).toEqual(['12']);
  });

  it('strings compare by UTF-8 bytes, not UTF-16 code units', async () => {
    // U+FFFD is EF BF BD in UTF-8 and sorts before U+1F600 (F0 9F 98 80); in UTF-16 the surrogate D83D sorts first.
    await db.doc('s/emoji').set({ s: '😀' });
    await db.doc('s/replacement').set({ s: '\uFFFD' });
    expect(await ids(db.collection('s').orderBy('s'))).toEqual(['replacement', 'emoji']);
    expect(await ids(db.collection('s').where('s', '>', '\uFFFD'))).toEqual(['emoji']);
  });

  // The SDK system test 'snapshot listener sorts unicode strings in map key same as server' relies on this.
  it('map keys compare by UTF-8 bytes too', async () => {
    await db.doc('mk/emoji').set({ v: { '😀': true } });
    await db.doc('mk/replacement').set({ v: { '\uFFFD': true } });
    await db.doc('mk/upper').set({ v: { Z: true } });
    expect(await ids(db.collection('mk').orderBy('v'))).toEqual(['upper', 'replacement', 'emoji']);
  });

  it('document ids order by UTF-8 bytes too', async () => {
    await db.doc('n/😀').set({});
    await db.doc('n/\uFFFD').set({});
    await db.doc('n/Z').set({});
    await db.doc('n/a').set({});
    expect(await ids(db.collection('n'))).toEqual(['Z', 'a', '\uFFFD', '😀']);
  });

  it('numeric document ids order as strings', async () => {
    for (const id of ['10', '9', '100']) await db.doc(`k/${id}`).set({});
    expect(await ids(db.collection('k'))).toEqual(['10', '100', '9']);
  });
});
