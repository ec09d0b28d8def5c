import { FieldValue } from 'firebase-admin/firestore';
import type { NotificationsSubscribed, RealtimeNotification } from '@chat/core';
import { Harness, call, collect, eventually, next, ok, type RunningRelay } from './support';

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
    await Promise.all([tab1, tab2, other].map((s) => ok(s, 'notifications:subscribe', {})));
    expect(running.relay.stats().notificationFeeds).toBe(2);
    const seenByBob = collect<RealtimeNotification>(other, 'notification:new');
    const arrivals = [
      next<RealtimeNotification>(tab1, 'notification:new'),
      next<RealtimeNotification>(tab2, 'notification:new'),
    ];
    await notify(alice.uid, 'n1');
    for (const notification of await Promise.all(arrivals)) {
      expect(notification).toMatchObject({ id: 'n1', type: 'message', title: 'About n1' });
    }
    // Bob's own notification ends his window: Alice's was emitted before it.
    const bobs = next<RealtimeNotification>(other, 'notification:new');
    await notify(bob.uid, 'b1');
    await bobs;
    expect(seenByBob.map((n) => n.id)).toEqual(['b1']);
  });

  it('when the last socket of a user disconnects, then their inbox listener closes', async () => {
    const alice = await h.newUser();
    const socket = await h.notifications(running.relay, alice.idToken);
    await eventually(() => expect(running.relay.stats().notificationFeeds).toBe(1));
    socket.disconnect();
    await eventually(() => expect(running.relay.stats().notificationFeeds).toBe(0));
  });

  it('when a socket has not subscribed, then it gets no notifications', async () => {
    const alice = await h.newUser();
    const quiet = await h.notifications(running.relay, alice.idToken);
    const subscribed = await h.notifications(running.relay, alice.idToken);
    await ok(subscribed, 'notifications:subscribe', {});
    const seen = collect<RealtimeNotification>(quiet, 'notification:new');
    const arrival = next(subscribed, 'notification:new');
    await notify(alice.uid, 'only-subscribers');
    await arrival;
    // Subscribing now and receiving the next one ends the window: the first would have come before it.
    await ok(quiet, 'notifications:subscribe', {});
    const next1 = next<RealtimeNotification>(quiet, 'notification:new');
    await notify(alice.uid, 'after-subscribing');
    await next1;
    expect(seen.map((n) => n.id)).toEqual(['after-subscribing']);
  });

  it('when a client resubscribes with its newest notification id, then it gets exactly the ones it missed', async () => {
    const alice = await h.newUser();
    const first = await h.notifications(running.relay, alice.idToken);
    await ok(first, 'notifications:subscribe', {});
    const arrival = next<RealtimeNotification>(first, 'notification:new');
    await notify(alice.uid, 'a1');
    const held = await arrival;
    first.disconnect();
    await notify(alice.uid, 'a2');
    await notify(alice.uid, 'a3');

    const second = await h.notifications(running.relay, alice.idToken);
    const live = collect<RealtimeNotification>(second, 'notification:new');
    const racing = Promise.all([notify(alice.uid, 'a4'), notify(alice.uid, 'a5')]);
    const answer = await ok<NotificationsSubscribed>(second, 'notifications:subscribe', { after: held.id });
    await racing;
    await notify(alice.uid, 'a6'); // the end of the window: the inbox arrives in order
    await eventually(() => expect(live.map((n) => n.id)).toContain('a6'));
    const ids = [...answer.notifications, ...live].map((n) => n.id).filter((id) => id !== 'a6');
    expect(ids.sort()).toEqual(['a2', 'a3', 'a4', 'a5']);
  });

  it('when the cursor is not in the inbox, then the subscribe ack says not-found', async () => {
    const alice = await h.newUser();
    const socket = await h.notifications(running.relay, alice.idToken);
    expect(await call(socket, 'notifications:subscribe', { after: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('when the message fan-out (what the messageCreated trigger runs) notifies a member, then their socket gets it', async () => {
    const [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
    const chatId = await h.groupChat(alice, [bob]);
    const inbox = await h.notifications(running.relay, bob.idToken);
    await ok(inbox, 'notifications:subscribe', {});
    const notifications = collect<RealtimeNotification>(inbox, 'notification:new');
    const sent = await h.send(alice, chatId, 'ping bob');
    await h.services.fanOut.messageCreated(chatId, sent.id);
    await eventually(() =>
      expect(notifications).toContainEqual(
        expect.objectContaining({ type: 'message', subject: `chats/${chatId}/messages/${sent.id}` }),
      ),
    );
  });
});
