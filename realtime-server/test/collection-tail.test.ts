import type { CollectionReference } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import type { LogEntry } from '@chat/core';
import { CollectionTail } from '../src/listeners/collection-tail';
import { tailSource } from './feed-sources';
import { createLogs } from '../src/logs';
import { FaultyListeners } from './faulty-listeners';
import { Harness, eventually, sleep, uniqueId } from './support';

describe('CollectionTail', () => {
  let h: Harness;
  const logs: LogEntry[] = [];
  beforeEach(() => {
    h = new Harness();
    logs.length = 0;
  });
  afterEach(() => h.cleanup());

  const add = (collection: CollectionReference, n: number) =>
    collection.doc(`m${String(n).padStart(3, '0')}`).set({ n, createdAt: FieldValue.serverTimestamp() });

  function tail(collection: CollectionReference, faults: FaultyListeners, checkMs = 200) {
    const delivered: number[] = [];
    const t = new CollectionTail(
      tailSource(faults.wrap(collection)),
      { added: (doc) => delivered.push(doc.get('n') as number), modified: () => undefined },
      createLogs((entry) => logs.push(entry)),
      collection.path,
      { checkMs, backoff: { initialMs: 20, maxMs: 100 } },
    );
    h.defer(() => t.close());
    return { t, delivered };
  }

  it('when the listener errors, then it reopens after the cursor and delivers every later document once', async () => {
    const collection = h.db.collection(uniqueId('tail'));
    await add(collection, 0); // existed before: not delivered
    const faults = new FaultyListeners();
    const { t, delivered } = tail(collection, faults);
    await t.ready;
    await add(collection, 1);
    await eventually(() => expect(delivered).toEqual([1]));
    faults.fail();
    await add(collection, 2);
    await add(collection, 3);
    await eventually(() => expect(delivered).toEqual([1, 2, 3]));
    expect(faults.opened).toBe(2);
    expect(logs.some((e) => e.severity === 'WARNING' && e.message.includes('injected stream failure'))).toBe(
      true,
    );
  });

  it('when the listener goes silent while documents are committed, then the check notices and replays them', async () => {
    const collection = h.db.collection(uniqueId('tail'));
    const faults = new FaultyListeners();
    const { t, delivered } = tail(collection, faults);
    await t.ready;
    faults.mode = 'silent';
    await add(collection, 1);
    await add(collection, 2);
    // The check notices while the listener is still silent: nothing may have been delivered by then.
    await eventually(() => expect(logs.some((e) => e.message.includes('listener silent'))).toBe(true));
    expect(delivered).toEqual([]);
    faults.mode = 'normal';
    await eventually(() => expect(delivered).toEqual([1, 2]));
    expect(faults.opened).toBeGreaterThanOrEqual(2);
  });

  it('when a quiet collection gets nothing, then the listener is left alone', async () => {
    const collection = h.db.collection(uniqueId('tail'));
    const faults = new FaultyListeners();
    const { t } = tail(collection, faults, 100);
    await t.ready;
    // A window, not a wait for an event: six checks (100 ms apart) find nothing to reopen for.
    await sleep(600);
    expect(faults.opened).toBe(1);
  });

  it('when its window fills, then it reopens from the cursor without a gap or a repeat', async () => {
    const collection = h.db.collection(uniqueId('tail'));
    const faults = new FaultyListeners();
    const delivered: number[] = [];
    const t = new CollectionTail(
      tailSource(faults.wrap(collection)),
      { added: (doc) => delivered.push(doc.get('n') as number), modified: () => undefined },
      createLogs((entry) => logs.push(entry)),
      collection.path,
      { checkMs: 1000, windowSize: 3 },
    );
    h.defer(() => t.close());
    await t.ready;
    for (let n = 1; n <= 8; n += 1) await add(collection, n);
    await eventually(() => expect(delivered).toEqual([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(faults.opened).toBeGreaterThanOrEqual(3);
  });
});
