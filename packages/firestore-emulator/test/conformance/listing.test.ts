import { useProject } from './helpers';

const { db } = useProject('listing');

async function write(paths: string[]): Promise<void> {
  const batch = db.batch();
  for (const path of paths) batch.set(db.doc(path), { path });
  await batch.commit();
}

describe('listCollections', () => {
  it('lists the root collections sorted by id', async () => {
    await write(['zeta/a', 'alpha/a', 'Beta/a', 'alpha/b']);
    expect((await db.listCollections()).map((c) => c.id)).toEqual(['Beta', 'alpha', 'zeta']);
  });

  it('lists a collection that only has documents deeper down', async () => {
    await write(['ghost/missing/sub/doc']);
    expect((await db.listCollections()).map((c) => c.id)).toEqual(['ghost']);
    expect((await db.doc('ghost/missing').listCollections()).map((c) => c.id)).toEqual(['sub']);
  });

  it('lists the subcollections of a document, not the grandchildren', async () => {
    await write([
      'rooms/r1',
      'rooms/r1/messages/m1',
      'rooms/r1/members/u1',
      'rooms/r1/messages/m1/reactions/x',
      'rooms/r2/pins/p',
    ]);
    expect((await db.doc('rooms/r1').listCollections()).map((c) => c.id)).toEqual(['members', 'messages']);
  });

  it('returns nothing for a document without subcollections, and at an empty root', async () => {
    expect(await db.listCollections()).toEqual([]);
    await write(['rooms/r1']);
    expect(await db.doc('rooms/r1').listCollections()).toEqual([]);
  });

  it('forgets a collection once its last document is deleted', async () => {
    await write(['rooms/r1', 'temp/t1']);
    await db.doc('temp/t1').delete();
    expect((await db.listCollections()).map((c) => c.id)).toEqual(['rooms']);
  });
});

describe('listDocuments', () => {
  it('lists existing documents and missing parents of subcollection documents, by name', async () => {
    await write(['rooms/b', 'rooms/a/messages/m1', 'rooms/c', 'rooms/d/x/y/z/w']);
    const refs = await db.collection('rooms').listDocuments();
    expect(refs.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    const snaps = await db.getAll(...refs);
    expect(snaps.map((s) => s.exists)).toEqual([false, true, true, false]);
  });

  it('does not list documents of nested collections with the same id', async () => {
    await write(['rooms/a', 'x/y/rooms/b']);
    expect((await db.collection('rooms').listDocuments()).map((r) => r.id)).toEqual(['a']);
  });

  it('pages through more documents than one page holds', async () => {
    const batch = db.batch();
    const expected: string[] = [];
    for (let i = 0; i < 450; i++) {
      const id = `doc${String(i).padStart(4, '0')}`;
      expected.push(id);
      batch.set(db.doc(`many/${id}`), { i });
    }
    await batch.commit();
    expect((await db.collection('many').listDocuments()).map((r) => r.id)).toEqual(expected);
  });

  it('is empty for an unknown collection', async () => {
    expect(await db.collection('nothing').listDocuments()).toEqual([]);
  });
});
