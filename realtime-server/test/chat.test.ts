import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import type { ChatJoined, Message } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import {
  Harness,
  call,
  collect,
  eventually,
  next,
  marker,
  ok,
  type ChatClient,
  type RunningRelay,
} from './support';

describe('The /chat namespace', () => {
  let h: Harness;
  let running: RunningRelay;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;

  beforeEach(async () => {
    h = new Harness();
    running = await h.startRelay();
    [alice, bob, carol] = await Promise.all([h.newUser(), h.newUser(), h.newUser()]);
  });
  afterEach(() => h.cleanup());

  const join = (socket: ChatClient, chatId: string, after?: string) =>
    ok<ChatJoined>(socket, 'chat:join', after ? { chatId, after } : { chatId });

  it('when a non-member joins a chat, then the join is refused with not-found and no listener opens', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const socket = await h.chat(running.relay, carol.idToken);
    const answer = await call(socket, 'chat:join', { chatId });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found', status: 404 } });
    expect(running.relay.stats().chatFeeds).toBe(0);
  });

  it('when a member joins, then the ack carries the chat and its recent messages, oldest first', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const first = await h.send(alice, chatId, 'one');
    const second = await h.send(bob, chatId, 'two');
    const socket = await h.chat(running.relay, alice.idToken);
    const joined = await join(socket, chatId);
    expect(joined.chat).toMatchObject({ id: chatId, type: 'group', memberIds: [alice.uid, bob.uid] });
    expect(joined.messages.map((m) => m.id)).toEqual([first.id, second.id]);
    expect(joined.online).toEqual([alice.uid]);
  });

  it('when a member cleared a direct chat, then their join history holds only what came after, and the other side keeps all', async () => {
    const chatId = (await h.services.chats.openDirect(h.as(alice), bob.uid)).chat.id;
    await h.send(bob, chatId, 'before');
    await h.services.chats.delete(h.as(alice), chatId);
    await h.send(bob, chatId, 'after');
    const [a, b] = await Promise.all([
      h.chat(running.relay, alice.idToken),
      h.chat(running.relay, bob.idToken),
    ]);
    expect((await join(a, chatId)).messages.map((m) => m.text)).toEqual(['after']);
    expect((await join(b, chatId)).messages.map((m) => m.text)).toEqual(['before', 'after']);
  });

  it('when a message is sent through the core service, then it arrives on sockets in the room and nowhere else', async () => {
    const chatId = await h.groupChat(alice, [bob, carol]);
    const otherChat = await h.groupChat(carol, [alice]);
    const [a, b, c] = await Promise.all([alice, bob, carol].map((u) => h.chat(running.relay, u.idToken)));
    await join(a, chatId);
    await join(b, chatId);
    await join(c, otherChat); // a member of chatId, but only in another room
    const seenByCarol = collect<Message>(c, 'message:new');
    const arrivals = [next<Message>(a, 'message:new'), next<Message>(b, 'message:new')];
    const sent = await h.send(alice, chatId, 'hello room');
    for (const message of await Promise.all(arrivals)) expect(message).toEqual(sent);
    const end = await marker(a, carol, c);
    expect(seenByCarol.map((m) => m.id)).toEqual([end.id]);
    expect(running.relay.stats().chatFeeds).toBe(2);
  });

  it('when many sockets join the same chat, then one listener serves them and it closes with the last leave', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const sockets = await Promise.all([alice, alice, bob, bob].map((u) => h.chat(running.relay, u.idToken)));
    await Promise.all(sockets.map((s) => join(s, chatId)));
    expect(running.relay.stats().chatFeeds).toBe(1);
    await Promise.all(sockets.slice(0, 3).map((s) => ok(s, 'chat:leave', { chatId })));
    expect(running.relay.stats().chatFeeds).toBe(1);
    sockets[3]?.disconnect();
    await eventually(() => expect(running.relay.stats().chatFeeds).toBe(0));
  });

  it('when a room opens, then its feed holds one Firestore listener, on its messages, whatever the number of sockets', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const sockets = await Promise.all([alice, bob, bob].map((u) => h.chat(running.relay, u.idToken)));
    await Promise.all(sockets.map((s) => join(s, chatId)));
    const opened = () =>
      running.logs
        .filter((e) => e.message.startsWith('Listener opened') && e.message.includes(chatId))
        .map((e) => e.message);
    await eventually(() => expect(opened()).toEqual([`Listener opened: messages chats/${chatId}/messages`]));
    const arrival = next<Message>(sockets[0] as ChatClient, 'message:new');
    const sent = await h.send(alice, chatId, 'after the room opened');
    expect((await arrival).id).toBe(sent.id);
    expect(opened()).toHaveLength(1);
  });

  it('when a socket sends message:send, then the ack carries the message, everyone in the room gets it once, and a retry is idempotent', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const [a, b] = await Promise.all([
      h.chat(running.relay, alice.idToken),
      h.chat(running.relay, bob.idToken),
    ]);
    await join(a, chatId);
    await join(b, chatId);
    const atBob = collect<Message>(b, 'message:new');
    const payload = { chatId, text: 'over the socket', clientMessageId: 'client-1' };
    const sent = await ok<Message>(a, 'message:send', payload);
    const retried = await ok<Message>(a, 'message:send', payload);
    expect(retried.id).toBe(sent.id);
    expect(sent).toMatchObject({ chatId, senderId: alice.uid, text: 'over the socket' });
    // The room's next message is the end of the window: the room's changes arrive in commit order.
    const end = await h.send(alice, chatId, 'after the retry');
    await eventually(() => expect(atBob.map((m) => m.id)).toContain(end.id));
    expect(atBob.map((m) => m.id)).toEqual([sent.id, end.id]);
  });

  it('when message:send breaks the REST rules, then the ack carries invalid-argument with the fields', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const a = await h.chat(running.relay, alice.idToken);
    const answer = await call(a, 'message:send', { chatId, text: '   ', clientMessageId: 'k1' });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', fields: [{ path: 'text' }] },
    });
    const outsider = await h.chat(running.relay, carol.idToken);
    const refused = await call(outsider, 'message:send', {
      chatId,
      text: 'let me in',
      clientMessageId: 'k2',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('when a private message is sent, then only its recipient gets it, even before joining the direct chat', async () => {
    const [a, b, c] = await Promise.all([alice, bob, carol].map((u) => h.chat(running.relay, u.idToken)));
    const seenByCarol = collect<Message>(c, 'message:new');
    const atBob = next<Message>(b, 'message:new');
    const sent = await ok<{ chatId: string; message: Message }>(a, 'message:private', {
      to: bob.uid,
      text: 'just for you',
      clientMessageId: 'dm-1',
    });
    expect((await atBob).id).toBe(sent.message.id);
    expect(sent.chatId).toMatch(/^dm_/);
    const refused = await call(c, 'chat:join', { chatId: sent.chatId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const end = await marker(b, carol, c);
    expect(seenByCarol.map((m) => m.id)).toEqual([end.id]);
  });

  it('when members type, then the others in the room see it and the typist does not', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const [a, b] = await Promise.all([
      h.chat(running.relay, alice.idToken),
      h.chat(running.relay, bob.idToken),
    ]);
    await join(a, chatId);
    await join(b, chatId);
    const echoed = collect(a, 'typing');
    const atBob = next(b, 'typing');
    await ok(a, 'typing', { chatId, typing: true });
    expect(await atBob).toEqual({ chatId, uid: alice.uid, typing: true });
    // Bob typing back ends the window: Alice's own echo, if any, was emitted before it.
    const back = next(a, 'typing');
    await ok(b, 'typing', { chatId, typing: true });
    await back;
    expect(echoed).toEqual([{ chatId, uid: bob.uid, typing: true }]);
  });

  it('when typing is sent for a chat not joined, then the ack says failed-precondition', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const a = await h.chat(running.relay, alice.idToken);
    expect(await call(a, 'typing', { chatId, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'failed-precondition' },
    });
  });

  it('when a member comes and goes, then the room sees presence online then offline, and the joiner learns who is online', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const a = await h.chat(running.relay, alice.idToken);
    await join(a, chatId);
    const online = next(a, 'presence');
    const b = await h.chat(running.relay, bob.idToken);
    const joined = await join(b, chatId);
    expect(joined.online.sort()).toEqual([alice.uid, bob.uid].sort());
    expect(await online).toEqual({ chatId, uid: bob.uid, online: true });
    const offline = next(a, 'presence');
    b.disconnect();
    expect(await offline).toEqual({ chatId, uid: bob.uid, online: false });
  });

  it('when a user has two sockets in a room, then presence turns offline only when the last one leaves', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const a = await h.chat(running.relay, alice.idToken);
    await join(a, chatId);
    const [b1, b2] = await Promise.all([
      h.chat(running.relay, bob.idToken),
      h.chat(running.relay, bob.idToken),
    ]);
    await join(b1, chatId);
    await join(b2, chatId);
    const presence = collect<{ online: boolean }>(a, 'presence');
    await ok(b1, 'chat:leave', { chatId });
    // Bob's other socket typing ends the window: a premature offline would have been emitted before it.
    const typing = next(a, 'typing');
    await ok(b2, 'typing', { chatId, typing: true });
    await typing;
    expect(presence).toEqual([]);
    await ok(b2, 'chat:leave', { chatId });
    await eventually(() => expect(presence).toEqual([{ chatId, uid: bob.uid, online: false }]));
  });

  it('when a member is removed, then their sockets leave the room at once and get nothing more', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const [a, b] = await Promise.all([
      h.chat(running.relay, alice.idToken),
      h.chat(running.relay, bob.idToken),
    ]);
    await join(a, chatId);
    await join(b, chatId);
    const removed = next(b, 'chat:removed');
    const left = next(a, 'member:left');
    await h.services.members.remove(h.as(alice), chatId, bob.uid);
    expect(await removed).toEqual({ chatId });
    expect(await left).toEqual({ chatId, uid: bob.uid });
    const atBob = collect<Message>(b, 'message:new');
    const atAlice = next<Message>(a, 'message:new');
    const after = await h.send(alice, chatId, 'bob is gone');
    expect((await atAlice).id).toBe(after.id);
    const end = await marker(a, bob, b);
    expect(atBob.map((m) => m.id)).toEqual([end.id]);
    expect(await call(b, 'chat:join', { chatId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('when messages are sent the instant a member is removed, then none committed after the removal reaches them', async () => {
    // One ordered stream carries the removal and the messages, so this holds every time, not usually.
    const a = await h.chat(running.relay, alice.idToken);
    for (let round = 0; round < 5; round += 1) {
      const chatId = await h.groupChat(alice, [bob]);
      const b = await h.chat(running.relay, bob.idToken);
      await join(a, chatId);
      await join(b, chatId);
      const atBob = collect<Message>(b, 'message:new');
      const atAlice = collect<Message>(a, 'message:new');
      const removed = next(b, 'chat:removed');
      await h.services.members.remove(h.as(alice), chatId, bob.uid);
      const after = await Promise.all(
        Array.from({ length: 10 }, (_, i) => h.send(alice, chatId, `after removal ${i}`)),
      );
      await removed;
      // Once the room has emitted all ten (Alice has them), a marker to Bob ends the window.
      await eventually(() =>
        expect(atAlice.filter((m) => after.some((x) => x.id === m.id))).toHaveLength(10),
      );
      await marker(a, bob, b);
      const leaked = atBob.filter((m) => after.some((x) => x.id === m.id));
      expect(leaked).toEqual([]);
      b.disconnect();
      a.off('message:new');
    }
  });

  it('when a message commits after one already emitted but sorts before it, then it is still pushed live, and so is a removal', async () => {
    // The service stamps createdAt and updatedAt with one server timestamp, so it never commits a message
    // that sorts before one already committed; a client-chosen or skewed createdAt could. These documents
    // are written directly, with createdAt a second before a message the room already has.
    const chatId = await h.groupChat(alice, [bob]);
    const [a, b] = await Promise.all([alice, bob].map((u) => h.chat(running.relay, u.idToken)));
    await join(a, chatId);
    await join(b, chatId);
    const first = next<Message>(a, 'message:new');
    const sent = await h.send(alice, chatId, 'sorts last');
    expect((await first).id).toBe(sent.id);
    const earlier = Timestamp.fromMillis(Date.parse(sent.createdAt) - 1000);
    const messages = h.db.collection(`chats/${chatId}/messages`);
    const message = (fields: Record<string, unknown>) => ({
      replyToId: null,
      clientMessageId: null,
      createdAt: earlier,
      updatedAt: FieldValue.serverTimestamp(),
      editedAt: null,
      deletedAt: null,
      moderated: false,
      ...fields,
    });
    const late = next<Message>(a, 'message:new');
    const lateRef = messages.doc();
    await lateRef.create(
      message({ senderId: alice.uid, text: 'committed late', type: 'text', system: null }),
    );
    expect((await late).id).toBe(lateRef.id);
    const removed = next(b, 'chat:removed');
    const left = next(a, 'member:left');
    const batch = h.db.batch();
    batch.delete(h.db.doc(`chats/${chatId}/members/${bob.uid}`));
    batch.update(h.db.doc(`chats/${chatId}`), { memberIds: FieldValue.arrayRemove(bob.uid) });
    batch.create(
      messages.doc(),
      message({
        senderId: alice.uid,
        text: '',
        type: 'system',
        system: { event: 'member-removed', uid: bob.uid },
      }),
    );
    await batch.commit();
    expect(await removed).toEqual({ chatId });
    expect(await left).toEqual({ chatId, uid: bob.uid });
  });

  it('when members are added and removed, then the room gets member:joined / member:left, chat:updated and the system messages', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const a = await h.chat(running.relay, alice.idToken);
    await join(a, chatId);
    const joined = next(a, 'member:joined');
    const left = next(a, 'member:left');
    const system = collect<Message>(a, 'message:new');
    const chats = collect<{ memberIds: string[] }>(a, 'chat:updated');
    await h.services.members.add(h.as(alice), chatId, { uid: carol.uid, role: 'member' });
    expect(await joined).toEqual({ chatId, uid: carol.uid });
    await eventually(() =>
      expect(chats.at(-1)?.memberIds.sort()).toEqual([alice.uid, bob.uid, carol.uid].sort()),
    );
    await h.services.members.remove(h.as(alice), chatId, carol.uid);
    expect(await left).toEqual({ chatId, uid: carol.uid });
    await eventually(() => expect(chats.at(-1)?.memberIds.sort()).toEqual([alice.uid, bob.uid].sort()));
    expect(system.map((m) => [m.type, m.senderId, m.system])).toEqual([
      ['system', alice.uid, { event: 'member-added', uid: carol.uid }],
      ['system', alice.uid, { event: 'member-removed', uid: carol.uid }],
    ]);
  });

  it('when a member is removed while their join is in flight, then the join is refused and they never enter the room', async () => {
    const a = await h.chat(running.relay, alice.idToken);
    for (let round = 0; round < 5; round += 1) {
      const chatId = await h.groupChat(alice, [bob]);
      await join(a, chatId);
      const b = await h.chat(running.relay, bob.idToken);
      const joining = call(b, 'chat:join', { chatId });
      await h.services.members.remove(h.as(alice), chatId, bob.uid);
      const answer = await joining;
      const atBob = collect<Message>(b, 'message:new');
      const atAlice = collect<Message>(a, 'message:new'); // the removal's system message comes too
      const sent = await h.send(alice, chatId, 'not for bob');
      await eventually(() => expect(atAlice.map((m) => m.id)).toContain(sent.id));
      await marker(a, bob, b);
      // The join raced the removal: it either won (and bob was then evicted) or was refused as not-found.
      expect(answer.ok || answer.error.code === 'not-found').toBe(true);
      expect(atBob.map((m) => m.id)).not.toContain(sent.id);
      b.disconnect();
      a.off('message:new');
    }
  });

  it('when a chat is deleted, then every socket in its room gets chat:removed and leaves it', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const [a, b] = await Promise.all([
      h.chat(running.relay, alice.idToken),
      h.chat(running.relay, bob.idToken),
    ]);
    await join(a, chatId);
    await join(b, chatId);
    const removed = [next(a, 'chat:removed'), next(b, 'chat:removed')];
    await h.services.chats.delete(h.as(alice), chatId);
    expect(await Promise.all(removed)).toEqual([{ chatId }, { chatId }]);
    await eventually(() => expect(running.relay.stats().chatFeeds).toBe(0));
  });

  it('when a member marks a message read, then the ack confirms it, and their read position and unread count move', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const first = await h.send(alice, chatId, 'read me');
    const second = await h.send(alice, chatId, 'and then me');
    // What the messageCreated trigger runs (idempotent, so the stack's trigger running too changes nothing).
    for (const sent of [first, second]) await h.services.fanOut.messageCreated(chatId, sent.id);
    const unread = async () =>
      (await h.services.readState.unreadCounts(h.as(bob))).chats.find((c) => c.chatId === chatId)
        ?.unreadCount;
    expect(await unread()).toBe(2);
    const b = await h.chat(running.relay, bob.idToken);
    expect(await ok(b, 'message:read', { chatId, messageId: first.id })).toEqual({
      chatId,
      messageId: first.id,
    });
    const member = await h.db.doc(`chats/${chatId}/members/${bob.uid}`).get();
    expect(member.data()).toMatchObject({ lastReadMessageId: first.id, unreadCount: 1 });
    expect(await unread()).toBe(1);
    await ok(b, 'message:read', { chatId, messageId: second.id });
    expect(await unread()).toBe(0);
  });

  it('when a message is edited and deleted, then the room gets message:updated and message:deleted', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const b = await h.chat(running.relay, bob.idToken);
    await join(b, chatId);
    const created = next<Message>(b, 'message:new');
    const sent = await h.send(alice, chatId, 'draft');
    await created;
    const updated = next<Message>(b, 'message:updated');
    await h.services.messages.edit(h.as(alice), chatId, sent.id, { text: 'final' });
    expect(await updated).toMatchObject({ id: sent.id, text: 'final' });
    const deleted = next<Message>(b, 'message:deleted');
    await h.services.messages.delete(h.as(alice), chatId, sent.id);
    expect(await deleted).toMatchObject({ id: sent.id, text: '' });
  });

  it('when a message from before the room opened is edited and deleted, then the room gets each change once', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const old = await h.send(alice, chatId, 'written before anyone joined');
    const b = await h.chat(running.relay, bob.idToken);
    await join(b, chatId);
    const updates = collect<Message>(b, 'message:updated');
    const deletions = collect<Message>(b, 'message:deleted');
    await h.services.messages.edit(h.as(alice), chatId, old.id, { text: 'edited later' });
    await eventually(() => expect(updates.map((m) => [m.id, m.text])).toEqual([[old.id, 'edited later']]));
    await h.services.messages.delete(h.as(alice), chatId, old.id);
    await eventually(() => expect(deletions.map((m) => m.id)).toEqual([old.id]));
    const arrivals = collect<Message>(b, 'message:new');
    const end = await h.send(alice, chatId, 'after the changes');
    await eventually(() => expect(arrivals.map((m) => m.id)).toEqual([end.id]));
    expect(updates).toHaveLength(1);
    expect(deletions).toHaveLength(1);
  });

  it("when a chat is renamed, then the room gets chat:updated, and a message's bookkeeping does not send one", async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const b = await h.chat(running.relay, bob.idToken);
    await join(b, chatId);
    const updates = collect<{ title: string | null }>(b, 'chat:updated');
    const sent = await h.send(alice, chatId, 'moves lastActivityAt');
    await h.services.fanOut.messageCreated(chatId, sent.id); // what the messageCreated trigger runs
    // The rename is the end of the window: a chat:updated from the bookkeeping would have come first.
    await h.services.chats.rename(h.as(alice), chatId, { title: 'Renamed' });
    await eventually(() => expect(updates.map((c) => c.title)).toContain('Renamed'));
    expect(updates.map((c) => c.title)).toEqual(['Renamed']);
  });
});
