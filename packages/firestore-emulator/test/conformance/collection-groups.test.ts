import { FieldPath, type QuerySnapshot } from 'firebase-admin/firestore';
import { ids, useProject } from './helpers';

const { db } = useProject('groups');

async function write(paths: string[]): Promise<void> {
  const batch = db.batch();
  for (const path of paths) batch.set(db.doc(path), { path });
  await batch.commit();
}

const paths = (snap: QuerySnapshot) => snap.docs.map((d) => d.ref.path);

describe('collection groups', () => {
  beforeEach(() =>
    write([
      'rooms/r1/messages/m1',
      'rooms/r2/messages/m2',
      'messages/m3',
      'rooms/r1/messages/m1/messages/m4',
      'rooms/r1/messagesX/x1',
      'rooms/r1/other/o1',
      'users/u1/rooms/r1/messages/m5',
    ]),
  );

  it('a collection group query matches collections with exactly that id at any depth, by full path', async () => {
    expect(paths(await db.collectionGroup('messages').get())).toEqual([
      'messages/m3',
      'rooms/r1/messages/m1',
      'rooms/r1/messages/m1/messages/m4',
      'rooms/r2/messages/m2',
      'users/u1/rooms/r1/messages/m5',
    ]);
  });

  it('a collection group query applies filters', async () => {
    const snap = await db
      .collectionGroup('messages')
      .where('path', '>=', 'rooms/')
      .where('path', '<', 'rooms0')
      .get();
    expect(paths(snap)).toEqual([
      'rooms/r1/messages/m1',
      'rooms/r1/messages/m1/messages/m4',
      'rooms/r2/messages/m2',
    ]);
  });

  it('a collection group query bounded by document paths scopes to one parent', async () => {
    const snap = await db
      .collectionGroup('messages')
      .orderBy(FieldPath.documentId())
      .startAt('rooms/r1')
      .endAt('rooms/r1\uf8ff')
      .get();
    expect(paths(snap)).toEqual(['rooms/r1/messages/m1', 'rooms/r1/messages/m1/messages/m4']);
  });

  it('paging a collection group by document snapshot continues across parents', async () => {
    const first = await db.collectionGroup('messages').orderBy('path').limit(2).get();
    expect(paths(first)).toEqual(['messages/m3', 'rooms/r1/messages/m1']);
    const next = await db
      .collectionGroup('messages')
      .orderBy('path')
      .startAfter(first.docs[1])
      .limit(2)
      .get();
    expect(paths(next)).toEqual(['rooms/r1/messages/m1/messages/m4', 'rooms/r2/messages/m2']);
  });

  it('a plain collection query does not reach nested collections of the same id', async () => {
    expect(await ids(db.collection('messages'))).toEqual(['m3']);
  });

  it('a collection group of an unused id is empty', async () => {
    expect((await db.collectionGroup('nothing').get()).size).toBe(0);
  });
});

describe('recursiveDelete', () => {
  beforeEach(() =>
    write([
      'rooms/r1',
      'rooms/r1/messages/m1',
      'rooms/r1/messages/m1/reactions/x',
      'rooms/r1/members/u1',
      'rooms/r2/messages/m2',
      'rooms/r10/messages/m3',
    ]),
  );

  it('deletes a document, its subcollections at every depth, and nothing else', async () => {
    await db.recursiveDelete(db.doc('rooms/r1'));
    expect((await db.doc('rooms/r1').get()).exists).toBe(false);
    expect(paths(await db.collectionGroup('messages').get())).toEqual([
      'rooms/r10/messages/m3',
      'rooms/r2/messages/m2',
    ]);
    expect((await db.collectionGroup('reactions').get()).size).toBe(0);
    expect((await db.collectionGroup('members').get()).size).toBe(0);
  });

  it('deletes a collection including documents under missing parents', async () => {
    await db.recursiveDelete(db.collection('rooms'));
    expect((await db.collectionGroup('messages').get()).size).toBe(0);
    expect((await db.listCollections()).map((c) => c.id)).toEqual([]);
  });

  it('deletes under a missing parent document', async () => {
    await db.recursiveDelete(db.doc('rooms/r2'));
    expect(paths(await db.collectionGroup('messages').get())).toEqual([
      'rooms/r1/messages/m1',
      'rooms/r10/messages/m3',
    ]);
  });
});
