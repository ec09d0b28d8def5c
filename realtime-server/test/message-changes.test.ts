import type { CollectionReference, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import type { LogEntry } from '@chat/core';
import type { TailCursor } from '../src/listeners/collection-tail';
import { MessageChanges } from '../src/listeners/message-changes';
import { changesSource } from './feed-sources';
import { createLogs } from '../src/logs';
import { FaultyListeners } from './faulty-listeners';
import { Harness, eventually, sleep, uniqueId } from './support';

describe('MessageChanges', () => {
  let h: Harness;
  const logs: LogEntry[] = [];
  beforeEach(() => {
    h = new Harness();
    logs.length = 0;
  });
  afterEach(() => h.cleanup());

  const id = (n: number) => `m${String(n).padStart(3, '0')}`;
  const create = (messages: CollectionReference, n: number) =>
    messages.doc(id(n)).create({
      text: `v0 of ${n}`,
      createdAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
  const edit = (messages: CollectionReference, n: number, version: number) =>
    messages.doc(id(n)).update({ text: `v${version} of ${n}`, updatedAt: FieldValue.serverTimestamp() });

  function follow(messages: CollectionReference, faults: FaultyListeners, checkMs = 200) {
    const seen: string[] = [];
    let newest: TailCursor | null | undefined;
    const changes = new MessageChanges(
      changesSource(faults.wrap(messages)),
      {
        started: (cursor) => (newest = cursor),
        changed: (docs: QueryDocumentSnapshot[]) => seen.push(...docs.map((d) => d.get('text') as string)),
      },
      createLogs((entry) => logs.push(entry)),
      messages.path,
      { checkMs, marginMs: 0, backoff: { initialMs: 20, maxMs: 100 } },
    );
    h.defer(() => changes.close());
    return { changes, seen, newest: () => newest };
  }

  it('when it opens, then it reports the newest existing message and then new messages and edits of old ones', async () => {
    const messages = h.db.collection(uniqueId('changes'));
    await create(messages, 1);
    await sleep(20);
    const faults = new FaultyListeners();
    const { changes, seen, newest } = follow(messages, faults);
    await changes.ready;
    expect(newest()?.id).toBe(id(1));
    await create(messages, 2);
    await edit(messages, 1, 1);
    await eventually(() => expect(seen).toEqual(['v0 of 2', 'v1 of 1']));
  });

  it('when the listener errors, then it reopens after the last version and delivers every later one', async () => {
    const messages = h.db.collection(uniqueId('changes'));
    const faults = new FaultyListeners();
    const { changes, seen } = follow(messages, faults);
    await changes.ready;
    await create(messages, 1);
    await eventually(() => expect(seen).toEqual(['v0 of 1']));
    faults.fail();
    await create(messages, 2);
    await edit(messages, 1, 1);
    await eventually(() => expect(seen).toEqual(['v0 of 1', 'v0 of 2', 'v1 of 1']));
    expect(faults.opened).toBe(2);
    expect(logs.some((e) => e.severity === 'WARNING' && e.message.includes('injected stream failure'))).toBe(
      true,
    );
  });

  it('when the listener goes silent while messages change, then the check notices and replays them', async () => {
    const messages = h.db.collection(uniqueId('changes'));
    const faults = new FaultyListeners();
    const { changes, seen } = follow(messages, faults);
    await changes.ready;
    faults.mode = 'silent';
    await create(messages, 1);
    await edit(messages, 1, 1);
    // The check notices while the listener is still silent: nothing may have been delivered by then.
    await eventually(() => expect(logs.some((e) => e.message.includes('listener silent'))).toBe(true));
    expect(seen).toEqual([]);
    faults.mode = 'normal';
    await eventually(() => expect(seen).toEqual(['v1 of 1']));
    expect(faults.opened).toBeGreaterThanOrEqual(2);
  });
});
