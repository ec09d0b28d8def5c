import { FieldValue } from 'firebase-admin/firestore';
import type { RealtimeNotification } from '@chat/core';
import { Harness, collect, eventually, next, sleep, type RunningRelay } from './support';

describe('The /notifications namespace', () => {
  let h: Harness;
  let running: RunningRelay;

  beforeEach(async () => {
    h = new Harness();
    running = await h.startRelay();
  });
  afterEach(() => h.cleanup());

  const notify = (uid: string, id: string) =>
    h.db
      .collection('users')
      .doc(uid)
      .collection('notifications')
      .doc(id)
      .create({
        type: 'message',
        title: `About ${id}`,
        body: 'Hello',
        subject: null,
        createdAt: FieldValue.serverTimestamp(),
        readAt: null,
      });

  it("when a notification lands in a user's inbox, then each of their sockets gets it and nobody else does", async () => {
    const [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
    const [tab1, tab2, other] = await Promise.all([
      h.notifications(running.relay, alice.idToken),
      h.notifications(running.relay, alice.idToken),
      h.notifications(running.relay, bob.idToken),
    ]);
    await eventually(() => expect(running.relay.stats().notificationFeeds).toBe(2));
    await sleep(200); // the inbox tails have delivered their first snapshot
    const seenByBob = collect(other, 'notification:new');
    const arrivals = [
      next<RealtimeNotification>(tab1, 'notification:new'),
      next<RealtimeNotification>(tab2, 'notification:new'),
    ];
    await notify(alice.uid, 'n1');
    for (const notification of await Promise.all(arrivals)) {
      expect(notification).toMatchObject({ id: 'n1', type: 'message', title: 'About n1' });
    }
    await sleep(300);
    expect(seenByBob).toEqual([]);
  });

  it('when the last socket of a user disconnects, then their inbox listener closes', async () => {
    const alice = await h.newUser();
    const socket = await h.notifications(running.relay, alice.idToken);
    await eventually(() => expect(running.relay.stats().notificationFeeds).toBe(1));
    socket.disconnect();
    await eventually(() => expect(running.relay.stats().notificationFeeds).toBe(0));
  });
});
