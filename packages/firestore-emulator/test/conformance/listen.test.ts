import {
  FieldValue,
  type DocumentReference,
  type DocumentSnapshot,
  type Query,
  type QuerySnapshot,
  Timestamp,
} from 'firebase-admin/firestore';
import { SnapshotQueue, seed, useProject } from './helpers';

const { db } = useProject('listen');
const items = () => db.collection('items');

const open: { stop(): void }[] = [];
function listen(query: Query): SnapshotQueue<QuerySnapshot> {
  const queue = SnapshotQueue.ofQuery(query);
  open.push(queue);
  return queue;
}
function listenDoc(ref: DocumentReference): SnapshotQueue<DocumentSnapshot> {
  const queue = SnapshotQueue.ofDoc(ref);
  open.push(queue);
  return queue;
}
afterEach(() => {
  for (const queue of open.splice(0)) queue.stop();
});

const idsOf = (snap: QuerySnapshot) => snap.docs.map((d) => d.id);
const changesOf = (snap: QuerySnapshot) => snap.docChanges().map((c) => `${c.type}:${c.doc.id}`);

describe('listen: opening a listener', () => {
  it('the first snapshot of an empty query arrives, empty', async () => {
    const queue = listen(items());
    const snap = await queue.next();
    expect(snap.size).toBe(0);
    expect(snap.docChanges()).toEqual([]);
  });

  it('the first snapshot holds every match, in query order, as added changes', async () => {
    await seed(items(), { b: { n: 2 }, a: { n: 3 }, c: { n: 1 }, skip: { n: 0 } });
    const snap = await listen(items().where('n', '>', 0).orderBy('n')).next();
    expect(idsOf(snap)).toEqual(['c', 'b', 'a']);
    expect(changesOf(snap)).toEqual(['added:c', 'added:b', 'added:a']);
  });

  it('a document listener on a missing document gets a snapshot that does not exist', async () => {
    const snap = await listenDoc(db.doc('items/missing')).next();
    expect(snap.exists).toBe(false);
  });

  it('a document listener gets the current data first', async () => {
    await db.doc('items/a').set({ n: 1 });
    const snap = await listenDoc(db.doc('items/a')).next();
    expect(snap.data()).toEqual({ n: 1 });
  });

  it('the snapshot read time is not before the last commit', async () => {
    const result = await db.doc('items/a').set({ n: 1 });
    const snap = await listen(items()).next();
    expect(snap.readTime.toMillis()).toBeGreaterThanOrEqual(result.writeTime.toMillis());
  });
});

describe('listen: changes after commits', () => {
  it('reports added, modified and removed documents as they change', async () => {
    await seed(items(), { a: { n: 1 } });
    const queue = listen(items());
    expect(idsOf(await queue.next())).toEqual(['a']);

    await db.doc('items/b').set({ n: 2 });
    let snap = await queue.next();
    expect(changesOf(snap)).toEqual(['added:b']);
    expect(idsOf(snap)).toEqual(['a', 'b']);

    await db.doc('items/a').update({ n: 10 });
    snap = await queue.next();
    expect(changesOf(snap)).toEqual(['modified:a']);
    expect(snap.docs[0].get('n')).toBe(10);

    await db.doc('items/b').delete();
    snap = await queue.next();
    expect(changesOf(snap)).toEqual(['removed:b']);
    expect(idsOf(snap)).toEqual(['a']);
  });

  it('one commit of several documents arrives as one snapshot', async () => {
    const queue = listen(items());
    await queue.next();
    await db.batch().set(db.doc('items/a'), { n: 1 }).set(db.doc('items/b'), { n: 2 }).commit();
    const snap = await queue.next();
    expect(changesOf(snap)).toEqual(['added:a', 'added:b']);
  });

  it('a document that stops matching the query is removed', async () => {
    await seed(items(), { a: { status: 'open' }, b: { status: 'open' } });
    const queue = listen(items().where('status', '==', 'open'));
    expect(idsOf(await queue.next())).toEqual(['a', 'b']);
    await db.doc('items/a').update({ status: 'closed' });
    const snap = await queue.next();
    expect(changesOf(snap)).toEqual(['removed:a']);
    expect(idsOf(snap)).toEqual(['b']);
    expect((await db.doc('items/a').get()).exists).toBe(true);
  });

  it('a document that starts matching the query is added', async () => {
    await seed(items(), { a: { status: 'closed' } });
    const queue = listen(items().where('status', '==', 'open'));
    expect(idsOf(await queue.next())).toEqual([]);
    await db.doc('items/a').update({ status: 'open' });
    expect(changesOf(await queue.next())).toEqual(['added:a']);
  });

  it('a document moving within an ordered query reports its new position', async () => {
    await seed(items(), { a: { n: 1 }, b: { n: 2 }, c: { n: 3 } });
    const queue = listen(items().orderBy('n'));
    await queue.next();
    await db.doc('items/a').update({ n: 4 });
    const snap = await queue.next();
    expect(idsOf(snap)).toEqual(['b', 'c', 'a']);
    const [change] = snap.docChanges();
    expect([change.type, change.doc.id, change.oldIndex, change.newIndex]).toEqual(['modified', 'a', 0, 2]);
  });

  it('a write to another collection sends no snapshot to the listener', async () => {
    const queue = listen(items());
    await queue.next();
    await db.doc('other/x').set({ n: 1 });
    await db.doc('items/a').set({ n: 1 });
    expect(changesOf(await queue.next())).toEqual(['added:a']);
    expect(queue.pending).toBe(0);
  });

  it('a document listener sees the update and then the delete', async () => {
    await db.doc('items/a').set({ n: 1 });
    const queue = listenDoc(db.doc('items/a'));
    await queue.next();
    await db.doc('items/a').update({ n: 2 });
    expect((await queue.next()).get('n')).toBe(2);
    await db.doc('items/a').delete();
    expect((await queue.next()).exists).toBe(false);
  });

  it('each snapshot after a commit has a read time not before that commit, increasing', async () => {
    const queue = listen(items());
    const first = await queue.next();
    const result = await db.doc('items/a').set({ n: 1 });
    const second = await queue.next();
    expect(second.readTime.toMillis()).toBeGreaterThanOrEqual(result.writeTime.toMillis());
    expect(second.readTime.valueOf() > first.readTime.valueOf()).toBe(true);
    expect(second.docs[0].updateTime.isEqual(result.writeTime)).toBe(true);
  });

  it('server timestamps reach listeners resolved, as stored, with the document at the commit time', async () => {
    const queue = listenDoc(db.doc('items/a'));
    await queue.next();
    const result = await db.doc('items/a').set({ at: FieldValue.serverTimestamp() });
    const snap = await queue.next();
    const stored = (await db.doc('items/a').get()).get('at') as Timestamp;
    expect(snap.get('at')).toBeInstanceOf(Timestamp);
    expect((snap.get('at') as Timestamp).isEqual(stored)).toBe(true);
    expect(snap.updateTime!.isEqual(result.writeTime)).toBe(true);
  });
});

describe('listen: collection groups and transactions', () => {
  it('a collection group listener sees a new document at any depth', async () => {
    const queue = listen(db.collectionGroup('messages'));
    expect((await queue.next()).size).toBe(0);
    await db.doc('rooms/r1/messages/m1').set({ text: 'hi' });
    const snap = await queue.next();
    expect(snap.docs.map((d) => d.ref.path)).toEqual(['rooms/r1/messages/m1']);
  });

  it('a transaction commit reaches listeners as one snapshot', async () => {
    await seed(items(), { a: { n: 1 } });
    const queue = listen(items());
    await queue.next();
    await db.runTransaction(async (t) => {
      const a = await t.get(db.doc('items/a'));
      t.update(db.doc('items/a'), { n: (a.get('n') as number) + 1 });
      t.set(db.doc('items/b'), { n: 0 });
    });
    const snap = await queue.next();
    expect(changesOf(snap).sort()).toEqual(['added:b', 'modified:a']);
    expect(snap.docs.map((d) => d.get('n'))).toEqual([2, 0]);
  });
});

describe('listen: limit queries', () => {
  it('a limit window refills from the next match when a member is deleted', async () => {
    await seed(items(), { a: { n: 1 }, b: { n: 2 }, c: { n: 3 }, d: { n: 4 } });
    const queue = listen(items().orderBy('n').limit(2));
    expect(idsOf(await queue.next())).toEqual(['a', 'b']);
    await db.doc('items/a').delete();
    const snap = await queue.next();
    expect(idsOf(snap)).toEqual(['b', 'c']);
    expect(changesOf(snap).sort()).toEqual(['added:c', 'removed:a']);
  });

  it('a limit window drops its last member when a better match arrives', async () => {
    await seed(items(), { a: { n: 1 }, b: { n: 2 }, c: { n: 3 } });
    const queue = listen(items().orderBy('n').limit(2));
    await queue.next();
    await db.doc('items/z').set({ n: 0 });
    const snap = await queue.next();
    expect(idsOf(snap)).toEqual(['z', 'a']);
  });

  it('a limit window refills when a member stops matching', async () => {
    await seed(items(), { a: { n: 1, on: true }, b: { n: 2, on: true }, c: { n: 3, on: true } });
    const queue = listen(items().where('on', '==', true).orderBy('n').limit(2));
    await queue.next();
    await db.doc('items/b').update({ on: false });
    expect(idsOf(await queue.next())).toEqual(['a', 'c']);
  });

  it('limitToLast listeners keep the last documents', async () => {
    await seed(items(), { a: { n: 1 }, b: { n: 2 }, c: { n: 3 } });
    const queue = listen(items().orderBy('n').limitToLast(2));
    expect(idsOf(await queue.next())).toEqual(['b', 'c']);
    await db.doc('items/c').delete();
    expect(idsOf(await queue.next())).toEqual(['a', 'b']);
  });
});

describe('listen: scale', () => {
  it('300 concurrent listeners all see one commit', async () => {
    await db.doc('items/hot').set({ n: 0 });
    const queues = Array.from({ length: 300 }, (_, i) =>
      i % 2 === 0 ? listen(items().where('n', '>=', 0)) : listen(items().where('n', '==', 1)),
    );
    const firsts = await Promise.all(queues.map((q) => q.next(20_000)));
    expect(firsts.map((s) => s.size)).toEqual(queues.map((_, i) => (i % 2 === 0 ? 1 : 0)));
    await db.doc('items/hot').update({ n: 1 });
    const seconds = await Promise.all(queues.map((q) => q.until((s) => s.docs[0]?.get('n') === 1, 20_000)));
    expect(seconds).toHaveLength(300);
    expect(seconds.every((s) => s.size === 1 && s.docs[0].get('n') === 1)).toBe(true);
  }, 60_000);
});

// Keep-alive: the SDK restarts a Listen stream that is silent for 120 s, so proving periodic NO_CHANGE would take
// minutes per run; it is left to the emulator package's own tests.
