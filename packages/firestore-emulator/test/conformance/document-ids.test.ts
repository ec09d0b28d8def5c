import { FieldPath } from 'firebase-admin/firestore';
import { Code, ids, rejection, useProject } from './helpers';

const { db } = useProject('document-ids');

// Datastore's integer ids appear in Firestore as `__id<integer>__` document ids: the one legal form of the
// otherwise reserved `__…__` ids. They sort before string ids, by integer value.
describe('numeric document ids (__id<int>__)', () => {
  it('an int64 in __id…__ is a legal document id; other __…__ ids are INVALID_ARGUMENT', async () => {
    for (const id of ['__id7__', '__id-3__', '__id9223372036854775807__', '__id-9223372036854775808__']) {
      await db.doc(`n/${id}`).set({ id });
      expect((await db.doc(`n/${id}`).get()).get('id')).toBe(id);
    }
    for (const id of ['__id0__', '__id007__', '__id-0__', '__id+3__', '__id1.5__', '__id__', '__idx__']) {
      expect((await rejection(db.doc(`n/${id}`).set({ id }))).code).toBe(Code.INVALID_ARGUMENT);
    }
    expect((await rejection(db.doc('n/__id9223372036854775808__').set({}))).code).toBe(Code.INVALID_ARGUMENT);
  });

  it('a numeric id is still reserved as a collection id', async () => {
    expect((await rejection(db.doc('__id5__/x').set({}))).code).toBe(Code.INVALID_ARGUMENT);
  });

  describe('ordering', () => {
    const coll = () => db.collection('o');
    const sorted = ['__id-12__', '__id-3__', '__id2__', '__id10__', '0', 'A', '_', '__idz', 'a'];
    beforeEach(async () => {
      const batch = db.batch();
      for (const id of [...sorted].reverse()) batch.set(coll().doc(id), { v: 1 });
      await batch.commit();
    });

    it('numeric ids sort before string ids, by integer value', async () => {
      expect(await ids(coll())).toEqual(sorted);
      expect(await ids(coll().orderBy('v'))).toEqual(sorted);
    });

    it('range filters and cursors on the document id follow the same order', async () => {
      const id = FieldPath.documentId();
      expect(await ids(coll().where(id, '>', coll().doc('__id2__')))).toEqual(sorted.slice(3));
      expect(await ids(coll().where(id, '<', coll().doc('0')))).toEqual(sorted.slice(0, 4));
      expect(await ids(coll().orderBy(id).startAfter('__id-3__').endAt('__id10__'))).toEqual([
        '__id2__',
        '__id10__',
      ]);
    });

    it('a numeric id in a parent path orders a collection group', async () => {
      for (const parent of ['b', '__id20__', '__id3__']) await db.doc(`p/${parent}/s/x`).set({});
      const paths = (await db.collectionGroup('s').get()).docs.map((d) => d.ref.path);
      expect(paths).toEqual(['p/__id3__/s/x', 'p/__id20__/s/x', 'p/b/s/x']);
    });
  });
});
