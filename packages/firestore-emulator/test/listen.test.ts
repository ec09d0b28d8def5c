import * as grpc from '@grpc/grpc-js';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import {
  getFirestore,
  type DocumentData,
  type DocumentSnapshot,
  type Firestore,
  type QuerySnapshot,
} from 'firebase-admin/firestore';
import type { ListenResponse__Output } from '../src/generated/google/firestore/v1/ListenResponse';
import type { ListenRequest } from '../src/generated/google/firestore/v1/ListenRequest';
import { typedProtoPackage } from '../src/protos';
import { startEmulator, type RunningEmulator } from '../src/server';

/** Snapshot listeners through firebase-admin, and the raw Listen protocol through a gRPC client. */

const DATABASE = 'projects/demo-listen/databases/(default)';

let emulator: RunningEmulator;
let app: App;
let db: Firestore;
let previousHost: string | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, keepAliveMs: 200 });
  previousHost = process.env.FIRESTORE_EMULATOR_HOST;
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostAndPort;
  app = initializeApp({ projectId: 'demo-listen' }, `listen-${Date.now()}`);
  db = getFirestore(app);
});

afterAll(async () => {
  await deleteApp(app);
  await emulator.stop();
  if (previousHost === undefined) delete process.env.FIRESTORE_EMULATOR_HOST;
  else process.env.FIRESTORE_EMULATOR_HOST = previousHost;
});

beforeEach(() => emulator.clear());

/** Collects a listener's snapshots and lets a test wait for the one it expects. */
function collect<T>(subscribe: (next: (value: T) => void, fail: (err: Error) => void) => () => void) {
  const values: T[] = [];
  const waiters: Array<{ check: (v: T) => boolean; resolve: (v: T) => void }> = [];
  let error: Error | undefined;
  const unsubscribe = subscribe(
    (value) => {
      values.push(value);
      for (const w of [...waiters]) {
        if (w.check(value)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(value);
        }
      }
    },
    (err) => {
      error = err;
    },
  );
  return {
    values,
    unsubscribe,
    get error() {
      return error;
    },
    next(check: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
      const seen = values.find(check);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching value within ${timeoutMs} ms; got ${JSON.stringify(values)}`)),
          timeoutMs,
        );
        waiters.push({
          check,
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
        });
      });
    },
  };
}

const ids = (s: QuerySnapshot<DocumentData>): string => s.docs.map((d) => d.id).join(',');

describe('When a client listens to a query', () => {
  it('then the first snapshot arrives even when nothing matches', async () => {
    const l = collect<QuerySnapshot>((next, fail) => db.collection('empty').onSnapshot(next, fail));
    const first = await l.next(() => true);
    expect(first.size).toBe(0);
    l.unsubscribe();
  });

  it('then adds, changes, removals and deletes reach it in order', async () => {
    await db.doc('rooms/a').set({ open: true, n: 1 });
    const l = collect<QuerySnapshot>((next, fail) =>
      db.collection('rooms').where('open', '==', true).onSnapshot(next, fail),
    );
    await l.next((s) => ids(s) === 'a');

    await db.doc('rooms/b').set({ open: true, n: 2 });
    await l.next((s) => ids(s) === 'a,b');
    await db.doc('rooms/a').update({ n: 10 });
    const changed = await l.next((s) => s.docs[0]?.get('n') === 10);
    expect(changed.docChanges().map((c) => c.type)).toEqual(['modified']);
    await db.doc('rooms/a').update({ open: false });
    const left = await l.next((s) => ids(s) === 'b');
    expect(left.docChanges().map((c) => `${c.type}:${c.doc.id}`)).toEqual(['removed:a']);
    await db.doc('rooms/b').delete();
    await l.next((s) => s.size === 0);
    expect(l.error).toBeUndefined();
    l.unsubscribe();
  });

  it('then a limit window refills when a member leaves', async () => {
    await Promise.all([1, 2, 3, 4].map((n) => db.doc(`scores/s${n}`).set({ n })));
    const l = collect<QuerySnapshot>((next, fail) =>
      db.collection('scores').orderBy('n').limit(2).onSnapshot(next, fail),
    );
    await l.next((s) => ids(s) === 's1,s2');
    await db.doc('scores/s1').delete();
    await l.next((s) => ids(s) === 's2,s3');
    await db.doc('scores/s0').set({ n: 0 });
    await l.next((s) => ids(s) === 's0,s2');
    l.unsubscribe();
  });

  it('then documents move in and out of filter, order-field and cursor bounds', async () => {
    await db.doc('cur/low').set({ tag: 'x', n: 3 });
    await db.doc('cur/high').set({ tag: 'x', n: 7 });
    await db.doc('cur/nofield').set({ tag: 'x' });
    const l = collect<QuerySnapshot>((next, fail) =>
      db.collection('cur').where('tag', '==', 'x').orderBy('n').startAt(5).onSnapshot(next, fail),
    );
    await l.next((s) => ids(s) === 'high');
    await db.doc('cur/low').update({ n: 6 });
    await l.next((s) => ids(s) === 'low,high');
    await db.doc('cur/high').update({ tag: 'y' });
    await l.next((s) => ids(s) === 'low');
    await db.doc('cur/nofield').update({ n: 5 });
    await l.next((s) => ids(s) === 'nofield,low');
    l.unsubscribe();
  });

  it('then an offset window shifts when a skipped document leaves', async () => {
    await Promise.all([1, 2, 3, 4].map((n) => db.doc(`off/o${n}`).set({ n })));
    const l = collect<QuerySnapshot>((next, fail) =>
      db.collection('off').orderBy('n').offset(1).limit(2).onSnapshot(next, fail),
    );
    await l.next((s) => ids(s) === 'o2,o3');
    await db.doc('off/o1').delete();
    await l.next((s) => ids(s) === 'o3,o4');
    l.unsubscribe();
  });

  it('then snapshot read times increase and cover the commit', async () => {
    const l = collect<QuerySnapshot>((next, fail) => db.collection('times').onSnapshot(next, fail));
    await l.next(() => true);
    const result = await db.doc('times/t').set({ x: 1 });
    const snap = await l.next((s) => s.size === 1);
    expect(snap.readTime.toMillis()).toBeGreaterThanOrEqual(result.writeTime.toMillis());
    const times = l.values.map((s) => s.readTime.toMillis());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    l.unsubscribe();
  });

  it('then 200 listeners on one query all see the same commit', async () => {
    const listeners = Array.from({ length: 200 }, () =>
      collect<QuerySnapshot>((next, fail) =>
        db.collection('busy').where('room', '==', 'r1').onSnapshot(next, fail),
      ),
    );
    await Promise.all(listeners.map((l) => l.next(() => true, 20_000)));
    await db.doc('busy/m1').set({ room: 'r1' });
    await db.doc('busy/m2').set({ room: 'r2' });
    const snaps = await Promise.all(listeners.map((l) => l.next((s) => s.size === 1, 20_000)));
    expect(snaps.every((s) => s.docs[0].id === 'm1')).toBe(true);
    listeners.forEach((l) => l.unsubscribe());
  }, 30_000);
});

describe('When a client listens to a document', () => {
  it('then it sees the document appear, change and disappear', async () => {
    const l = collect<DocumentSnapshot>((next, fail) => db.doc('users/u1').onSnapshot(next, fail));
    await l.next((s) => !s.exists);
    await db.doc('users/u1').set({ name: 'Ada' });
    await l.next((s) => s.get('name') === 'Ada');
    await db.doc('users/u1').delete();
    await l.next((s) => !s.exists && l.values.length > 2);
    l.unsubscribe();
  });
});

describe('When a raw gRPC client speaks the Listen protocol', () => {
  let client: InstanceType<typeof typedProtoPackage.google.firestore.v1.Firestore>;

  beforeAll(() => {
    client = new typedProtoPackage.google.firestore.v1.Firestore(
      emulator.hostAndPort,
      grpc.credentials.createInsecure(),
    );
  });
  afterAll(() => client.close());

  function open() {
    const stream = client.listen(new grpc.Metadata());
    const responses: ListenResponse__Output[] = [];
    const done = new Promise<grpc.StatusObject>((resolve) => stream.on('status', resolve));
    stream.on('data', (r: ListenResponse__Output) => responses.push(r));
    stream.on('error', () => undefined);
    const waitFor = async (check: () => boolean, timeoutMs = 3000) => {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(responses)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    return { stream, responses, done, waitFor, send: (req: ListenRequest) => stream.write(req) };
  }

  const queryTarget = (resumeToken?: Buffer): ListenRequest => ({
    database: DATABASE,
    addTarget: {
      targetId: 1,
      query: { parent: `${DATABASE}/documents`, structuredQuery: { from: [{ collectionId: 'raw' }] } },
      ...(resumeToken ? { resumeToken } : {}),
    },
  });

  it('then the initial answer is the matches, CURRENT with a resume token, then NO_CHANGE with a read time', async () => {
    await db.doc('raw/one').set({ x: 1 });
    const s = open();
    s.send(queryTarget());
    await s.waitFor(() => s.responses.some((r) => r.targetChange?.targetChangeType === 'NO_CHANGE'));
    const kinds = s.responses.map((r) => r.targetChange?.targetChangeType ?? r.responseType);
    expect(kinds).toEqual(['ADD', 'documentChange', 'CURRENT', 'NO_CHANGE']);
    expect(s.responses[1].documentChange?.targetIds).toEqual([1]);
    expect(s.responses[2].targetChange?.resumeToken?.length).toBeGreaterThan(0);
    const noChange = s.responses[3].targetChange;
    expect(noChange?.targetIds ?? []).toEqual([]);
    expect(noChange?.readTime).toBeDefined();
    s.stream.end();
    expect((await s.done).code).toBe(grpc.status.OK);
  });

  it('then a resumed target gets RESET and the full current set', async () => {
    await db.doc('raw/one').set({ x: 1 });
    const s = open();
    s.send(queryTarget(Buffer.from('00000000000000000000000a', 'hex')));
    await s.waitFor(() => s.responses.some((r) => r.targetChange?.targetChangeType === 'NO_CHANGE'));
    const kinds = s.responses.map((r) => r.targetChange?.targetChangeType ?? r.responseType);
    expect(kinds).toEqual(['ADD', 'RESET', 'documentChange', 'CURRENT', 'NO_CHANGE']);
    s.stream.end();
    await s.done;
  });

  it('then an idle stream gets periodic NO_CHANGE keep-alives', async () => {
    const s = open();
    s.send(queryTarget());
    await s.waitFor(
      () => s.responses.filter((r) => r.targetChange?.targetChangeType === 'NO_CHANGE').length >= 3,
      5000,
    );
    s.stream.end();
    await s.done;
  });

  it('then a malformed request ends only that stream, with INVALID_ARGUMENT', async () => {
    const healthy = open();
    healthy.send(queryTarget());
    const s = open();
    s.send({ database: DATABASE, addTarget: { targetId: 1 } });
    const status = await s.done;
    expect(status.code).toBe(grpc.status.INVALID_ARGUMENT);

    const bad = open();
    bad.send({ database: 'not-a-database', addTarget: { targetId: 1 } });
    expect((await bad.done).code).toBe(grpc.status.INVALID_ARGUMENT);

    const badQuery = open();
    badQuery.send({
      database: DATABASE,
      addTarget: {
        targetId: 1,
        query: {
          parent: `${DATABASE}/documents`,
          structuredQuery: {
            from: [{ collectionId: 'raw' }],
            where: {
              fieldFilter: {
                field: { fieldPath: 'x' },
                op: 'IN',
                value: {
                  arrayValue: { values: Array.from({ length: 31 }, (_, i) => ({ integerValue: i })) },
                },
              },
            },
          },
        },
      },
    });
    expect((await badQuery.done).code).toBe(grpc.status.INVALID_ARGUMENT);

    await db.doc('raw/after').set({ x: 2 });
    await healthy.waitFor(() =>
      healthy.responses.some((r) => r.documentChange?.document?.name?.endsWith('/raw/after')),
    );
    healthy.stream.end();
    await healthy.done;
  });

  it('then a removed target stops receiving changes', async () => {
    const s = open();
    s.send(queryTarget());
    await s.waitFor(() => s.responses.some((r) => r.targetChange?.targetChangeType === 'NO_CHANGE'));
    s.send({ database: DATABASE, removeTarget: 1 });
    await s.waitFor(() => s.responses.some((r) => r.targetChange?.targetChangeType === 'REMOVE'));
    const count = s.responses.length;
    await db.doc('raw/ignored').set({ x: 3 });
    await new Promise((r) => setTimeout(r, 100));
    expect(s.responses.slice(count).filter((r) => r.documentChange)).toEqual([]);
    s.stream.end();
    await s.done;
  });
});

describe('When every listener is gone', () => {
  it('then the Listen streams no longer hold a store subscription', async () => {
    const own = await startEmulator({ port: 0 });
    const store = own.store;
    const subscribe = store.onCommit.bind(store);
    let active = 0;
    store.onCommit = (listener) => {
      active++;
      const unsubscribe = subscribe(listener);
      return () => {
        active--;
        unsubscribe();
      };
    };
    const ownApp = initializeApp({ projectId: 'demo-listen' }, `own-${Date.now()}`);
    process.env.FIRESTORE_EMULATOR_HOST = own.hostAndPort;
    const ownDb = getFirestore(ownApp);
    process.env.FIRESTORE_EMULATOR_HOST = emulator.hostAndPort;
    try {
      const listeners = [1, 2, 3].map(() =>
        collect<QuerySnapshot>((next, fail) => ownDb.collection('subs').onSnapshot(next, fail)),
      );
      await Promise.all(listeners.map((l) => l.next(() => true)));
      expect(active).toBe(1);
      listeners.forEach((l) => l.unsubscribe());
      const deadline = Date.now() + 5000;
      while (active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(active).toBe(0);
    } finally {
      await deleteApp(ownApp);
      await own.stop();
    }
  });
});
